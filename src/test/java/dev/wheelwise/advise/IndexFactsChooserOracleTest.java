package dev.wheelwise.advise;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wheelwise.pep440.InvalidSpecifier;
import dev.wheelwise.pep440.SpecifierSet;
import dev.wheelwise.pep440.Version;
import dev.wheelwise.tags.PipFilenames;
import dev.wheelwise.testing.PythonOracle;
import dev.wheelwise.testing.Shared;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The index-facts pages (PEP 691 JSON, several versions each, with requires-python from wheel
 * metadata): every page under many requirements (no specifier, each version pinned, {@code <}
 * and {@code !=} the newest), format controls ({@code --prefer-binary}, {@code --only-binary},
 * {@code --no-binary}, per-name beating {@code :all:}) and with the newest release yanked
 * (PEP 592), on the five targets, against choose.py with packaging.
 */
class IndexFactsChooserOracleTest {

  record Page(String name, List<CandidateFile> files, List<Version> versions) {}

  record Case(Page page, String spec, FormatControl formats, boolean yankNewest) {}

  @Test
  void indexPagesUnderSpecifiersFormatsAndYankingMatchPackaging() throws IOException {
    Path dir = Shared.require("corpus/index-facts");
    List<Page> pages = new ArrayList<>();
    try (Stream<Path> s = Files.list(dir)) {
      for (Path p : s.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
        pages.add(page(new ObjectMapper().readTree(p.toFile())));
      }
    }
    List<Case> cases = new ArrayList<>();
    for (Page page : pages) {
      Version newest = page.versions().get(page.versions().size() - 1);
      List<String> specs = new ArrayList<>(List.of("", "<" + newest, "!=" + newest));
      page.versions().forEach(v -> specs.add("==" + v));
      List<FormatControl> formats = List.of(FormatControl.DEFAULT, FormatControl.DEFAULT.withPreferBinary(true),
          FormatControl.DEFAULT.withOnlyBinary(":all:"), FormatControl.DEFAULT.withNoBinary(":all:"),
          FormatControl.DEFAULT.withOnlyBinary(":all:").withNoBinary(page.name()));
      for (String spec : specs) {
        for (FormatControl f : formats) {
          cases.add(new Case(page, spec, f, false));
        }
        cases.add(new Case(page, spec, FormatControl.DEFAULT, true));
      }
    }
    List<OracleTargets.Facts> current = OracleTargets.ALL.stream().filter(f -> f.pip() == OracleTargets.CURRENT).toList();
    List<OracleTargets.Facts> old = OracleTargets.ALL.stream().filter(f -> f.pip() != OracleTargets.CURRENT).toList();
    int[] a = compare(PythonOracle.PACKAGING_26, current, cases);
    int[] b = compare(PythonOracle.PACKAGING_21, old, cases);
    System.err.printf("IndexFactsChooserOracleTest: %d pages, %d cases: %d choices equal packaging 26.2 (%d wheels, %d sdists, %d none), "
        + "%d equal packaging 21.3 (%d wheels, %d sdists, %d none)%n", pages.size(), cases.size(), a[0], a[1], a[2], a[3], b[0], b[1], b[2], b[3]);
    assertThat(a[1]).isPositive();
    assertThat(a[2]).isPositive();
    assertThat(a[3]).isPositive();
  }

  static int[] compare(PythonOracle oracle, List<OracleTargets.Facts> targets, List<Case> cases) {
    List<Object> oracleTargets = targets.stream().map(t -> (Object) t.oracleTarget()).toList();
    List<Map<String, Object>> input = new ArrayList<>();
    for (Case c : cases) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("op", "choose");
      m.put("targets", oracleTargets);
      m.put("project", c.page().name());
      m.put("spec", c.spec());
      m.put("formats", Map.of("onlyBinary", List.copyOf(c.formats().onlyBinary()), "noBinary", List.copyOf(c.formats().noBinary()),
          "preferBinary", c.formats().preferBinary()));
      m.put("files", files(c).stream().map(f -> {
        Map<String, Object> fm = new LinkedHashMap<>();
        fm.put("filename", f.filename());
        fm.put("yanked", f.yanked());
        fm.put("requiresPython", f.requiresPython().orElse(null));
        return fm;
      }).toList());
      input.add(m);
    }
    List<JsonNode> answers = oracle.run("choose.py", input);
    int[] counts = new int[4];
    List<String> mismatches = new ArrayList<>();
    for (int t = 0; t < targets.size(); t++) {
      ChooserTarget target = targets.get(t).chooserTarget();
      for (int i = 0; i < cases.size(); i++) {
        Case c = cases.get(i);
        VersionFilter filter;
        try {
          filter = VersionFilter.of(SpecifierSet.parse(c.spec(), target.profile()), target.profile(), false);
        } catch (InvalidSpecifier e) {
          throw new AssertionError(e);
        }
        Choice choice = new FileChooser(target, c.formats()).choose(c.page().name(), filter, files(c));
        String file = choice instanceof Choice.Wheel w ? w.file().filename() : choice instanceof Choice.Sdist s ? s.file().filename() : null;
        JsonNode expected = answers.get(i).get(t);
        String expectedFile = expected.get("file").isNull() ? null : expected.get("file").asText();
        if (!choice.install().equals(expected.get("install").asText()) || !Objects.equals(file, expectedFile)) {
          mismatches.add(c.page().name() + " '" + c.spec() + "' " + c.formats() + " yankNewest=" + c.yankNewest() + " on "
              + targets.get(t).description() + ": wheelwise " + choice.install() + " " + file + ", packaging " + expected);
        }
        counts[0]++;
        counts[choice.install().equals("wheel") ? 1 : choice.install().equals("sdist") ? 2 : 3]++;
      }
    }
    assertThat(mismatches).as("choices differing from packaging").isEmpty();
    return counts;
  }

  private static List<CandidateFile> files(Case c) {
    if (!c.yankNewest()) {
      return c.page().files();
    }
    Version newest = c.page().versions().get(c.page().versions().size() - 1);
    return c.page().files().stream().map(f -> f.version().equals(newest)
        ? new CandidateFile(f.name(), f.version(), f.filename(), f.bytes(), f.uploaded(), true, f.requiresPython()) : f).toList();
  }

  static Page page(JsonNode root) {
    String name = root.get("name").asText();
    List<CandidateFile> files = new ArrayList<>();
    java.util.TreeSet<Version> versions = new java.util.TreeSet<>();
    for (JsonNode f : root.get("files")) {
      String filename = f.get("filename").asText();
      Optional<Version> version = PipFilenames.version(name, filename);
      if (version.isEmpty()) {
        continue;
      }
      versions.add(version.get());
      Optional<String> rp = f.hasNonNull("requires-python") ? Optional.of(f.get("requires-python").asText()) : Optional.empty();
      files.add(new CandidateFile(name, version.get(), filename, java.util.OptionalLong.empty(), Optional.empty(),
          f.path("yanked").asBoolean(false), rp));
    }
    return new Page(name, files, new ArrayList<>(versions));
  }
}
