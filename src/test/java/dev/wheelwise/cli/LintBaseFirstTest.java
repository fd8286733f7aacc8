package dev.wheelwise.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelwise.Finding;
import dev.wheelwise.dockerfile.Dockerfile;
import dev.wheelwise.dockerfile.DockerfileModel;
import dev.wheelwise.lint.LintConfig;
import dev.wheelwise.lint.Linter;
import dev.wheelwise.lint.Rules;
import dev.wheelwise.lint.Subject;
import dev.wheelwise.lint.Wheels;
import dev.wheelwise.testing.Shared;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * lint plans the images a Dockerfile uses first, the slim ones of the same Python when a plan
 * builds from source, then the others of that Python, and every image only when none of those is
 * all wheels ({@code Session.checkBase}). Its
 * findings must be the ones the full comparison gives ({@code Session.check}), on the article's
 * two Dockerfiles, a fixed sample of the corpus's and two made to reach each depth, on the
 * embedded snapshot.
 */
class LintBaseFirstTest {

  private enum Compared { BASE, SLIM, SAME_PYTHON, EVERY }

  @Test
  void findingsFromTheBaseFirstEqualThoseFromEveryImageCompared(@TempDir Path dir) throws Exception {
    List<Path> files = new ArrayList<>(List.of(Path.of("examples/alpine-article/today/Dockerfile")));
    try (Stream<Path> all = Files.walk(Shared.require("corpus/dockerfiles"))) {
      List<Path> corpus = all.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().endsWith("Dockerfile")).sorted().toList();
      for (int i = 0; i < corpus.size(); i += 9) {
        files.add(corpus.get(i));
      }
    }
    // numpy 1.21.5 has manylinux wheels for CPython 3.10, no musllinux ones: python:3.10-slim answers.
    files.add(project(dir.resolve("numpy"), "python:3.10-alpine", "numpy==1.21.5"));
    // netifaces 0.11.0 builds everywhere: no image of 3.12 is all wheels, so every image is compared.
    files.add(project(dir.resolve("netifaces"), "python:3.12-alpine", "netifaces==0.11.0"));
    Map<Compared, Integer> seen = new java.util.EnumMap<>(Compared.class);
    // 2020's Alpine builds numpy and matplotlib from source; python:3.8-slim-buster is all wheels.
    seen.merge(same(Path.of("examples/alpine-article/pinned/Dockerfile"), "2020-01-29"), 1, Integer::sum);
    for (Path file : files) {
      seen.merge(same(file, null), 1, Integer::sum);
    }
    // SAME_PYTHON is reached only where an image of the base's Python has no slim variant; the
    // slim and full images of one Python share their libc, so the slim step answers first.
    assertThat(seen).as("each depth of the comparison is reached").containsKeys(Compared.BASE, Compared.SLIM, Compared.EVERY);
  }

  private static Path project(Path dir, String base, String requirement) throws Exception {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("requirements.txt"), requirement + "\n");
    Path file = dir.resolve("Dockerfile");
    Files.writeString(file, "FROM " + base + "\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\n");
    return file;
  }

  /** Asserts lint's findings agree both ways; says how far the base-first answer compared. */
  private static Compared same(Path file, String asOf) throws Exception {
    WheelCheckOptions options = new WheelCheckOptions();
    options.offline = true;
    options.asOf = asOf;
    Path context = file.toAbsolutePath().getParent();
    Dockerfile parsed = Dockerfile.parse(file.toString(), Files.readAllBytes(file));
    DockerfileModel model = DockerfileModel.of(parsed, Map.of(), context);
    if (model.finalStage() == null) {
      return Compared.EVERY; // no stage: lint runs no wheel-aware rule
    }
    Optional<Wheels> full;
    Optional<Wheels> base;
    try (WheelCheckOptions.Session session = options.open(new PrintWriter(new StringWriter()))) {
      full = answer(() -> session.check(model, file, context));
      base = answer(() -> session.checkBase(model, file, context));
    }
    assertThat(base.isPresent()).as(file + ": both place the base image, or neither").isEqualTo(full.isPresent());
    assertThat(findings(parsed, model, base)).as(file.toString()).isEqualTo(findings(parsed, model, full));
    if (full.isEmpty()) {
      return Compared.EVERY;
    }
    int planned = base.get().result().images().size();
    if (planned == full.get().result().images().size()) {
      assertThat(base.get().result().recommendation()).as(file.toString()).isEqualTo(full.get().result().recommendation());
      return Compared.EVERY;
    }
    assertThat(base.get().result().recommendation()).as(file + ": not all compared, nothing recommended").isEmpty();
    // compared as text: the plans hold the image's tag set, which has no equals of its own
    assertThat(base.get().basePlans().toString()).as(file + ": the base's plans").isEqualTo(full.get().basePlans().toString());
    if (planned == base.get().basePlans().size()) {
      return Compared.BASE;
    }
    boolean slimOnly = base.get().result().images().stream()
        .allMatch(p -> base.get().inUse().contains(p.image().image()) || p.image().slim());
    return slimOnly ? Compared.SLIM : Compared.SAME_PYTHON;
  }

  private static List<Finding> findings(Dockerfile parsed, DockerfileModel model, Optional<Wheels> wheels) {
    Subject subject = new Subject(parsed, model, Set.of(), wheels, Set.of());
    return new Linter(Rules.ALL, LintConfig.EMPTY, true).lint(subject, List.of());
  }

  private interface Answer {
    Wheels get() throws Exception;
  }

  /** The answer, or none when the base cannot be compared (a private image, a stage lint cannot read). */
  private static Optional<Wheels> answer(Answer answer) throws Exception {
    try {
      return Optional.of(answer.get());
    } catch (UsageException | dev.wheelwise.ParseError cannot) {
      return Optional.empty();
    }
  }
}
