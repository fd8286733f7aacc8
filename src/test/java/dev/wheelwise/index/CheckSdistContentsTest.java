package dev.wheelwise.index;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wheelwise.testing.Sdists;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code check} against a loopback index that serves generated sdists only (pure, C, Rust with
 * maturin, Cython, and hostile ones): each is downloaded once, listed and classified; a pure one
 * builds on every image, a compiled one names its languages and compilers (derived), a hostile
 * one is refused with the reason and stays unknown; the classification is cached by sha256.
 */
class CheckSdistContentsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;
  LoopbackIndex server;
  final Map<String, AtomicInteger> downloads = new LinkedHashMap<>();

  @BeforeEach
  void start() throws Exception {
    server = new LoopbackIndex(null);
    serve("plainpkg", "plainpkg-1.0.tar.gz", Sdists.tarGz("plainpkg-1.0", Sdists.pure("plainpkg")));
    serve("zippure", "zippure-1.0.zip", Sdists.zip("zippure-1.0", Sdists.pure("zippure")));
    serve("cext", "cext-1.0.tar.gz", Sdists.tarGz("cext-1.0", Sdists.c("cext")));
    serve("rusty", "rusty-1.0.tar.gz", Sdists.tarGz("rusty-1.0", Sdists.rust("rusty")));
    serve("cyth", "cyth-1.0.tar.gz", Sdists.tarGz("cyth-1.0", Sdists.cython("cyth")));
    serve("evil", "evil-1.0.tar.gz", Sdists.traversal());
  }

  @AfterEach
  void stop() {
    if (server != null) { // start skipped: ../shared or the local index is absent
      server.close();
    }
  }

  private void serve(String name, String filename, byte[] body) throws Exception {
    byte[] meta = ("Metadata-Version: 2.1\nName: " + name + "\nVersion: 1.0\n\n").getBytes(StandardCharsets.UTF_8);
    ObjectNode page = JSON.createObjectNode();
    page.putObject("meta").put("api-version", "1.1");
    page.put("name", name);
    page.putArray("versions").add("1.0");
    ArrayNode files = page.putArray("files");
    ObjectNode f = files.addObject();
    f.put("filename", filename);
    f.put("url", server.base() + "/files/" + filename);
    f.putObject("hashes").put("sha256", LoopbackIndex.sha256(body));
    f.put("size", body.length);
    f.put("yanked", false);
    f.putObject("core-metadata").put("sha256", LoopbackIndex.sha256(meta));
    byte[] json = JSON.writeValueAsBytes(page);
    AtomicInteger count = new AtomicInteger();
    downloads.put(name, count);
    server.override("/simple/" + name + "/", LoopbackIndex.fixed(200, "application/vnd.pypi.simple.v1+json", json));
    server.override("/files/" + filename, (ex, n) -> {
      count.incrementAndGet();
      LoopbackIndex.send(ex, 200, "application/octet-stream", body);
    });
    server.override("/files/" + filename + ".metadata", LoopbackIndex.fixed(200, "text/plain", meta));
  }

  private CheckOnLiveIndexTest.Run check(String requirements, String... more) throws Exception {
    Path req = dir.resolve("requirements.txt");
    Files.writeString(req, requirements);
    String[] common = {"--image", "python:3.12-slim", "--image", "python:3.12-alpine", "--platform", "linux/amd64",
        "--index-url", server.base() + "/simple", "--isolated", "--cache-dir", dir.resolve("cache").toString(), "--format", "json"};
    return CheckOnLiveIndexTest.check(req.toString(), CheckOnLiveIndexTest.with(common, more));
  }

  private static JsonNode pkg(JsonNode image, String name) {
    for (JsonNode p : image.get("packages")) {
      if (p.get("name").asText().equals(name)) {
        return p;
      }
    }
    throw new AssertionError(name + " not in " + image);
  }

  @Test
  void pureSdistsBuildOnEveryImage() throws Exception {
    CheckOnLiveIndexTest.Run r = check("plainpkg==1.0\nzippure==1.0\n");
    assertThat(r.code()).as(r.err()).isZero();
    for (JsonNode image : r.json().get("images")) {
      assertThat(image.get("verdict").asText()).as(image.toString()).isEqualTo("builds");
      JsonNode build = pkg(image, "plainpkg").get("build");
      assertThat(build.get("sdist").get("kind").asText()).isEqualTo("pure");
      assertThat(build.get("sdist").get("likely").asBoolean()).isFalse();
      assertThat(build.get("systemPackages")).isEmpty();
      assertThat(pkg(image, "zippure").get("build").get("sdist").get("kind").asText()).isEqualTo("pure");
      // Two pure builds take 2–30 s each; pip's start, the downloads and installs come on top.
      JsonNode summary = image.get("summary");
      assertThat(summary.get("buildTimeParts")).anySatisfy(part -> {
        assertThat(part.get("what").asText()).isEqualTo("pure-Python builds");
        assertThat(part.get("low").asLong()).isEqualTo(4);
        assertThat(part.get("high").asLong()).isEqualTo(60);
      });
      long high = 0;
      for (JsonNode part : summary.get("buildTimeParts")) {
        high += part.get("high").asLong();
      }
      assertThat(summary.get("estimatedBuildSeconds").get("high").asLong()).isBetween(60L, high).isLessThan(70);
    }
    assertThat(downloads.get("plainpkg")).hasValue(1); // two images, one download
    assertThat(r.json().get("recommendation").isNull()).isFalse();
  }

  @Test
  void compiledSdistsNameLanguagesAndDerivedCompilers() throws Exception {
    CheckOnLiveIndexTest.Run r = check("cext==1.0\nrusty==1.0\ncyth==1.0\n");
    for (JsonNode image : r.json().get("images")) {
      boolean alpine = image.get("image").asText().endsWith("alpine");
      JsonNode rust = pkg(image, "rusty").get("build");
      assertThat(rust.get("sdist").get("languages")).extracting(JsonNode::asText).containsExactly("Rust");
      assertThat(rust.get("note").asText()).contains("derived from the sdist").contains("cargo");
      JsonNode c = pkg(image, "cext").get("build");
      assertThat(c.get("sdist").get("kind").asText()).isEqualTo("compiled");
      assertThat(c.get("note").asText()).contains(alpine ? "musl-dev" : "libc6-dev");
      assertThat(pkg(image, "cyth").get("build").get("sdist").get("languages")).extracting(JsonNode::asText).containsExactly("Cython");
      // No compiler on either image: a compiled build certainly fails.
      assertThat(image.get("verdict").asText()).isEqualTo("fails");
    }
  }

  @Test
  void aHostileSdistIsRefusedWithTheReason() throws Exception {
    CheckOnLiveIndexTest.Run r = check("evil==1.0\n");
    JsonNode image = r.json().get("images").get(0);
    JsonNode sdist = pkg(image, "evil").get("build").get("sdist");
    assertThat(sdist.get("kind").asText()).isEqualTo("unknown");
    assertThat(sdist.get("evidence").get(0).asText()).contains("path traversal");
    assertThat(image.get("verdict").asText()).isEqualTo("unknown");
    assertThat(Files.exists(dir.resolve("etc"))).isFalse();
  }

  @Test
  void theDownloadCapAndTheCacheBySha256() throws Exception {
    CheckOnLiveIndexTest.Run capped = check("plainpkg==1.0\n", "--sdist-max-download", "100");
    JsonNode sdist = pkg(capped.json().get("images").get(0), "plainpkg").get("build").get("sdist");
    assertThat(sdist.get("kind").asText()).isEqualTo("unknown");
    assertThat(sdist.get("evidence").get(0).asText()).contains("--sdist-max-download");
    assertThat(downloads.get("plainpkg")).hasValue(0);

    check("plainpkg==1.0\n");
    check("plainpkg==1.0\n");
    assertThat(downloads.get("plainpkg")).hasValue(1);
    try (var entries = Files.list(dir.resolve("cache").resolve("sdist-class"))) {
      assertThat(entries.map(p -> p.getFileName().toString())).anyMatch(n -> n.matches("[0-9a-f]{64}\\.json"));
    }
  }
}
