package dev.wheelwise.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Local mirrors as pip reads them, end to end through {@link Main#execute}: a PEP 503 tree on
 * disk given as a {@code file://} URL or a plain path, {@code --find-links} folders (with an
 * HTML page inside), single pages and archives, {@code --no-index}; one unreachable index among
 * several; a project no index has. The wheels are real zip files with METADATA.
 */
class LocalMirrorTest {
  @TempDir static Path tmp;
  static Path simple;
  static Path links;
  static Path elsewhere;

  @BeforeAll
  static void tree() throws IOException {
    Path files = Files.createDirectories(tmp.resolve("mirror/files"));
    simple = Files.createDirectories(tmp.resolve("mirror/simple"));
    Map<String, List<String>> byProject = new TreeMap<>();
    wheel(files, byProject, "webapp", "2.0", "Requires-Dist: helper>=1.1", "Requires-Dist: extra-dep; extra == \"more\"");
    wheel(files, byProject, "webapp", "1.0", "Requires-Dist: helper");
    wheel(files, byProject, "helper", "1.2");
    wheel(files, byProject, "helper", "1.0");
    wheel(files, byProject, "extra-dep", "0.5");
    wheel(files, byProject, "needs-ghost", "1.0", "Requires-Dist: ghost-project>=0.3.0");
    for (var e : byProject.entrySet()) {
      StringBuilder html = new StringBuilder("<!DOCTYPE html><html><body>\n");
      e.getValue().forEach(link -> html.append(link).append('\n'));
      Files.createDirectories(simple.resolve(e.getKey()));
      Files.writeString(simple.resolve(e.getKey()).resolve("index.html"), html.append("</body></html>\n"));
    }
    links = Files.createDirectories(tmp.resolve("links"));
    elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
    Map<String, List<String>> ignored = new TreeMap<>();
    wheel(links, ignored, "webapp", "3.0", "Requires-Dist: helper");
    wheel(links, ignored, "helper", "1.5");
    String page = wheel(elsewhere, ignored, "helper", "1.7");
    // An HTML page inside a find-links folder: pip follows its links (to a wheel outside the folder).
    Files.writeString(links.resolve("more.html"), "<html><body>" + page.replace("../../files/", elsewhere.toUri().toString()) + "</body></html>");
    Files.writeString(tmp.resolve("page.html"), "<html><body><a href=\"links/webapp-3.0-py3-none-any.whl\">w</a>"
        + "<a href=\"links/helper-1.5-py3-none-any.whl\">h</a></body></html>");
  }

  /** Writes NAME-VERSION-py3-none-any.whl and returns the PEP 503 link a page gives it. */
  private static String wheel(Path dir, Map<String, List<String>> byProject, String name, String version, String... requires)
      throws IOException {
    String dist = name.replace('-', '_');
    String filename = dist + "-" + version + "-py3-none-any.whl";
    Path file = dir.resolve(filename);
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
      zip.putNextEntry(new ZipEntry(dist + "/__init__.py"));
      zip.write(("VERSION = '" + version + "'\n").getBytes(StandardCharsets.UTF_8));
      zip.putNextEntry(new ZipEntry(dist + "-" + version + ".dist-info/METADATA"));
      StringBuilder meta = new StringBuilder("Metadata-Version: 2.1\nName: " + name + "\nVersion: " + version + "\n");
      for (String r : requires) {
        meta.append(r).append('\n');
      }
      if (String.join("", requires).contains("extra ==")) {
        meta.append("Provides-Extra: more\n");
      }
      zip.write(meta.toString().getBytes(StandardCharsets.UTF_8));
      zip.putNextEntry(new ZipEntry(dist + "-" + version + ".dist-info/WHEEL"));
      zip.write("Wheel-Version: 1.0\nRoot-Is-Purelib: true\nTag: py3-none-any\n".getBytes(StandardCharsets.UTF_8));
    }
    String link = "<a href=\"../../files/" + filename + "#sha256=" + sha256(Files.readAllBytes(file)) + "\">" + filename + "</a>";
    byProject.computeIfAbsent(name, k -> new ArrayList<>()).add(link);
    return link;
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(code, out.toString(), err.toString());
  }

  private static Path requirements(String name, String text) throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("req-" + name));
    return Files.writeString(dir.resolve("requirements.txt"), text);
  }

  private static JsonNode check(Path req, String... more) throws IOException {
    List<String> args = new ArrayList<>(List.of("check", req.toString(), "--image", "python:3.11-slim", "--platform", "linux/amd64",
        "--format", "json", "--isolated", "--no-cache"));
    args.addAll(List.of(more));
    Run r = run(args.toArray(String[]::new));
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertThat(json.path("images")).as(r.err()).hasSize(1);
    return json;
  }

  private static Map<String, String> installSet(JsonNode json) {
    Map<String, String> out = new TreeMap<>();
    json.path("images").get(0).path("packages").forEach(p -> out.put(p.path("name").asText(),
        p.path("install").asText() + " " + p.path("version").asText()));
    return out;
  }

  @Test
  void fileIndexAndPlainPathIndexResolveFromDisk() throws IOException {
    Path req = requirements("file", "webapp[more]\n");
    Map<String, String> expected = Map.of("webapp", "wheel 2.0", "helper", "wheel 1.2", "extra-dep", "wheel 0.5");
    JsonNode byUrl = check(req, "--index-url", simple.toUri().toString());
    assertThat(installSet(byUrl)).isEqualTo(expected);
    assertThat(byUrl.path("images").get(0).path("verdict").asText()).isEqualTo("wheels");
    // The wheels' sizes are read from the disk.
    assertThat(byUrl.path("images").get(0).path("packages").get(0).path("bytes").isNumber()).isTrue();
    assertThat(installSet(check(req, "--index-url", simple.toString()))).isEqualTo(expected);
    assertThat(byUrl.path("source").path("pipConfig").path("isolated").asBoolean()).isTrue();
  }

  @Test
  void findLinksFoldersPagesAndNoIndex() throws IOException {
    Path req = requirements("links", "webapp\n");
    // The folder's own wheels and the wheel its HTML page links to: helper 1.7 is the newest.
    assertThat(installSet(check(req, "--no-index", "--find-links", links.toString())))
        .isEqualTo(Map.of("webapp", "wheel 3.0", "helper", "wheel 1.7"));
    assertThat(installSet(check(req, "--no-index", "--find-links", tmp.resolve("page.html").toUri().toString())))
        .isEqualTo(Map.of("webapp", "wheel 3.0", "helper", "wheel 1.5"));
    // find-links adds to the index: pip takes the best of both.
    assertThat(installSet(check(req, "--index-url", simple.toUri().toString(), "--find-links", links.toString())))
        .isEqualTo(Map.of("webapp", "wheel 3.0", "helper", "wheel 1.7"));
    JsonNode ignored = check(req, "--index-url", simple.toUri().toString(), "--find-links", tmp.resolve("no-such-folder").toString());
    assertThat(installSet(ignored)).isEqualTo(Map.of("webapp", "wheel 2.0", "helper", "wheel 1.2"));
    assertThat(ignored.path("source").path("notices").get(0).asText()).contains("no-such-folder").contains("is ignored");
  }

  @Test
  void anUnreachableIndexAmongSeveralIsNamedWithWhatItCouldHaveChanged() throws IOException {
    int closed;
    try (ServerSocket s = new ServerSocket(0)) {
      closed = s.getLocalPort();
    }
    String dead = "http://127.0.0.1:" + closed + "/simple";
    Path req = requirements("outage", "webapp\n");
    JsonNode json = check(req, "--index-url", dead, "--extra-index-url", simple.toUri().toString());
    assertThat(installSet(json)).isEqualTo(Map.of("webapp", "wheel 2.0", "helper", "wheel 1.2"));
    JsonNode failure = json.path("source").path("indexFailures").get(0);
    assertThat(failure.path("location").asText()).isEqualTo(dead);
    assertThat(failure.path("reason").asText()).contains("cannot connect");
    assertThat(failure.path("projects")).extracting(JsonNode::asText).containsExactlyInAnyOrder("webapp", "helper");
    Run table = run("check", req.toString(), "--image", "python:3.11-slim", "--platform", "linux/amd64", "--isolated", "--no-cache",
        "--index-url", dead, "--extra-index-url", simple.toUri().toString());
    assertThat(table.out().lines().findFirst().orElse("")).startsWith("warning: index " + dead + " failed")
        .contains("2 projects it could have changed");
  }

  @Test
  void aProjectNoIndexHasIsUnavailableInPipsWordsUnlessAnIndexFailed() throws IOException {
    Path req = requirements("ghost", "needs-ghost\n");
    JsonNode json = check(req, "--index-url", simple.toUri().toString());
    JsonNode image = json.path("images").get(0);
    assertThat(image.path("verdict").asText()).isEqualTo("unavailable");
    assertThat(image.path("unavailable").path("reason").asText()).contains("No matching distribution found for ghost-project>=0.3.0");
    int closed;
    try (ServerSocket s = new ServerSocket(0)) {
      closed = s.getLocalPort();
    }
    JsonNode partial = check(req, "--index-url", simple.toUri().toString(), "--extra-index-url", "http://127.0.0.1:" + closed + "/simple");
    assertThat(partial.path("images").get(0).path("verdict").asText()).isEqualTo("unknown");
  }

  @Test
  void filesAndExplainReadTheFileIndex() {
    Run files = run("files", "helper", "--index-url", simple.toUri().toString(), "--isolated", "--no-cache");
    assertThat(files.code()).as(files.err()).isZero();
    assertThat(files.out()).contains("helper-1.2-py3-none-any.whl").contains("helper-1.0-py3-none-any.whl");
    Run explain = run("explain", "helper", "--python", "3.11", "--index-url", simple.toString(),
        "--isolated", "--no-cache");
    assertThat(explain.code()).as(explain.err()).isZero();
    assertThat(explain.out()).contains("helper-1.2-py3-none-any.whl");
  }

  @Test
  void snapshotBuildWalksALocalTreeAsCheckReadsIt() throws IOException {
    Path out = tmp.resolve("local-snapshot.json.gz");
    Run build = run("snapshot", "build", "--index", simple.toUri().toString(), "--out", out.toString());
    assertThat(build.code()).as(build.err()).isZero();
    assertThat(build.out()).contains("wrote " + out);
    Run offline = run("files", "webapp", "--offline", "--snapshot", out.toString());
    assertThat(offline.code()).as(offline.err()).isZero();
    assertThat(offline.out()).contains("webapp-2.0-py3-none-any.whl").contains("webapp-1.0-py3-none-any.whl");
    // The sha256 each page gives is kept: the same as the file's on disk.
    assertThat(run("files", "helper", "--offline", "--snapshot", out.toString(), "--format", "json").out())
        .contains(sha256(Files.readAllBytes(simple.resolveSibling("files").resolve("helper-1.2-py3-none-any.whl"))));
    Run info = run("snapshot", "info", "--file", out.toString());
    assertThat(info.out()).contains("6 files from 1 inputs").contains("inputs: {PEP 503 tree=1}");
    // A plain path is the same tree; a remote index has no listing to walk: exit 2 naming it.
    assertThat(run("snapshot", "build", "--index", simple.toString(), "--out", tmp.resolve("p.json.gz").toString()).code()).isZero();
    Run remote = run("snapshot", "build", "--index", "http://127.0.0.1:9/simple", "--out", tmp.resolve("r.json.gz").toString());
    assertThat(remote.code()).isEqualTo(2);
    assertThat(remote.err()).contains("--index http://127.0.0.1:9/simple: not a local folder");
  }
}
