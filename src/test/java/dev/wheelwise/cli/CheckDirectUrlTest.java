package dev.wheelwise.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Direct-URL packages in a lock are judged by the file the URL names, as pip installs it: a
 * {@code py3-none-any} wheel everywhere, a {@code linux_aarch64} wheel on arm64 only, a URL sdist
 * as a source build; VCS packages and the project itself are "not compared", with the reason.
 * With no image installing on every platform, the nearest is a plan that is blocked (an earlier
 * version named a plan that installs, "blocked by: its verdict is wheels").
 */
class CheckDirectUrlTest {
  private static final Path LOCK = Path.of("src/test/resources/dev/wheelwise/cli/direct-url/uv.lock");

  @Test
  void directUrlFilesAreJudgedByTheirNames() throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(new String[] {"check", LOCK.toString(), "--offline", "--image", "python:3.12-slim",
        "--platform", "linux/amd64", "--platform", "linux/arm64", "--format", "json"},
        new PrintWriter(out, true), new PrintWriter(err, true));
    assertThat(code).as(err.toString()).isIn(0, 1);
    JsonNode root = new ObjectMapper().readTree(out.toString());
    Map<String, JsonNode> byPlatform = new HashMap<>();
    root.get("images").forEach(i -> byPlatform.put(i.get("platform").asText().replace("/v8", ""), i));

    JsonNode arm = byPlatform.get("linux/arm64");
    assertThat(install(arm, "en-core-web-sm")).isEqualTo("wheel en_core_web_sm-3.8.0-py3-none-any.whl");
    assertThat(install(arm, "psycopg-c")).isEqualTo("wheel psycopg_c-3.3.0-cp312-cp312-linux_aarch64.whl");
    assertThat(install(arm, "tinysrc")).isEqualTo("sdist tinysrc-0.3.tar.gz");

    JsonNode amd = byPlatform.get("linux/amd64");
    assertThat(install(amd, "en-core-web-sm")).startsWith("wheel ");
    assertThat(install(amd, "psycopg-c")).isEqualTo("none");
    assertThat(amd.get("verdict").asText()).isEqualTo("unavailable");

    assertThat(arm.get("skipped").toString()).contains("mylib", "VCS checkout").contains("app", "the project");
    assertThat(root.get("recommendation").isNull()).isTrue();
    // Neither platform installs: arm64 is unknown (the URL sdist was not read), amd64 unavailable.
    // The nearest is the better-ranked blocked plan, and its block is named, never "its verdict is wheels".
    assertThat(arm.get("verdict").asText()).isEqualTo("unknown");
    assertThat(root.get("nearest").get("platform").asText()).startsWith("linux/arm64");
    assertThat(root.get("nearest").get("blocking").get(0).asText()).contains("tinysrc 0.3", "builds from source");
  }

  private static String install(JsonNode image, String name) {
    for (JsonNode p : image.get("packages")) {
      if (p.get("name").asText().equals(name)) {
        String how = p.get("install").asText();
        return p.hasNonNull("file") ? how + " " + p.get("file").asText() : how;
      }
    }
    return "absent";
  }
}
