package dev.wheelwise.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelwise.cli.Main;
import dev.wheelwise.testing.Shared;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index commands end to end through {@link Main#execute}, against the loopback server. */
class IndexCliTest {
  static LoopbackIndex server;

  record Run(int code, String out, String err) {}

  @BeforeAll
  static void start() throws IOException {
    server = new LoopbackIndex(Shared.require("corpus/index-facts"));
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    List<String> all = new ArrayList<>(List.of(args));
    int code = Main.execute(all.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void filesFromTheLiveIndexNameTheirSource() throws IOException {
    Run r = run("files", "six", "Python_Dateutil", "--index-url", server.base() + "/simple", "--isolated", "--no-cache");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("six (index " + server.base() + "/simple): 6 files")
        .contains("  six-1.17.0-py2.py3-none-any.whl  11050 B  2024-12-04T17:35:26.475Z")
        .contains("python-dateutil (index " + server.base() + "/simple): 4 files");
    Run json = run("files", "six", "nope-not-here", "--index-url", server.base() + "/simple", "--isolated", "--no-cache", "--format", "json");
    var root = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.out());
    assertThat(root.path("schema").asText()).isEqualTo("wheelwise.files/1");
    assertThat(root.path("projects").get(0).path("source").asText()).isEqualTo("index " + server.base() + "/simple");
    assertThat(root.path("projects").get(0).path("files")).hasSize(6);
    assertThat(root.path("projects").get(0).path("files").get(5).path("bytes").asLong()).isEqualTo(34031);
    assertThat(root.path("projects").get(1).path("found").asBoolean(true)).isFalse();
  }

  @Test
  void badAnswerExitsThreeNamingTheRedactedUrlAndShowsNoFiles() {
    server.override("/cli502/six/", LoopbackIndex.fixed(502, "text/plain", new byte[0]));
    Run r = run("files", "six", "--index-url", "http://ann:topsecret@127.0.0.1:" + server.port() + "/cli502", "--isolated", "--no-cache", "--format", "json");
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.err()).contains("error: six: http://127.0.0.1:" + server.port() + "/cli502/six/: HTTP 502 Bad Gateway after 3 attempts");
    assertThat(r.out() + r.err()).doesNotContain("topsecret").doesNotContain(".whl").doesNotContain(".tar.gz");
  }

  @Test
  void aPageOnePastMaxResponseSizeIsExitThreeNamingTheOption() throws IOException {
    int size = pageSize(server.base() + "/simple/six/");
    Run over = run("files", "six", "--index-url", server.base() + "/simple", "--isolated", "--no-cache", "--max-response-size", String.valueOf(size - 1));
    assertThat(over.code()).as(over.err()).isEqualTo(3);
    assertThat(over.err()).contains("error: six: " + server.base() + "/simple/six/: response")
        .contains("exceeds the limit of " + (size - 1) + " bytes; raise it with --max-response-size");
    Run at = run("files", "six", "--index-url", server.base() + "/simple", "--isolated", "--no-cache", "--max-response-size", String.valueOf(size));
    assertThat(at.code()).as(at.err()).isZero();
  }

  /** The bytes the server answers for the page, asked as the client asks. */
  private static int pageSize(String url) throws IOException {
    java.net.HttpURLConnection c = (java.net.HttpURLConnection) java.net.URI.create(url).toURL().openConnection();
    c.setRequestProperty("Accept", ContentTypes.ACCEPT);
    try (var in = c.getInputStream()) {
      return in.readAllBytes().length;
    }
  }

  /** Each hostile answer: exit 3, the URL and the cause on stderr, and no file reported on stdout. */
  @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
  @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
    "wrong-type | unexpected content type 'application/json'",
    "huge       | exceeds the limit of 67108864 bytes; raise it with --max-response-size",
    "bad-size   | invalid size \"12\" (PEP 700",
    "bad-date   | invalid upload-time '2024-12-04 17:35:26'",
    "status-500 | HTTP 500 Internal Server Error after 3 attempts",
    "status-403 | HTTP 403 Forbidden (credentials missing or refused)",
    "api-v2     | unsupported Simple API version 2.0",
  })
  void hostileAnswersAreExitThree(String mode, String cause) {
    String json = "application/vnd.pypi.simple.v1+json";
    String path = "/hostile-" + mode + "/six/";
    byte[] body;
    switch (mode) {
      case "wrong-type":
        server.override(path, LoopbackIndex.fixed(200, "application/json", "{}".getBytes(StandardCharsets.UTF_8)));
        break;
      case "huge":
        body = new byte[(64 << 20) + 10];
        server.override(path, LoopbackIndex.fixed(200, json, body));
        break;
      case "bad-size":
        server.override(path, LoopbackIndex.fixed(200, json, page("\"size\": \"12\"")));
        break;
      case "bad-date":
        server.override(path, LoopbackIndex.fixed(200, json, page("\"size\": 12, \"upload-time\": \"2024-12-04 17:35:26\"")));
        break;
      case "status-500":
        server.override(path, LoopbackIndex.fixed(500, "text/plain", new byte[0]));
        break;
      case "status-403":
        server.override(path, LoopbackIndex.fixed(403, "text/plain", new byte[0]));
        break;
      default:
        server.override(path, LoopbackIndex.fixed(200, json, "{\"meta\":{\"api-version\":\"2.0\"},\"name\":\"six\",\"files\":[]}".getBytes(StandardCharsets.UTF_8)));
    }
    Run r = run("files", "six", "--index-url", server.base() + "/hostile-" + mode, "--isolated", "--no-cache");
    assertThat(r.code()).as(r.err()).isEqualTo(3);
    assertThat(r.err()).contains("error: six: " + server.base() + path + ": ").contains(cause);
    assertThat(r.out()).doesNotContain(".whl").doesNotContain(".tar.gz");
  }

  private static byte[] page(String extra) {
    return ("{\"meta\":{\"api-version\":\"1.1\"},\"name\":\"six\",\"files\":[{\"filename\":\"six-1.17.0-py2.py3-none-any.whl\","
        + "\"url\":\"x.whl\",\"hashes\":{}," + extra + "}]}").getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void truncatedJsonThroughTheCliIsExitThree() {
    byte[] body = "{\"meta\":{\"api-version\":\"1.1\"},\"name\":\"six\",\"files\":[{\"filename\":\"six-1.17.0-py2.py3-none-any.whl\",".getBytes(StandardCharsets.UTF_8);
    server.override("/clicut/six/", LoopbackIndex.fixed(200, "application/vnd.pypi.simple.v1+json", body));
    Run r = run("explain", "six", "--python", "3.12", "--index-url", server.base() + "/clicut", "--isolated", "--no-cache");
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.err()).startsWith("error: " + server.base() + "/clicut/six/: malformed PEP 691 JSON");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void unreachableIndexFallsBackToTheSnapshotWithOneNotice() throws IOException {
    int port;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    Run r = run("files", "six", "pytz", "--index-url", "http://127.0.0.1:" + port + "/simple", "--isolated", "--no-cache");
    assertThat(r.code()).as(r.err()).isZero();
    String date = SnapshotCodec.embedded().orElseThrow().date();
    assertThat(r.err().lines().filter(l -> l.startsWith("notice: "))).hasSize(1)
        .first().asString().contains("cannot connect").endsWith("using snapshot " + date + " instead");
    assertThat(r.out()).contains("six (snapshot " + date + ")").contains("pytz (snapshot " + date + ")");
  }

  @Test
  void offlineAsOfMarksUnknownUploadTimes() {
    Run r = run("files", "pandas", "--offline", "--as-of", "2020-01-20");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("pandas (snapshot ").contains("): 19 files as of 2020-01-20")
        .contains("  pandas-0.25.3-cp38-cp38-manylinux1_x86_64.whl  size unknown  upload time unknown  [upload time unknown, version released 2019-10-31]")
        .doesNotContain("pandas-1.0.0");
    // Counted lines are 0.25.3 only; the others are shown with "?" and say why they are not counted.
    assertThat(r.out().lines().filter(l -> l.startsWith("  pandas-"))).hasSize(19).allMatch(l -> l.startsWith("  pandas-0.25.3"));
    assertThat(r.out().lines().filter(l -> l.startsWith("  ? "))).isNotEmpty().allMatch(l -> l.endsWith(": not counted]"));
  }

  @Test
  void explainOnTheLoopbackIndexPicksTheManylinuxWheelOnSlim() {
    Run r = run("explain", "matplotlib", "--python", "3.8", "--libc", "glibc-2.28", "--pip", "19.3.1", "--as-of", "2020-01-20",
        "--index-url", server.base() + "/simple", "--isolated", "--no-cache");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("source: index " + server.base() + "/simple, as of 2020-01-20")
        .contains("=> matplotlib-3.1.2-cp38-cp38-manylinux1_x86_64.whl  [cp38-cp38-manylinux1_x86_64]")
        .contains("pip would take matplotlib-3.1.2-cp38-cp38-manylinux1_x86_64.whl (wheel, tag rank ");
    Run pinned = run("explain", "numpy==1.18.1", "--python", "3.8", "--libc", "musl-1.1", "--offline");
    assertThat(pinned.out()).contains("=> numpy-1.18.1.zip").contains(" - numpy-1.18.1-cp38-cp38-manylinux1_x86_64.whl")
        .contains("glibc wheel on musl");
  }

  @Test
  void snapshotBuildAndInfo(@TempDir Path tmp) throws IOException {
    Path in = tmp.resolve("in");
    Files.createDirectories(in);
    Files.writeString(in.resolve("uv.lock"), String.join("\n",
        "version = 1", "[[package]]", "name = \"six\"", "version = \"1.17.0\"", "source = { registry = \"https://pypi.org/simple\" }",
        "sdist = { url = \"https://files.pythonhosted.org/packages/94/e7/six-1.17.0.tar.gz\", hash = \"sha256:ff70335d468e7eb6ec65b95b99d3a2836546063f63acc5171de367e834932a81\", size = 34031, upload-time = \"2024-12-04T17:35:28.174Z\" }",
        "wheels = [{ url = \"https://files.pythonhosted.org/packages/b7/ce/six-1.17.0-py2.py3-none-any.whl\", hash = \"sha256:4721f391ed90541fddacab5acf947aa0d3dc7d27b2e1e8eda2be8970586c3274\", size = 11050, upload-time = \"2024-12-04T17:35:26.475Z\" }]", ""));
    Path out = tmp.resolve("s.json.gz");
    Run build = run("snapshot", "build", "--from", in.toString(), "--out", out.toString());
    assertThat(build.code()).as(build.err()).isZero();
    assertThat(build.out()).contains("1 projects, 1 versions, 2 files from 1 inputs");
    Run info = run("snapshot", "info", "--file", out.toString());
    assertThat(info.out()).startsWith("snapshot 2024-12-04 (wheelwise.snapshot/1)").contains("upload time 2 (100%)").contains("inputs: {uv.lock=1}");
    Run offline = run("files", "six", "--offline", "--snapshot", out.toString());
    assertThat(offline.out()).contains("six (snapshot 2024-12-04): 2 files");
  }

  @Test
  void usageErrorsAreExitTwo() {
    assertThat(run("files", "six", "--offline", "--as-of", "20-01-2020").code()).isEqualTo(2);
    assertThat(run("explain", "six==not-a-version", "--python", "3.12", "--offline").code()).isEqualTo(2);
    assertThat(run("explain", "no-such-project-here", "--python", "3.12", "--offline").err()).contains("not found (snapshot ");
  }
}
