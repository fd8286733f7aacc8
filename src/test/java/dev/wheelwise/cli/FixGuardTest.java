package dev.wheelwise.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelwise.dockerfile.Dockerfile;
import dev.wheelwise.dockerfile.DockerfileModel;
import dev.wheelwise.lint.LintConfig;
import dev.wheelwise.lint.Linter;
import dev.wheelwise.lint.Rules;
import dev.wheelwise.lint.Subject;
import dev.wheelwise.lint.Wheels;
import dev.wheelwise.lint.fix.ApkToApt;
import dev.wheelwise.lint.fix.Fixer;
import dev.wheelwise.lint.fix.Plan;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fixer.judge's check guard on real check results (offline, 2020-01-29): a base switch whose
 * result check rates worse than before is refused and the other edits stand; one rated no worse
 * is kept. The checker is the caller's hook, so the test hands it the answer for another file.
 */
class FixGuardTest {

  @Test
  void aSwitchCheckRatesWorseIsRefusedAndTheRestStands(@TempDir Path dir) throws Exception {
    Files.copy(Path.of("examples/alpine-article/pinned/requirements.txt"), dir.resolve("requirements.txt"));
    Path file = dir.resolve("Dockerfile");
    Files.writeString(file, "FROM python:3.8-alpine\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\n");
    WheelCheckOptions options = new WheelCheckOptions();
    options.offline = true;
    options.asOf = "2020-01-29";
    try (WheelCheckOptions.Session session = options.open(new PrintWriter(new StringWriter()))) {
      Dockerfile alpine = Dockerfile.parse(file.toString(), Files.readAllBytes(file));
      Wheels onAlpine = session.check(DockerfileModel.of(alpine, Map.of(), dir), file, dir);
      Subject subject = new Subject(alpine, DockerfileModel.of(alpine, Map.of(), dir), Set.of(), Optional.of(onAlpine), Set.of());
      Plan plan = Fixer.plan(subject, new Linter(Rules.ALL, LintConfig.EMPTY, true).lint(subject, List.of()), ApkToApt.standard());
      assertThat(plan.edits()).extracting(e -> e.code()).contains("WW1001", "DL3042");

      Fixer.Outcome honest = Fixer.judge(alpine, Optional.of(onAlpine), plan,
          Optional.of(after -> session.check(DockerfileModel.of(after, Map.of(), dir), file, dir)));
      assertThat(honest.plan().refused()).isEmpty();
      assertThat(honest.text()).startsWith("FROM python:3.8-slim-buster\n").contains("pip install --no-cache-dir -r");

      // told that the result still fails on Alpine while the file before was all wheels: worse, so refused
      Dockerfile slim = Dockerfile.parse(file.toString(), honest.text().getBytes());
      Wheels onSlim = session.check(DockerfileModel.of(slim, Map.of(), dir), file, dir);
      Fixer.Outcome worse = Fixer.judge(alpine, Optional.of(onSlim), plan, Optional.of(after -> onAlpine));
      assertThat(worse.plan().refused()).singleElement().satisfies(r -> {
        assertThat(r.code()).isEqualTo("WW1001");
        assertThat(r.reason()).contains("fails", "worse than wheels");
      });
      assertThat(worse.text()).startsWith("FROM python:3.8-alpine\n").contains("pip install --no-cache-dir -r");
    }
  }
}
