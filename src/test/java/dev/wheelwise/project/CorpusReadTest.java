package dev.wheelwise.project;

import static org.assertj.core.api.Assertions.assertThat;

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
  private static final Map<String, String> INVALID = Map.of();

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
        }
      } catch (InputParseError e) {
        String expected = INVALID.get(rel);
        if (expected == null || !e.getMessage().contains(expected)) {
          failures.add(rel + ": " + e.render());
        }
      }
    }
    System.out.println("CorpusReadTest: read " + files.size() + " files " + perKind + "; " + packages
        + " locked packages, " + requirements + " main requirements");
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
