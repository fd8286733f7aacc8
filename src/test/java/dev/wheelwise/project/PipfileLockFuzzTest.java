package dev.wheelwise.project;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Path;

/**
 * Any bytes as a Pipfile.lock: a lock whose install set computes (or {@link InstallSetError}), or
 * {@link InputParseError} with a span in the file. Seeds: PipfileLockFuzzTestInputs/read/; the longer
 * campaign (fuzz/campaign.sh) adds ../shared/corpus's locks.
 */
class PipfileLockFuzzTest {

  @FuzzTest(maxDuration = "10s")
  void read(byte[] data) {
    Path file = ProjectFuzzing.write(ProjectFuzzing.folder(), "Pipfile.lock", data);
    try {
      ProjectFuzzing.installs(PipfileLockReader.read(file));
    } catch (InputParseError e) {
      ProjectFuzzing.spanInFile(e, file);
    }
  }
}
