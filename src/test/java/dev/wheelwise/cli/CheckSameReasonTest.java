package dev.wheelwise.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One resolver failure leaves every package it stops unknown for the same reason; the report
 * says it once, naming them (healthchecks' Dockerfile printed one Django line five times in the
 * details and five more in the blockers), and a blocker with no later release to move to is not
 * offered as a remedy.
 */
class CheckSameReasonTest {
  @TempDir Path dir;

  @Test
  void aSharedReasonIsSaidOnceWithItsPackages() throws Exception {
    Path requirements = dir.resolve("requirements.txt");
    Files.writeString(requirements, "django==9.9\naiohttp\npython-socketio\n");
    String table = run(requirements, "table");
    List<String> notResolved = new ArrayList<>();
    table.lines().filter(l -> l.contains("not resolved: ")).forEach(notResolved::add);
    assertThat(notResolved).hasSize(2);
    assertThat(notResolved.get(0)).startsWith("  unknown (aiohttp, python-socketio): not resolved: ");
    assertThat(notResolved.get(1)).contains("python:3.13-slim (linux/amd64) aiohttp, python-socketio: unknown: not resolved: ");

    JsonNode json = new ObjectMapper().readTree(run(requirements, "json"));
    // Each package still carries its own reason in the JSON.
    assertThat(json.path("images").path(0).path("packages").findValuesAsText("name")).contains("aiohttp", "python-socketio", "django");
    assertThat(json.path("remedies")).isEmpty();
  }

  private static String run(Path input, String format) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(new String[] {"check", input.toString(), "--offline", "--image", "python:3.13-slim", "--format", format},
        new PrintWriter(out, true), new PrintWriter(err, true));
    assertThat(code).as(err.toString()).isIn(0, 1);
    return out.toString();
  }
}
