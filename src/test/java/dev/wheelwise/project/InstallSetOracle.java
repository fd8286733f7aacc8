package dev.wheelwise.project;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wheelwise.pep440.Version;
import dev.wheelwise.pep508.MarkerEnvironment;
import dev.wheelwise.testing.PythonOracle;
import dev.wheelwise.testing.Shared;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The shared part of the install-set differential tests: corpus lock files, targets,
 * selections, one batched oracle run, and the comparison.
 */
final class InstallSetOracle {

  /** Seven targets: Python 3.9 to 3.14 on both common architectures (libc does not reach markers). */
  static final List<String[]> TARGETS = List.of(
      new String[] {"3.9.18", "x86_64"},
      new String[] {"3.10.12", "aarch64"},
      new String[] {"3.11.9", "x86_64"},
      new String[] {"3.12.0", "x86_64"},
      new String[] {"3.12.7", "aarch64"},
      new String[] {"3.13.1", "x86_64"},
      new String[] {"3.14.0", "aarch64"});

  /**
   * One install set to compare. {@code set} is null when the reader refused the file; then
   * {@code readError} holds its message and the oracle must refuse it too, for the same field.
   */
  record Case(Path lock, LockedSet set, String readError, String python, String machine, GroupSelection selection) {
    Case(Path lock, LockedSet set, String python, String machine, GroupSelection selection) {
      this(lock, set, null, python, machine, selection);
    }

    Map<String, Object> json() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("lock", lock.toString());
      m.put("python", python);
      m.put("machine", machine);
      m.put("extras", new ArrayList<>(new TreeSet<>(selection.extras())));
      List<String> groups = new ArrayList<>(new TreeSet<>(selection.groups()));
      if (selection.dev() && set != null) {
        set.devGroups().forEach(g -> {
          if (!groups.contains(g)) {
            groups.add(g);
          }
        });
      }
      if (set != null && set.selection() == LockedSet.Selection.PER_PACKAGE_MARKERS && set.kind() != InputKind.PYLOCK) {
        // Per-package locks: the oracle takes the full group list, defaults included.
        set.defaultGroups().forEach(g -> {
          if (!groups.contains(g)) {
            groups.add(0, g);
          }
        });
        m.put("kind", set.kind().label());
      }
      m.put("groups", groups);
      return m;
    }
  }

  private InstallSetOracle() {}

  /**
   * Corpus files whose name matches, under lockfiles/ and dockerfiles/, each content once: the
   * Dockerfile cases repeat some lock files byte for byte, and the same bytes give the same
   * answer. Files whose neighbours differ (a poetry.lock beside another pyproject.toml) are
   * kept apart by including the folder's other dependency files in the key.
   */
  static List<Path> corpusFiles(Predicate<Path> nameMatches) throws IOException {
    return corpusFiles(nameMatches, true);
  }

  /** As above; without {@code distinct}, every copy (requirements files whose includes differ). */
  static List<Path> corpusFiles(Predicate<Path> nameMatches, boolean distinct) throws IOException {
    Path corpus = Shared.require("corpus");
    List<Path> out = new ArrayList<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (String dir : List.of("lockfiles", "dockerfiles")) {
      List<Path> found = new ArrayList<>();
      try (Stream<Path> walk = Files.walk(corpus.resolve(dir))) {
        walk.filter(Files::isRegularFile).filter(nameMatches).sorted().forEach(found::add);
      }
      for (Path p : found) {
        String key = Files.readString(p) + "\0" + sibling(p, "pyproject.toml");
        if (!distinct || seen.add(key)) {
          out.add(p);
        }
      }
    }
    return out;
  }

  private static String sibling(Path file, String name) throws IOException {
    Path s = file.resolveSibling(name);
    return Files.isRegularFile(s) ? Files.readString(s) : "";
  }

  /** Runs the oracle once for all cases and compares; returns how many packages were compared. */
  static int compare(String script, List<Case> cases) {
    List<Map<String, Object>> input = cases.stream().map(Case::json).toList();
    List<JsonNode> answers = PythonOracle.PACKAGING_26.run(script, input);
    List<String> mismatches = new ArrayList<>();
    int compared = 0;
    int errorsAgreed = 0;
    for (int i = 0; i < cases.size(); i++) {
      Case c = cases.get(i);
      JsonNode answer = answers.get(i);
      String label = c.lock() + " @ Python " + c.python() + " " + c.machine() + " " + c.selection();
      MarkerEnvironment env = env(c.python(), c.machine());
      if (c.set() == null) {
        String theirs = answer.path("error").asText("");
        boolean same = theirs.startsWith("invalid:") && (theirs.contains("normalized") && c.readError().contains("normalized")
            || theirs.contains("upload-time") && c.readError().contains("upload-time"));
        if (same) {
          errorsAgreed++;
        } else {
          mismatches.add(label + ": Java refused the file (" + c.readError() + "), oracle answered " + answer);
        }
        continue;
      }
      try {
        InstallSet set = InstallSets.compute(c.set(), env, c.selection());
        if (answer.has("error")) {
          mismatches.add(label + ": oracle says error " + answer.get("error").asText() + ", Java selected "
              + set.packages().size() + " packages");
          continue;
        }
        List<String> ours = new ArrayList<>();
        set.packages().forEach(item -> ours.add(item.pkg().name() + "==" + normalized(item.pkg().version())));
        ours.sort(null);
        List<String> theirs = new ArrayList<>();
        answer.get("packages").forEach(p -> theirs.add(normalizedPin(p.asText())));
        theirs.sort(null);
        if (!ours.equals(theirs)) {
          List<String> extra = new ArrayList<>(ours);
          extra.removeAll(theirs);
          List<String> missing = new ArrayList<>(theirs);
          missing.removeAll(ours);
          mismatches.add(label + ": only Java " + extra + ", only oracle " + missing);
        }
        compared += ours.size();
      } catch (InstallSetError e) {
        String expected = answer.has("error") ? answer.get("error").asText() : null;
        if (expected == null) {
          mismatches.add(label + ": Java error '" + e.getMessage() + "', oracle selected " + answer.get("packages").size());
        } else if (!agrees(expected, e.getMessage())) {
          mismatches.add(label + ": Java error '" + e.getMessage() + "', oracle error " + expected);
        } else {
          errorsAgreed++;
        }
      }
    }
    System.out.println(script + ": " + cases.size() + " install sets (" + cases.stream().map(Case::lock).distinct().count()
        + " locks x " + TARGETS.size() + " targets x selections), " + compared + " packages compared, "
        + errorsAgreed + " agreed errors, " + mismatches.size() + " mismatches");
    assertThat(mismatches).as("install sets that differ from the oracle").isEmpty();
    return compared;
  }

  private static boolean agrees(String oracleError, String message) {
    return switch (oracleError) {
      case "requires-python" -> message.contains("the lock requires Python");
      case "package-requires-python" -> message.contains("requires Python") && message.contains("package");
      case "environments" -> message.contains("matches none of the lock's environments");
      case "ambiguous" -> message.contains("are selected");
      default -> false;
    };
  }

  static MarkerEnvironment env(String python, String machine) {
    String[] v = python.split("\\.");
    return MarkerEnvironment.linuxCPython(Integer.parseInt(v[0]), Integer.parseInt(v[1]), Integer.parseInt(v[2]), machine);
  }

  private static String normalized(String version) {
    Version v = Version.tryParse(version);
    return v == null ? version : v.toString();
  }

  private static String normalizedPin(String pin) {
    int eq = pin.indexOf("==");
    return pin.substring(0, eq) + "==" + normalized(pin.substring(eq + 2));
  }

  static Set<String> all(Set<String> names) {
    return Set.copyOf(names);
  }
}
