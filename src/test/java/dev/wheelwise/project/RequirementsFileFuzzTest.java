package dev.wheelwise.project;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Any bytes as a tree of requirements files: NUL bytes split the input into
 * requirements.txt, a.txt, sub/b.txt and c.txt, so {@code -r a.txt}, {@code -c sub/b.txt} or
 * {@code -r ../requirements.txt} build chains and cycles. The reader gives a requirement set or
 * {@link InputParseError} with a span in one of the files.
 */
class RequirementsFileFuzzTest {

  private static final String[] NAMES = {"requirements.txt", "a.txt", "sub/b.txt", "c.txt"};

  @FuzzTest(maxDuration = "10s")
  void read(byte[] data) {
    Path folder = ProjectFuzzing.folder();
    List<Path> files = new ArrayList<>();
    int start = 0;
    for (int n = 0; n < NAMES.length; n++) {
      int end = start;
      while (end < data.length && (data[end] != 0 || n == NAMES.length - 1)) {
        end++;
      }
      files.add(ProjectFuzzing.write(folder, NAMES[n], Arrays.copyOfRange(data, start, end)));
      start = Math.min(end + 1, data.length);
    }
    try {
      new RequirementsFileReader(Map.of("HOME", "/home/fuzz")).read(files.get(0));
    } catch (InputParseError e) {
      ProjectFuzzing.spanInFile(e, files.toArray(Path[]::new));
    }
  }
}
