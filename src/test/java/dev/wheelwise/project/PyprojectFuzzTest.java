package dev.wheelwise.project;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Path;

/**
 * Any bytes as a pyproject.toml (PEP 621, Poetry, PEP 735 groups): a requirement set, or
 * {@link InputParseError} with a span in the file.
 */
class PyprojectFuzzTest {

  @FuzzTest(maxDuration = "10s")
  void read(byte[] data) {
    Path file = ProjectFuzzing.write(ProjectFuzzing.folder(), "pyproject.toml", data);
    try {
      PyprojectReader.read(file);
    } catch (InputParseError e) {
      ProjectFuzzing.spanInFile(e, file);
    }
  }
}
