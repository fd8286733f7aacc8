package dev.wheelwise.project;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Path;

/**
 * Any bytes as a pylock.toml (PEP 751): a lock whose install set computes (or {@link InstallSetError}), or
 * {@link InputParseError} with a span in the file. Seeds: PylockFuzzTestInputs/read/; the longer
 * campaign (fuzz/campaign.sh) adds ../shared/corpus's locks.
 */
class PylockFuzzTest {

  @FuzzTest(maxDuration = "10s")
  void read(byte[] data) {
    Path file = ProjectFuzzing.write(ProjectFuzzing.folder(), "pylock.toml", data);
    try {
      ProjectFuzzing.installs(PylockReader.read(file));
    } catch (InputParseError e) {
      ProjectFuzzing.spanInFile(e, file);
    }
  }
}
