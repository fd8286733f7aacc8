package dev.wheelwise.project;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelwise.pep508.InvalidRequirement;
import dev.wheelwise.pep508.Requirement;
import dev.wheelwise.testing.Shared;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every dependency file of the shared corpus (lockfiles/ and the dependency files beside the
 * Dockerfiles) reads without error, or fails with the specific message listed here because the
 * file is genuinely not readable as what its name says.
 */
class CorpusReadTest {

  /** Files that are invalid, by path relative to ../shared/corpus, and the message they must fail with. */
  private static final Map<String, String> INVALID = Map.of(
      // pipenv wrote un-normalized names and quoted date-times; PEP 751 requires neither, and
      // packaging.pylock refuses both files for these reasons.
      "lockfiles/pylock/pypa__pipenv/pylock.toml",
      "package name 'jaraco.classes' is not normalized; expected name = \"jaraco-classes\"",
      "lockfiles/pylock/pypa__pipenv__examples/pylock.toml",
      ":21:1: upload-time of requests-2.28.1-py3-none-any.whl is the string '2022-07-13T14:00:00Z'; expected an offset date-time");

  @Test
  void everyCorpusDependencyFileReads() throws IOException {
    Path corpus = Shared.require("corpus");
    List<Path> files = new ArrayList<>();
    for (String dir : List.of("lockfiles", "dockerfiles")) {
      try (Stream<Path> walk = Files.walk(corpus.resolve(dir))) {
        walk.filter(Files::isRegularFile).filter(CorpusReadTest::isDependencyFile).sorted().forEach(files::add);
      }
    }
    ProjectInputs inputs = new ProjectInputs(Map.of());
    Map<String, Integer> perKind = new TreeMap<>();
    List<String> failures = new ArrayList<>();
    int packages = 0;
    int requirements = 0;
    int parsedRequirements = 0;
    for (Path file : files) {
      String rel = corpus.relativize(file).toString();
      try {
        ProjectInput input = inputs.read(file);
        perKind.merge(input.kind().label(), 1, Integer::sum);
        if (INVALID.containsKey(rel)) {
          failures.add(rel + ": read, but is listed as invalid");
        }
        if (input instanceof LockedSet lock) {
          packages += lock.packages().size();
        } else if (input instanceof RequirementSet reqs) {
          requirements += reqs.requirements().size();
          List<LooseRequirement> all = new ArrayList<>(reqs.requirements());
          all.addAll(reqs.constraints());
          reqs.extras().values().forEach(all::addAll);
          reqs.groups().values().forEach(all::addAll);
          for (LooseRequirement r : all) {
            if (r.isPep508()) {
              try {
                Requirement.parse(r.text(), r.origin().file(), r.origin().line());
                parsedRequirements++;
              } catch (InvalidRequirement e) {
                failures.add(rel + ": " + e.render());
              }
            }
          }
        }
      } catch (InputParseError e) {
        String expected = INVALID.get(rel);
        if (expected == null || !e.getMessage().contains(expected)) {
          failures.add(rel + ": " + e.render());
        }
      }
    }
    System.out.println("CorpusReadTest: read " + files.size() + " files " + perKind + "; " + packages
        + " locked packages, " + requirements + " main requirements; " + parsedRequirements
        + " requirement strings parsed as PEP 508");
    assertThat(failures).as("files that failed to read").isEmpty();
    assertThat(files.size()).isGreaterThan(300);
  }

  static boolean isDependencyFile(Path file) {
    String name = file.getFileName().toString();
    if (name.equals("README.md") || name.equals("PROVENANCE.tsv") || name.equals("MANIFEST.tsv")) {
      return false;
    }
    if (name.equals("Pipfile") || name.endsWith(".cfg") || name.endsWith(".yaml") || name.endsWith(".yml")
        || name.equals(".python-version") || name.endsWith(".lock") && !ProjectInputs.kindOf(file).isPresent()) {
      return false;
    }
    if (name.contains("Dockerfile") || name.endsWith(".dockerfile") || name.equals("Containerfile")) {
      return false;
    }
    return ProjectInputs.kindOf(file).isPresent();
  }
}
