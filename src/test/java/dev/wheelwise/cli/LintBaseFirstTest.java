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

/**
 * lint plans the images a Dockerfile uses first and compares the others only when a plan builds
 * from source ({@code Session.checkBase}). Its findings must be the ones the full comparison
 * gives ({@code Session.check}), on the article's two Dockerfiles (source builds on 2020's
 * Alpine; wheels today) and on a fixed sample of the corpus's, on the embedded snapshot.
 */
class LintBaseFirstTest {

  @Test
  void findingsFromTheBaseAloneEqualThoseFromEveryImageCompared() throws Exception {
    List<Path> files = new ArrayList<>(List.of(Path.of("examples/alpine-article/today/Dockerfile")));
    try (Stream<Path> all = Files.walk(Shared.require("corpus/dockerfiles"))) {
      List<Path> corpus = all.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().endsWith("Dockerfile")).sorted().toList();
      for (int i = 0; i < corpus.size(); i += 9) {
        files.add(corpus.get(i));
      }
    }
    int shortcut = 0;
    int compared = 0;
    // 2020's Alpine builds numpy and matplotlib from source: the recommendation is needed.
    compared += same(Path.of("examples/alpine-article/pinned/Dockerfile"), "2020-01-29") ? 0 : 1;
    for (Path file : files) {
      if (same(file, null)) {
        shortcut++;
      } else {
        compared++;
      }
    }
    assertThat(compared).as("Dockerfiles whose base builds from source are compared in full").isGreaterThanOrEqualTo(1);
    assertThat(shortcut).as("Dockerfiles whose base installs from wheels skip the comparison").isGreaterThanOrEqualTo(2);
  }

  /** Asserts lint's findings agree both ways; true when the base-first answer skipped the comparison. */
  private static boolean same(Path file, String asOf) throws Exception {
    WheelCheckOptions options = new WheelCheckOptions();
    options.offline = true;
    options.asOf = asOf;
    Path context = file.toAbsolutePath().getParent();
    Dockerfile parsed = Dockerfile.parse(file.toString(), Files.readAllBytes(file));
    DockerfileModel model = DockerfileModel.of(parsed, Map.of(), context);
    if (model.finalStage() == null) {
      return false; // no stage: lint runs no wheel-aware rule
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
      return false;
    }
    if (base.get().result().images().size() == full.get().result().images().size()) {
      assertThat(base.get().result().recommendation()).as(file.toString()).isEqualTo(full.get().result().recommendation());
      return false;
    }
    assertThat(base.get().result().recommendation()).as(file + ": nothing compared, nothing recommended").isEmpty();
    // compared as text: the plans hold the image's tag set, which has no equals of its own
    assertThat(base.get().basePlans().toString()).as(file + ": the base's plans").isEqualTo(full.get().basePlans().toString());
    return true;
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
