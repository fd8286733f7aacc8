package dev.wheelwise.project;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Path;

/**
 * Any bytes as a pdm.lock (without its pyproject.toml): a lock whose install set computes (or {@link InstallSetError}), or
 * {@link InputParseError} with a span in the file. Seeds: PdmLockFuzzTestInputs/read/; the longer
 * campaign (fuzz/campaign.sh) adds ../shared/corpus's locks.
 */
class PdmLockFuzzTest {

  @FuzzTest(maxDuration = "10s")
  void read(byte[] data) {
    Path file = ProjectFuzzing.write(ProjectFuzzing.folder(), "pdm.lock", data);
    try {
      ProjectFuzzing.installs(PdmLockReader.read(file, java.util.Optional.empty()));
    } catch (InputParseError e) {
      ProjectFuzzing.spanInFile(e, file);
    }
  }
}
