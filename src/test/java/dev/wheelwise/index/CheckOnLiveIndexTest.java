package dev.wheelwise.index;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wheelwise.cli.Main;
import dev.wheelwise.testing.Shared;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code check} on requirements files and Dockerfiles without {@code --offline}: files come from
 * the configured index (a loopback server serving the corpus pages), the snapshot stands in
 * only when the index cannot be reached, and a bad answer is exit 3 after what is known.
 */
class CheckOnLiveIndexTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String[] ARTICLE = {"--as-of", "2020-01-29", "--image", "python:3.8-alpine", "--image", "python:3.8-slim-buster",
      "--isolated", "--no-cache", "--format", "json"};
  LoopbackIndex server;

  record Run(int code, String out, String err) {
    JsonNode json() throws IOException {
      return JSON.readTree(out);
    }
  }

  @BeforeEach
  void start() throws IOException {
    server = new LoopbackIndex(Shared.require("corpus/index-facts"));
  }

  @AfterEach
  void stop() {
    if (server != null) { // start skipped: ../shared or the local index is absent
      server.close();
    }
  }

  static Run check(String path, String... options) {
    List<String> args = new ArrayList<>(List.of("check", path));
    args.addAll(List.of(options));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(args.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(code, out.toString(), err.toString());
  }

  static String[] with(String[] common, String... more) {
    List<String> all = new ArrayList<>(List.of(common));
    all.addAll(List.of(more));
    return all.toArray(String[]::new);
  }

  /** image → package → chosen file (or the install kind when none). */
  static Map<String, Map<String, String>> choices(JsonNode root) {
    Map<String, Map<String, String>> out = new HashMap<>();
    for (JsonNode image : root.get("images")) {
      Map<String, String> files = new HashMap<>();
      image.get("packages").forEach(p -> files.put(p.get("name").asText(), p.has("file") ? p.get("file").asText() : p.get("install").asText()));
      out.put(image.get("image").asText(), files);
    }
    return out;
  }

  @Test
  void requirementsReadTheIndexAndChooseAsTheSnapshotDoes(@TempDir Path dir) throws IOException {
    Path req = dir.resolve("requirements.txt");
    Files.copy(Path.of("examples/alpine-article/pinned/requirements.txt"), req);
    Run live = check(req.toString(), with(ARTICLE, "--index-url", server.base() + "/simple"));
    assertThat(live.code()).as(live.err()).isZero();
    assertThat(live.err()).doesNotContain("notice:");
    JsonNode root = live.json();
    assertThat(root.get("source").get("index").asText()).isEqualTo(server.base() + "/simple");
    assertThat(server.count("/simple/matplotlib/")).isEqualTo(1);
    assertThat(server.count("/simple/kiwisolver/")).isEqualTo(1);
    // The index serves the same corpus facts the snapshot was built from: the same files win.
    Run offline = check(req.toString(), with(ARTICLE, "--offline"));
    assertThat(choices(root)).isEqualTo(choices(offline.json()));
    assertThat(choices(root).get("python:3.8-slim-buster")).containsEntry("matplotlib", "matplotlib-3.1.2-cp38-cp38-manylinux1_x86_64.whl");
    assertThat(choices(root).get("python:3.8-alpine")).containsEntry("matplotlib", "matplotlib-3.1.2.tar.gz");
    // An index lists every file of a release: the choice is a fact, not a sample of a snapshot.
    root.get("images").forEach(image -> image.get("packages").forEach(
        p -> assertThat(p.has("filesComplete")).as(p.get("name").asText()).isFalse()));
    assertThat(offline.json().get("images").get(0).get("packages").get(0).path("filesComplete").asBoolean(true))
        .as("the snapshot vouches for no 2020 release").isFalse();
  }

  @Test
  void aDockerfileUsesTheIndexWithoutOffline() throws IOException {
    Run r = check("examples/alpine-article/pinned", "--as-of", "2020-01-29", "--index-url", server.base() + "/simple",
        "--isolated", "--no-cache", "--format", "json");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.json().get("source").get("index").asText()).isEqualTo(server.base() + "/simple");
    assertThat(server.count("/simple/pandas/")).isEqualTo(1);
  }

  @Test
  void anUnreachableIndexFallsBackToTheSnapshotWithOneNotice(@TempDir Path dir) throws IOException {
    int port;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    Path req = dir.resolve("requirements.txt");
    Files.copy(Path.of("examples/alpine-article/pinned/requirements.txt"), req);
    Run r = check(req.toString(), with(ARTICLE, "--index-url", "http://127.0.0.1:" + port + "/simple"));
    assertThat(r.code()).as(r.err()).isZero();
    String date = SnapshotCodec.embedded().orElseThrow().date();
    assertThat(r.err().lines().filter(l -> l.startsWith("notice: "))).hasSize(1)
        .first().asString().contains("cannot connect").endsWith("using snapshot " + date + " instead");
    assertThat(r.json().get("source").get("index").asText()).isEqualTo("snapshot " + date);
    assertThat(choices(r.json())).isEqualTo(choices(check(req.toString(), with(ARTICLE, "--offline")).json()));
  }

  @Test
  void aBadAnswerIsExitThreeAfterWhatIsKnown(@TempDir Path dir) throws IOException {
    byte[] cut = "{\"meta\":{\"api-version\":\"1.1\"},\"name\":\"pandas\",\"files\":[{\"filename\":\"pandas-0.25.3.tar.gz\","
        .getBytes(StandardCharsets.UTF_8);
    server.override("/simple/pandas/", LoopbackIndex.fixed(200, "application/vnd.pypi.simple.v1+json", cut));
    Path req = dir.resolve("requirements.txt");
    Files.writeString(req, "matplotlib==3.1.2\npandas==0.25.3\n");
    Run r = check(req.toString(), with(ARTICLE, "--index-url", server.base() + "/simple"));
    assertThat(r.code()).isEqualTo(Main.EXIT_INDEX);
    assertThat(r.err()).contains("error: " + server.base() + "/simple/pandas/: malformed PEP 691 JSON").doesNotContain("notice:");
    // What is known is printed; pandas, which the index answered badly for, is unknown, never a wheel.
    Map<String, Map<String, String>> choices = choices(r.json());
    assertThat(choices.get("python:3.8-slim-buster")).containsEntry("matplotlib", "matplotlib-3.1.2-cp38-cp38-manylinux1_x86_64.whl")
        .containsEntry("pandas", "unknown");
    assertThat(choices.get("python:3.8-alpine")).containsEntry("pandas", "unknown");
  }
}
