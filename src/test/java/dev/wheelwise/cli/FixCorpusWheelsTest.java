package dev.wheelwise.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelwise.dockerfile.Dockerfile;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The corpus's Alpine-based Dockerfiles through {@code fix --offline} with the wheel-aware
 * rules (the base switch): exit 0 or 1 with reasons, never a crash; the diff's untouched lines
 * are the file's, byte for byte, and the file the diff makes parses (one run per file: --write's
 * equality with the diff is FixCommandTest's).
 */
class FixCorpusWheelsTest {
  private static final Path CORPUS = Path.of("../shared/corpus/dockerfiles");
  private static final Pattern HUNK = Pattern.compile("^@@ -(\\d+)(?:,(\\d+))? \\+(\\d+)(?:,(\\d+))? @@$");

  @Test
  void alpineCorpusDockerfilesFixOfflineAndKeepEveryOtherLine(@TempDir Path tmp) throws Exception {
    Assumptions.assumeTrue(Files.isDirectory(CORPUS), "SKIPPED: ../shared/corpus/dockerfiles is absent");
    List<Path> dirs;
    try (Stream<Path> list = Files.list(CORPUS)) {
      dirs = list.filter(d -> Files.isRegularFile(d.resolve("Dockerfile"))).sorted().toList();
    }
    int alpine = 0;
    int switched = 0;
    int buildDeps = 0;
    List<String> refused = new ArrayList<>();
    for (Path dir : dirs) {
      String text = Files.readString(dir.resolve("Dockerfile"), java.nio.charset.StandardCharsets.ISO_8859_1);
      if (!Pattern.compile("(?im)^\\s*FROM\\s+\\S*alpine").matcher(text).find()) {
        continue;
      }
      alpine++;
      Path copy = Files.createDirectories(tmp.resolve(dir.getFileName()));
      try (Stream<Path> files = Files.list(dir)) {
        for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
          Files.copy(f, copy.resolve(f.getFileName()));
        }
      }
      Path file = copy.resolve("Dockerfile");
      byte[] before = Files.readAllBytes(file);
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      int exit = Main.execute(new String[] {"fix", "--offline", "--as-of", "2021-06-01", file.toString()}, new PrintWriter(out, true), new PrintWriter(err, true));
      assertThat(exit).as(dir + ": " + err).isIn(0, 1);
      if (exit == 1) {
        assertThat(err.toString()).as(dir.toString()).contains("fix: refused ");
        refused.add(err.toString().lines().filter(e -> e.startsWith("fix: refused ")).findFirst().orElse(""));
      }
      String charset = Dockerfile.parse("-", before).charset();
      String old = new String(before, charset);
      String patched = patch(old, out.toString());
      Dockerfile.parse(file.toString(), patched.getBytes(charset));
      assertThat(kept(old, patched, out.toString())).as(dir.toString()).isTrue();
      switched += out.toString().contains("# WW1001 ") ? 1 : 0;
      buildDeps += out.toString().contains("# WW1003 ") ? 1 : 0;
    }
    System.out.println("FixCorpusWheelsTest: " + alpine + " Alpine Dockerfiles, " + switched + " switched, " + buildDeps
        + " with build dependencies fixed (WW1003), "
        + refused.size() + " refused:\n  " + String.join("\n  ", refused));
    assertThat(alpine).isGreaterThan(10);
  }

  /** A minimal {@code patch}: the hunks applied to the old lines in order. */
  private static String patch(String before, String diff) {
    List<String> old = without(before, Set.of());
    StringBuilder out = new StringBuilder();
    int next = 0; // index into old
    boolean inHunk = false;
    char last = ' ';
    for (String l : diff.split("\n", -1)) {
      Matcher h = HUNK.matcher(l);
      if (h.matches()) {
        int start = Integer.parseInt(h.group(1)) - (h.group(2) != null && h.group(2).equals("0") ? 0 : 1);
        while (next < start) {
          out.append(old.get(next++));
        }
        inHunk = true;
      } else if (!inHunk) {
        continue;
      } else if (l.startsWith(" ")) {
        out.append(old.get(next++));
        last = ' ';
      } else if (l.startsWith("-")) {
        next++;
        last = '-';
      } else if (l.startsWith("+")) {
        out.append(l.substring(1)).append('\n');
        last = '+';
      } else if (l.startsWith("\\") && last == '+') {
        out.setLength(out.length() - 1);
      }
    }
    while (next < old.size()) {
      out.append(old.get(next++));
    }
    return out.toString();
  }

  /** The old file without the diff's '-' lines equals the new file without its '+' lines. */
  private static boolean kept(String before, String after, String diff) {
    Set<Integer> removed = new HashSet<>();
    Set<Integer> added = new HashSet<>();
    int oldLine = 0;
    int newLine = 0;
    for (String l : diff.split("\n", -1)) {
      Matcher h = HUNK.matcher(l);
      if (h.matches()) {
        oldLine = Integer.parseInt(h.group(1));
        newLine = Integer.parseInt(h.group(3));
      } else if (l.startsWith("-") && !l.startsWith("--- ")) {
        removed.add(oldLine++);
      } else if (l.startsWith("+") && !l.startsWith("+++ ")) {
        added.add(newLine++);
      } else if (l.startsWith(" ")) {
        oldLine++;
        newLine++;
      }
    }
    return without(before, removed).equals(without(after, added)) && (diff.isEmpty() == before.equals(after));
  }

  private static List<String> without(String text, Set<Integer> lines) {
    List<String> out = new ArrayList<>();
    int at = 0;
    int n = 1;
    while (at < text.length()) {
      int nl = text.indexOf('\n', at);
      int end = nl < 0 ? text.length() : nl + 1;
      if (!lines.contains(n)) {
        out.add(text.substring(at, end));
      }
      at = end;
      n++;
    }
    return out;
  }
}
