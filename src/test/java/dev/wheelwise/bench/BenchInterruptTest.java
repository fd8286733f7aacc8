package dev.wheelwise.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelwise.bench.json.ContainerJson;
import dev.wheelwise.bench.json.ImageJson;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code wheelwise bench} in its own process, sent SIGINT while a build runs a long step: its
 * shutdown hook removes what the run made, so no labelled image or container and none of the
 * build's containers are left on the engine.
 */
class BenchInterruptTest {

  @TempDir Path dir;

  @Test
  void anInterruptedRunLeavesNothingBehind() throws Exception {
    EngineClient engine = LocalEngine.requireImages(LocalEngine.BASE);
    Files.writeString(dir.resolve("Dockerfile"), "FROM python:3.12-slim\nRUN echo started && sleep 60\nRUN pip install flask\n");
    Set<String> before = engine.containers("").stream().map(ContainerJson::id).collect(Collectors.toSet());
    // env --default-signal=INT: a CI script run in the background hands its children SIGINT ignored,
    // and a JVM started so never sees the interrupt the test sends (the run then just finishes).
    ProcessBuilder pb = new ProcessBuilder("env", "--default-signal=INT", Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "dev.wheelwise.cli.Main",
        "bench", dir.toString(), "--image", LocalEngine.BASE, "--offline");
    pb.redirectErrorStream(true);
    Process process = pb.start();
    String runId = null;
    StringBuilder seen = new StringBuilder();
    Pattern run = Pattern.compile("^bench: run (\\S+) on ");
    try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        seen.append(line).append('\n');
        Matcher m = run.matcher(line);
        if (m.find()) {
          runId = m.group(1);
        }
        if (line.contains("step 2/") && line.contains("sleep 60")) {
          Thread.sleep(1500); // the RUN's container exists now
          new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start().waitFor();
        }
      }
    }
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(seen.toString()).isTrue();
    assertThat(process.exitValue()).as(seen.toString()).isEqualTo(130);
    assertThat(runId).as(seen.toString()).isNotNull();
    assertThat(seen.toString()).contains("bench: removed");
    List<ImageJson> labelledImages = engine.images(Bench.LABEL + "=" + runId);
    List<ContainerJson> labelledContainers = engine.containers(Bench.LABEL + "=" + runId);
    assertThat(labelledImages).isEmpty();
    assertThat(labelledContainers).isEmpty();
    // The RUN step's container carries no label (the classic builder labels the final image only): it must be gone too.
    List<ContainerJson> left = engine.containers("").stream().filter(c -> !before.contains(c.id()))
        .filter(c -> c.image().startsWith("sha256:") || c.image().startsWith(LocalEngine.BASE)).toList();
    assertThat(left).as(seen.toString()).isEmpty();
  }
}
