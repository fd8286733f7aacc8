package dev.wheelwise.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The classic builder's stream as pip 23.0.1 on Debian bookworm writes it into a failing build. */
class BuildLogTest {
  private static final String FAILING = String.join("\n",
      "Step 1/5 : FROM wheelwise-ci/bookworm-python:latest",
      " ---> 44c02e78b75a",
      "Step 2/5 : COPY wheelwise-bench-requirements.txt /tmp/wheelwise-bench-requirements.txt",
      " ---> 0b1c2d3e4f50",
      "Step 3/5 : RUN python3 -m venv /opt/venv",
      " ---> Running in 5c9b556fd482",
      "Removing intermediate container 5c9b556fd482",
      " ---> 66744f741755",
      "Step 4/5 : RUN /opt/venv/bin/python -m pip install --no-cache-dir -r /tmp/wheelwise-bench-requirements.txt",
      " ---> Running in 43f2dfda02ac",
      "Looking in indexes: http://127.0.0.1:44329/simple",
      "Collecting purepkg==1.0.0",
      "  Downloading http://127.0.0.1:44329/files/purepkg-1.0.0.tar.gz (1.2 kB)",
      "  Installing build dependencies: started",
      "  Installing build dependencies: finished with status 'done'",
      "Collecting psutil==99.0.0",
      "  Downloading http://127.0.0.1:44329/files/psutil-99.0.0.tar.gz (1.4 kB)",
      "Building wheels for collected packages: purepkg, psutil",
      "  Building wheel for purepkg (pyproject.toml): started",
      "  Building wheel for purepkg (pyproject.toml): finished with status 'done'",
      "  Created wheel for purepkg: filename=purepkg-1.0.0-py3-none-any.whl size=1050 sha256=00",
      "  Building wheel for psutil (pyproject.toml): started",
      "  error: subprocess-exited-with-error",
      "  ",
      "  × Building wheel for psutil (pyproject.toml) did not run successfully.",
      "  │ exit code: 1",
      "  ╰─> [1 lines of output]",
      "      error: command 'x86_64-linux-gnu-gcc' failed: No such file or directory",
      "      [end of output]",
      "  Building wheel for psutil (pyproject.toml): finished with status 'error'",
      "Failed to build psutil",
      "ERROR: Could not build wheels for psutil, which is required to install pyproject.toml-based projects",
      "");

  @Test
  void readsStepsContainersLayersAndTheCause() {
    BuildLog log = new BuildLog();
    Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
    String[] lines = FAILING.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      // one line per second, fed in uneven pieces as the engine sends them
      String line = lines[i] + (i + 1 < lines.length ? "\n" : "");
      log.text(line.substring(0, line.length() / 2), t0.plusSeconds(i));
      log.text(line.substring(line.length() / 2), t0.plusSeconds(i));
    }
    log.end(t0.plusSeconds(lines.length));

    assertThat(log.steps()).extracting(BuildLog.StepMark::number).containsExactly(1, 2, 3, 4);
    assertThat(log.containers()).containsExactlyInAnyOrder("5c9b556fd482", "43f2dfda02ac");
    // The id after FROM is the base image: never this build's to remove.
    assertThat(log.layers()).containsExactlyInAnyOrder("0b1c2d3e4f50", "66744f741755");
    assertThat(log.firstError()).contains("error: command 'x86_64-linux-gnu-gcc' failed: No such file or directory");
    assertThat(log.failedPackage()).contains("psutil");
    assertThat(log.sourceBuilds()).extracting(Measurement.SourceBuild::name, Measurement.SourceBuild::succeeded)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("purepkg", true), org.assertj.core.groups.Tuple.tuple("psutil", false));
    assertThat(log.sourceBuilds().get(0).version()).contains("1.0.0");
    assertThat(log.sourceBuilds().get(0).seconds().getAsDouble()).isEqualTo(1.0);
    // Step 4 began at line 8 and ran to the end of the stream (line count 33).
    assertThat(log.secondsIn(Set.of(4), t0.plusSeconds(lines.length)).getAsDouble()).isEqualTo(lines.length - 8);
    assertThat(log.secondsIn(Set.of(9), t0)).isEmpty();
  }

  @Test
  void aMissingHeaderIsTheCauseWhenGccRuns() {
    BuildLog log = new BuildLog();
    Instant t = Instant.EPOCH;
    log.text("Collecting psutil==99.0.0\n  Building wheel for psutil (pyproject.toml): started\n"
        + "      ext.c:1:10: fatal error: Python.h: No such file or directory\n", t);
    log.end(t);
    assertThat(log.firstError()).contains("ext.c:1:10: fatal error: Python.h: No such file or directory");
    assertThat(log.failedPackage()).contains("psutil");
  }
}
