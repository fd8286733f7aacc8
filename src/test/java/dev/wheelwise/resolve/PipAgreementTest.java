package dev.wheelwise.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wheelwise.cli.Main;
import dev.wheelwise.index.LoopbackIndex;
import dev.wheelwise.pep440.Version;
import dev.wheelwise.testing.Shared;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * check's file choices for the largest uv.lock of the corpus (NVIDIA earth2studio) are pip's:
 * pip 23.2.1 on the locked pins, per image, against a loopback index of the lock's real file
 * names (see {@link PipAgreement}). Two images here, a glibc amd64 and a musl arm64 one, so
 * wheels, sdists and packages with no file are all met; benchmarks/check-vs-pip.sh runs the
 * benchmark's twelve.
 */
class PipAgreementTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void checksFileChoicesArePipsOnSlimAmd64AndAlpineArm64(@TempDir Path tmp) throws Exception {
    Path lock = Shared.require("corpus/lockfiles/uv/NVIDIA__earth2studio/uv.lock");
    Version pip = PipOracle.PIP.pip().orElseThrow();
    assertThat(PipOracle.hostPip()).as("the pip this test runs").isEqualTo(pip);
    PipAgreement.Report report = PipAgreement.read(check(lock, pip, "--image", "python:3.12-slim", "--platform", "linux/amd64"), pip)
        .plus(PipAgreement.read(check(lock, pip, "--image", "python:3.12-alpine", "--platform", "linux/arm64"), pip));
    try (LoopbackIndex index = new LoopbackIndex(null)) {
      PipOracle.serve(index, LockUniverse.ofLock(lock));
      PipAgreement.Outcome outcome = PipAgreement.compare(report, index.base(), tmp, 2);
      System.out.print(outcome.summary());
      assertThat(outcome.disagreements()).isEmpty();
      assertThat(outcome.notCompared()).isEmpty();
      assertThat(outcome.images()).isEqualTo(2);
      assertThat(outcome.agreements()).isEqualTo(outcome.compared()).isGreaterThan(200);
      // Each kind of decision is met, so each is checked against pip.
      assertThat(outcome.byInstall()).containsKeys("wheel", "sdist", "none");
      assertThat(outcome.pinRuns()).hasSize(2);
      assertThat(outcome.noneRuns()).hasSize(outcome.byInstall().get("none"));
    }
  }

  /**
   * Sdist names only pip reads, as pip itself reads them: a loopback index serves releases whose
   * only files are a {@code .tar.bz2} (prettytable 0.7.2, as the corpus's poetry.locks list it), a
   * {@code .tgz} (python-termstyle 0.1.10), {@code scs-2.1.1-2.tar.gz} (pip: scs 2.1.1.post2;
   * packaging: project scs-2-1-1) and a {@code .tbz}; and a release pip cannot take, bar 2.0,
   * whose only file is named for Python 2.7, beside bar 1.0's {@code .tgz}. {@code check} on the
   * pins against that index (live, not offline) must choose what pip 23.2.1 chooses, sdist by sdist.
   */
  @Test
  void sdistNamesOnlyPipReadsAreChosenAsPipChooses(@TempDir Path tmp) throws Exception {
    Version pip = PipOracle.PIP.pip().orElseThrow();
    assertThat(PipOracle.hostPip()).as("the pip this test runs").isEqualTo(pip);
    LockUniverse universe = LockUniverse.of(
        new LockUniverse.Release("prettytable", "0.7.2", List.of("prettytable-0.7.2.tar.bz2"), List.of()),
        new LockUniverse.Release("python-termstyle", "0.1.10", List.of("python-termstyle-0.1.10.tgz"), List.of()),
        new LockUniverse.Release("scs", "2.1.1.post2", List.of("scs-2.1.1-2.tar.gz"), List.of()),
        new LockUniverse.Release("foo-bar", "1.0", List.of("Foo_Bar-1.0.tbz"), List.of()),
        new LockUniverse.Release("bar", "1.0", List.of("bar-1.0.tgz"), List.of()),
        new LockUniverse.Release("bar", "2.0", List.of("bar-2.0-py2.7.tar.bz2"), List.of()));
    try (LoopbackIndex index = new LoopbackIndex(null)) {
      PipOracle.serve(index, universe);
      Path requirements = tmp.resolve("requirements.txt");
      java.nio.file.Files.writeString(requirements, "prettytable==0.7.2\npython-termstyle==0.1.10\nscs==2.1.1.post2\nfoo-bar==1.0\n");
      Path none = tmp.resolve("none.txt");
      java.nio.file.Files.writeString(none, "bar==2.0\n");
      PipAgreement.Report report = PipAgreement.read(live(requirements, index.base(), pip), pip)
          .plus(PipAgreement.read(live(none, index.base(), pip), pip));
      PipAgreement.Outcome outcome = PipAgreement.compare(report, index.base(), tmp.resolve("pip"), 2);
      System.out.print(outcome.summary());
      assertThat(outcome.disagreements()).isEmpty();
      assertThat(outcome.notCompared()).isEmpty();
      assertThat(outcome.byInstall()).containsEntry("sdist", 4).containsEntry("none", 1);
      assertThat(outcome.agreements()).isEqualTo(outcome.compared()).isEqualTo(5);
    }
  }

  /** {@code check REQUIREMENTS --index-url BASE --pip PIP --format json} on python:3.12-slim amd64, in process. */
  private static JsonNode live(Path requirements, String base, Version pip) throws Exception {
    List<String> args = List.of("check", requirements.toString(), "--index-url", base + "/simple", "--format", "json", "--pip",
        pip.toString(), "--image", "python:3.12-slim", "--platform", "linux/amd64");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(args.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
    assertThat(code).as(err.toString()).isZero();
    return JSON.readTree(out.toString());
  }

  /** {@code check --offline --pip PIP --format json} of the lock, in process. */
  private static JsonNode check(Path lock, Version pip, String... options) throws Exception {
    List<String> args = new ArrayList<>(List.of("check", lock.toString(), "--offline", "--format", "json", "--pip", pip.toString()));
    args.addAll(List.of(options));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(args.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
    assertThat(code).as(err.toString()).isZero();
    return JSON.readTree(out.toString());
  }
}
