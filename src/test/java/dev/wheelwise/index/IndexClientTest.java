package dev.wheelwise.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wheelwise.testing.Shared;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client against a real loopback server serving the corpus's index facts. */
class IndexClientTest {
  static LoopbackIndex server;

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

  static HttpSettings fast() {
    return HttpSettings.defaults(Optional.empty()).withBackoff(Duration.ofMillis(10)).withCallTimeout(Duration.ofSeconds(3));
  }

  static IndexClient client(String indexUrl, HttpSettings http) {
    return new IndexClient(new IndexSettings(indexUrl, List.of(), List.of(), false, IndexSettings.Strategy.MERGE_ALL), http, Netrc.EMPTY);
  }

  @Test
  void everyCorpusProjectComesBackFileForFileOverJson() {
    try (IndexClient c = client(server.base() + "/simple", fast())) {
      Map<String, FetchOutcome> all = c.projects(server.corpusPages.keySet(), e -> {});
      assertThat(all).hasSize(server.corpusPages.size()).hasSizeGreaterThan(30);
      int files = 0;
      for (Map.Entry<String, JsonNode> e : server.corpusPages.entrySet()) {
        FetchOutcome o = all.get(e.getKey());
        assertThat(o.error()).as(e.getKey()).isEmpty();
        ProjectPage page = o.page().orElseThrow();
        JsonNode expected = e.getValue().get("files");
        assertThat(page.files()).as(e.getKey()).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
          JsonNode x = expected.get(i);
          DistFile f = page.files().get(i);
          assertThat(f.filename()).isEqualTo(x.get("filename").asText());
          assertThat(f.sha256().orElse(null)).isEqualTo(x.get("hashes").path("sha256").asText(null));
          assertThat(f.size().isPresent() ? f.size().getAsLong() : null).isEqualTo(x.get("size").isNull() ? null : x.get("size").asLong());
          assertThat(f.uploadTime().orElse(null)).isEqualTo(x.get("upload-time").isNull() ? null : Instant.parse(x.get("upload-time").asText()));
          assertThat(f.requiresPython().orElse(null)).isEqualTo(x.get("requires-python").asText(null));
          assertThat(f.url().orElseThrow()).isEqualTo(server.base() + "/files/" + f.filename());
          assertThat(f.yanked()).isEqualTo(Yanked.NO);
          files++;
        }
        assertThat(page.versions()).as(e.getKey()).hasSize(e.getValue().get("versions").size());
        assertThat(page.sources()).extracting(Source::toString).containsExactly("index " + server.base() + "/simple");
      }
      assertThat(files).isGreaterThan(3000);
    }
    assertThat(server.seen).anySatisfy(s -> assertThat(s.accept()).isEqualTo(ContentTypes.ACCEPT));
  }

  @Test
  void htmlPagesGiveTheSameFilesHashesAndRequiresPython() throws IndexError {
    server.htmlOnly = true;
    try (IndexClient html = client(server.base() + "/simple", fast())) {
      server.htmlOnly = true;
      for (String name : List.of("numpy", "six", "pandas", "kiwisolver")) {
        ProjectPage page = html.project(name).orElseThrow();
        JsonNode expected = server.corpusPages.get(name).get("files");
        assertThat(page.files()).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
          assertThat(page.files().get(i).filename()).isEqualTo(expected.get(i).get("filename").asText());
          assertThat(page.files().get(i).sha256().orElse(null)).isEqualTo(expected.get(i).get("hashes").path("sha256").asText(null));
          assertThat(page.files().get(i).requiresPython().orElse(null)).isEqualTo(expected.get(i).get("requires-python").asText(null));
          assertThat(page.files().get(i).size()).isEmpty(); // HTML carries no sizes: unknown, not zero
        }
      }
    } finally {
      server.htmlOnly = false;
    }
  }

  @Test
  void metadataFileIsVerifiedAndParsed() throws IndexError {
    try (IndexClient c = client(server.base() + "/simple", fast())) {
      ProjectPage page = c.project("numpy").orElseThrow();
      DistFile wheel = page.files().stream().filter(f -> f.filename().equals("numpy-1.18.1-cp38-cp38-manylinux1_x86_64.whl")).findFirst().orElseThrow();
      CoreMetadata md = c.metadata(wheel);
      assertThat(md.version()).isEqualTo("1.18.1");
      assertThat(md.requiresPython()).contains(wheel.requiresPython().orElseThrow());
      assertThat(md.requiresDist()).containsExactly("six>=1.5", "pytest ; extra == \"test\"");

      DistFile tampered = new DistFile(wheel.filename(), wheel.url(), wheel.hashes(), wheel.requiresPython(),
          new DistFile.CoreMetadataRef(true, Map.of("sha256", "00".repeat(32))), wheel.yanked(), wheel.size(), wheel.uploadTime());
      assertThatThrownBy(() -> c.metadata(tampered)).isInstanceOf(IndexError.class)
          .hasMessageContaining(wheel.filename() + ".metadata").hasMessageContaining("sha256 mismatch");
    }
  }

  @Test
  void fiveHundredThenSuccessRetriesAndReturnsTheData() throws IndexError {
    String path = "/flaky/six/";
    byte[] six = jsonOf("six");
    server.override(path, LoopbackIndex.byAttempt(n -> n < 3
        ? LoopbackIndex.fixed(503, "text/plain", "busy".getBytes(StandardCharsets.UTF_8))
        : LoopbackIndex.fixed(200, "application/vnd.pypi.simple.v1+json", six)));
    try (IndexClient c = client(server.base() + "/flaky", fast())) {
      assertThat(c.project("six").orElseThrow().files()).hasSize(6);
    }
    assertThat(server.count(path)).isEqualTo(3);
  }

  @Test
  void persistent5xxIsAnErrorNamingTheRedactedUrlAndStatus() {
    server.override("/down/six/", LoopbackIndex.fixed(502, "text/plain", new byte[0]));
    String url = "http://alice:s3cret@127.0.0.1:" + server.port() + "/down";
    try (IndexClient c = client(url, fast())) {
      assertThatThrownBy(() -> c.project("six")).isInstanceOf(IndexError.class)
          .hasMessage("http://127.0.0.1:" + server.port() + "/down/six/: HTTP 502 Bad Gateway after 3 attempts")
          .satisfies(e -> assertThat(e.toString()).doesNotContain("s3cret"));
    }
    assertThat(server.seen).filteredOn(s -> s.path().equals("/down/six/")).allSatisfy(s -> assertThat(s.authorization()).startsWith("Basic "));
  }

  @Test
  void slowResponseTimesOut() {
    server.override("/slow/six/", (ex, n) -> {
      try {
        Thread.sleep(2_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      LoopbackIndex.send(ex, 200, "application/vnd.pypi.simple.v1+json", jsonOf("six"));
    });
    HttpSettings quick = new HttpSettings(Optional.empty(), 0, Duration.ofSeconds(1), Duration.ofMillis(300), Duration.ofMillis(500), 1, Duration.ZERO, 1 << 20, 2, RunDeadline.NONE);
    try (IndexClient c = client(server.base() + "/slow", quick)) {
      assertThatThrownBy(() -> c.project("six")).isInstanceOf(IndexError.class)
          .hasMessageStartingWith(server.base() + "/slow/six/: timed out");
    }
  }

  @Test
  void truncatedJsonIsAnErrorNotAShorterList() {
    byte[] six = jsonOf("six");
    byte[] cut = java.util.Arrays.copyOf(six, six.length / 2);
    server.override("/cut/six/", LoopbackIndex.fixed(200, "application/vnd.pypi.simple.v1+json", cut));
    try (IndexClient c = client(server.base() + "/cut", fast())) {
      assertThatThrownBy(() -> c.project("six")).isInstanceOf(IndexError.class)
          .hasMessageStartingWith(server.base() + "/cut/six/: malformed PEP 691 JSON");
    }
  }

  @Test
  void connectionClosedMidBodyIsAConnectionError() {
    byte[] six = jsonOf("six");
    server.override("/drop/six/", (ex, n) -> {
      ex.getResponseHeaders().set("Content-Type", "application/vnd.pypi.simple.v1+json");
      ex.sendResponseHeaders(200, six.length);
      OutputStream out = ex.getResponseBody();
      out.write(six, 0, six.length / 3);
      out.flush();
      ex.getHttpContext().getServer(); // then the exchange closes short of Content-Length
    });
    try (IndexClient c = client(server.base() + "/drop", fast())) {
      assertThatThrownBy(() -> c.project("six")).isInstanceOf(IndexError.class)
          .hasMessageStartingWith(server.base() + "/drop/six/: ");
    }
  }

  @Test
  void wrongContentTypeIsRefused() {
    server.override("/octet/six/", LoopbackIndex.fixed(200, "application/octet-stream", jsonOf("six")));
    try (IndexClient c = client(server.base() + "/octet", fast())) {
      assertThatThrownBy(() -> c.project("six")).isInstanceOf(IndexError.class)
          .hasMessage(server.base() + "/octet/six/: unexpected content type 'application/octet-stream' (expected PEP 691 JSON or PEP 503 HTML)");
    }
  }

  @Test
  void hugeBodyIsRefusedAtTheLimit() {
    byte[] big = new byte[3 << 20];
    java.util.Arrays.fill(big, (byte) ' ');
    server.override("/huge/six/", LoopbackIndex.fixed(200, "application/vnd.pypi.simple.v1+json", big));
    try (IndexClient c = client(server.base() + "/huge", fast().withMaxBodyBytes(1 << 20))) {
      assertThatThrownBy(() -> c.project("six")).isInstanceOf(IndexError.class)
          .hasMessageContaining("exceeds the limit of 1048576 bytes; raise it with --max-response-size");
    }
  }

  @Test
  void redirectToAnotherHostIsFollowedWithoutCredentials() throws Exception {
    try (LoopbackIndex other = new LoopbackIndex(Shared.require("corpus/index-facts"))) {
      String target = "http://localhost:" + other.port() + "/simple/six/";
      server.override("/moved/six/", (ex, n) -> {
        ex.getResponseHeaders().set("Location", target);
        ex.sendResponseHeaders(302, -1);
      });
      try (IndexClient c = client("http://bob:hunter2@127.0.0.1:" + server.port() + "/moved", fast())) {
        ProjectPage page = c.project("six").orElseThrow();
        assertThat(page.files()).extracting(DistFile::filename).contains("six-1.17.0-py2.py3-none-any.whl");
      }
      assertThat(server.seen).filteredOn(s -> s.path().equals("/moved/six/")).allSatisfy(s -> assertThat(s.authorization()).isNotNull());
      assertThat(other.seen).isNotEmpty().allSatisfy(s -> assertThat(s.authorization()).isNull());
    }
  }

  @Test
  void notFoundIsEmptyNotAnError() throws IndexError {
    try (IndexClient c = client(server.base() + "/simple", fast())) {
      assertThat(c.project("no-such-project")).isEmpty();
    }
  }

  @Test
  void invalidSizeAndDateAreErrorsNamingTheFile() {
    server.override("/badsize/six/", LoopbackIndex.fixed(200, "application/vnd.pypi.simple.v1+json",
        page("six-1.17.0.tar.gz", "\"size\": -3, \"upload-time\": \"2024-12-04T17:35:28Z\"")));
    server.override("/baddate/six/", LoopbackIndex.fixed(200, "application/vnd.pypi.simple.v1+json",
        page("six-1.17.0.tar.gz", "\"size\": 34031, \"upload-time\": \"04/12/2024\"")));
    try (IndexClient c = client(server.base() + "/badsize", fast())) {
      assertThatThrownBy(() -> c.project("six")).hasMessage(server.base()
          + "/badsize/six/: six-1.17.0.tar.gz: invalid size -3 (PEP 700: a non-negative integer of bytes)");
    }
    try (IndexClient c = client(server.base() + "/baddate", fast())) {
      assertThatThrownBy(() -> c.project("six")).hasMessageContaining("six-1.17.0.tar.gz: invalid upload-time '04/12/2024'");
    }
  }

  @Test
  void unknownMajorApiVersionIsRefusedAndYankedIsRead() throws IndexError {
    server.override("/v2/six/", LoopbackIndex.fixed(200, "application/vnd.pypi.simple.v1+json",
        "{\"meta\":{\"api-version\":\"2.0\"},\"name\":\"six\",\"files\":[]}".getBytes(StandardCharsets.UTF_8)));
    try (IndexClient c = client(server.base() + "/v2", fast())) {
      assertThatThrownBy(() -> c.project("six")).hasMessageContaining("unsupported Simple API version 2.0");
    }
    server.override("/yank/six/", LoopbackIndex.fixed(200, "application/vnd.pypi.simple.v1+json",
        page("six-1.17.0.tar.gz", "\"yanked\": \"broken build\", \"_private\": 1")));
    try (IndexClient c = client(server.base() + "/yank", fast())) {
      assertThat(c.project("six").orElseThrow().files().get(0).yanked()).isEqualTo(Yanked.yes("broken build"));
    }
  }

  @Test
  void pipMergesIndexesAndUvTakesTheFirstThatHasTheProject() throws IndexError {
    server.override("/extra/six/", LoopbackIndex.fixed(200, "application/vnd.pypi.simple.v1+json",
        page("six-99.0-py3-none-any.whl", "\"size\": 1")));
    IndexSettings both = new IndexSettings(server.base() + "/simple", List.of(server.base() + "/extra"), List.of(), false, IndexSettings.Strategy.MERGE_ALL);
    try (IndexClient pip = new IndexClient(both, fast(), Netrc.EMPTY)) {
      ProjectPage page = pip.project("six").orElseThrow();
      assertThat(page.files()).hasSize(7).extracting(DistFile::filename).contains("six-99.0-py3-none-any.whl", "six-1.14.0.tar.gz");
      assertThat(page.sources()).hasSize(2);
    }
    try (IndexClient uv = new IndexClient(both.withStrategy(IndexSettings.Strategy.FIRST_INDEX), fast(), Netrc.EMPTY)) {
      assertThat(uv.project("six").orElseThrow().files()).extracting(DistFile::filename).containsExactly("six-99.0-py3-none-any.whl");
    }
  }

  @Test
  void findLinksFolderAddsItsArchivesForThatProjectOnly(@TempDir Path dir) throws Exception {
    java.nio.file.Files.write(dir.resolve("six-2.0-py3-none-any.whl"), new byte[123]);
    java.nio.file.Files.write(dir.resolve("six-2.0.tar.gz"), new byte[7]);
    java.nio.file.Files.write(dir.resolve("sixer-1.0.tar.gz"), new byte[7]);
    IndexSettings s = new IndexSettings(server.base() + "/simple", List.of(), List.of(dir.toString()), false, IndexSettings.Strategy.MERGE_ALL);
    try (IndexClient c = new IndexClient(s, fast(), Netrc.EMPTY)) {
      ProjectPage page = c.project("six").orElseThrow();
      assertThat(page.files()).hasSize(8).filteredOn(f -> f.url().orElseThrow().startsWith("file:"))
          .extracting(DistFile::filename, f -> f.size().getAsLong())
          .containsExactly(org.assertj.core.groups.Tuple.tuple("six-2.0-py3-none-any.whl", 123L), org.assertj.core.groups.Tuple.tuple("six-2.0.tar.gz", 7L));
    }
  }

  @Test
  void findLinksHtmlPageKeepsOnlyThatProjectsLinks() throws IndexError {
    server.override("/links/", LoopbackIndex.fixed(200, "text/html", ("<html><body>"
        + "<a href=\"/dl/six-9.0-py3-none-any.whl#sha256=AB\">six-9.0-py3-none-any.whl</a>"
        + "<a href=\"/dl/sixer-1.0.tar.gz\">sixer-1.0.tar.gz</a>"
        + "<a href=\"/dl/Six-9.0.tar.gz\" data-yanked=\"\">Six-9.0.tar.gz</a></body></html>").getBytes(StandardCharsets.UTF_8)));
    IndexSettings s = new IndexSettings(server.base() + "/simple", List.of(), List.of(server.base() + "/links/"), true, IndexSettings.Strategy.MERGE_ALL);
    try (IndexClient c = new IndexClient(s, fast(), Netrc.EMPTY)) {
      ProjectPage page = c.project("six").orElseThrow();
      assertThat(page.files()).extracting(DistFile::filename).containsExactly("six-9.0-py3-none-any.whl", "Six-9.0.tar.gz");
      assertThat(page.files().get(0).sha256()).contains("ab");
      assertThat(page.files().get(0).url()).contains(server.base() + "/dl/six-9.0-py3-none-any.whl");
      assertThat(page.files().get(1).yanked().isYanked()).isTrue();
      assertThat(page.sources()).extracting(Source::toString).containsExactly("find-links " + server.base() + "/links/");
    }
  }

  @Test
  void redirectFromHttpsToHttpIsADowngrade() {
    // No TLS server runs in the tests, so the rule the redirect loop applies is checked directly.
    assertThat(HttpFetcher.isDowngrade("https://a.example/simple/six/", "http://a.example/simple/six/")).isTrue();
    assertThat(HttpFetcher.isDowngrade("http://a.example/simple/six/", "https://a.example/simple/six/")).isFalse();
  }

  @Test
  void netrcCredentialsGoToTheirHostOnly() throws IndexError {
    Netrc netrc = Netrc.parse("machine 127.0.0.1\n  login carol\n  password pw\nmachine example.invalid login x password y\n");
    server.seen.clear();
    try (IndexClient c = new IndexClient(new IndexSettings(server.base() + "/simple", List.of(), List.of(), false, IndexSettings.Strategy.MERGE_ALL), fast(), netrc)) {
      c.project("six").orElseThrow();
    }
    String expected = "Basic " + java.util.Base64.getEncoder().encodeToString("carol:pw".getBytes(StandardCharsets.UTF_8));
    assertThat(server.seen).filteredOn(s -> s.path().equals("/simple/six/")).extracting(LoopbackIndex.Seen::authorization).containsOnly(expected);
  }

  @Test
  void diskCacheAnswersTheSecondRunWithoutTheNetwork(@TempDir Path cache) throws IndexError {
    HttpSettings cached = HttpSettings.defaults(Optional.of(cache)).withBackoff(Duration.ofMillis(10));
    int before = server.count("/simple/pytz/");
    try (IndexClient c = client(server.base() + "/simple", cached)) {
      assertThat(c.project("pytz").orElseThrow().files()).hasSize(10);
    }
    try (IndexClient c = client(server.base() + "/simple", cached)) {
      assertThat(c.project("pytz").orElseThrow().files()).hasSize(10);
    }
    assertThat(server.count("/simple/pytz/") - before).isEqualTo(1);
  }

  @Test
  void unreachableIndexIsMarkedSo() throws Exception {
    int freePort;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      freePort = s.getLocalPort();
    }
    try (IndexClient c = client("http://127.0.0.1:" + freePort + "/simple", fast())) {
      assertThatThrownBy(() -> c.project("six")).isInstanceOf(IndexError.class)
          .hasMessageContaining("cannot connect").satisfies(e -> assertThat(((IndexError) e).unreachable()).isTrue());
    }
  }

  private static byte[] jsonOf(String name) {
    try {
      return server.json(server.corpusPages.get(name));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] page(String filename, String extra) {
    return ("{\"meta\":{\"api-version\":\"1.1\"},\"name\":\"six\",\"versions\":[],\"files\":[{\"filename\":\"" + filename
        + "\",\"url\":\"https://files.invalid/" + filename + "\",\"hashes\":{}," + extra + "}]}").getBytes(StandardCharsets.UTF_8);
  }
}
