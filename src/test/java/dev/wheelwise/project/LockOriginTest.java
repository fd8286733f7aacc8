package dev.wheelwise.project;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelwise.pep508.Names;
import dev.wheelwise.testing.Shared;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every package of every lock in the corpus knows where the lock lists it: the line of its own
 * {@code [[package]]} table (whose {@code name} and {@code version} are the package's), or for
 * Pipfile.lock the line of its {@code "name": {} key. Reports point users at these lines.
 */
class LockOriginTest {

  private static final Pattern TOML_NAME = Pattern.compile("^name\\s*=\\s*[\"']([^\"']+)[\"']");
  private static final Pattern TOML_VERSION = Pattern.compile("^version\\s*=\\s*[\"']([^\"']+)[\"']");
  private static final Pattern JSON_KEY = Pattern.compile("^\\s*\"([^\"]+)\"\\s*:\\s*\\{");

  @Test
  void everyLockedPackagePointsAtItsOwnEntry() throws Exception {
    Path corpus = Shared.require("corpus/lockfiles");
    List<Path> locks;
    try (Stream<Path> walk = Files.walk(corpus)) {
      locks = walk.filter(Files::isRegularFile)
          .filter(p -> ProjectInputs.kindOf(p).map(k -> k != InputKind.PYPROJECT && k != InputKind.REQUIREMENTS).orElse(false))
          .sorted().toList();
    }
    Map<String, Integer> checked = new TreeMap<>();
    List<String> wrong = new ArrayList<>();
    for (Path path : locks) {
      LockedSet lock;
      try {
        lock = (LockedSet) new ProjectInputs(Map.of()).read(path);
      } catch (InputParseError invalid) {
        continue; // CorpusReadTest names the files that are invalid on purpose
      }
      List<String> lines = Files.readAllLines(path);
      for (LockedPackage p : lock.packages()) {
        if (p.origin().isEmpty()) {
          wrong.add(path + ": " + p.pin() + " has no origin");
          continue;
        }
        Origin o = p.origin().get();
        assertThat(o.file()).isEqualTo(lock.file());
        String problem = lock.kind() == InputKind.PIPFILE_LOCK ? jsonEntry(lines, o.line(), p) : tomlTable(lines, o.line(), p);
        if (problem != null) {
          wrong.add(o + ": " + p.pin() + ": " + problem);
        }
        checked.merge(lock.kind().label(), 1, Integer::sum);
      }
    }
    System.err.println("LockOriginTest: " + locks.size() + " locks, packages located per kind " + checked);
    assertThat(wrong).isEmpty();
    assertThat(checked).containsKeys("uv.lock", "poetry.lock", "pdm.lock", "pylock.toml", "Pipfile.lock");
  }

  /** Null when the table at {@code line} is the package's; else what is wrong. */
  private static String tomlTable(List<String> lines, int line, LockedPackage p) {
    if (!lines.get(line - 1).strip().matches("\\[\\[packages?\\]\\]")) {
      return "line is '" + lines.get(line - 1) + "', not a [[package]] header";
    }
    String name = null;
    String version = null;
    for (int i = line; i < lines.size() && !lines.get(i).startsWith("["); i++) {
      Matcher n = TOML_NAME.matcher(lines.get(i));
      Matcher v = TOML_VERSION.matcher(lines.get(i));
      name = name == null && n.find() ? n.group(1) : name;
      version = version == null && v.find() ? v.group(1) : version;
    }
    if (name == null || !Names.canonicalize(name).equals(p.name())) {
      return "the table is named " + name;
    }
    return p.version().isEmpty() || p.version().equals(version) ? null : "the table's version is " + version;
  }

  private static String jsonEntry(List<String> lines, int line, LockedPackage p) {
    Matcher key = JSON_KEY.matcher(lines.get(line - 1));
    return key.find() && Names.canonicalize(key.group(1)).equals(p.name()) ? null : "line is '" + lines.get(line - 1) + "'";
  }
}
