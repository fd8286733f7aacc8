package dev.wheelwise.project;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Path;

/**
 * Any bytes as a uv.lock: a lock whose install set computes (or {@link InstallSetError}), or
 * {@link InputParseError} with a span in the file. Seeds: UvLockFuzzTestInputs/read/; the longer
 * campaign (fuzz/campaign.sh) adds ../shared/corpus's locks.
 */
class UvLockFuzzTest {

  @FuzzTest(maxDuration = "10s")
  void read(byte[] data) {
    Path file = ProjectFuzzing.write(ProjectFuzzing.folder(), "uv.lock", data);
    try {
      ProjectFuzzing.installs(UvLockReader.read(file));
    } catch (InputParseError e) {
      ProjectFuzzing.spanInFile(e, file);
    }
  }
}
