package dev.wheelwise.project;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Path;

/**
 * Any bytes as a poetry.lock (without its pyproject.toml): a lock whose install set computes (or {@link InstallSetError}), or
 * {@link InputParseError} with a span in the file. Seeds: PoetryLockFuzzTestInputs/read/; the longer
 * campaign (fuzz/campaign.sh) adds ../shared/corpus's locks.
 */
class PoetryLockFuzzTest {

  @FuzzTest(maxDuration = "10s")
  void read(byte[] data) {
    Path file = ProjectFuzzing.write(ProjectFuzzing.folder(), "poetry.lock", data);
    try {
      ProjectFuzzing.installs(PoetryLockReader.read(file, java.util.Optional.empty()));
    } catch (InputParseError e) {
      ProjectFuzzing.spanInFile(e, file);
    }
  }
}
