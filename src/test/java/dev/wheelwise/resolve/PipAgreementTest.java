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
