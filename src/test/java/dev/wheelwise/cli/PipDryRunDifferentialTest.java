package dev.wheelwise.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wheelwise.index.IndexSettings;
import dev.wheelwise.pep440.Version;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code check}'s install set against pip's own ({@code pip install --dry-run --ignore-installed
 * --report}) on the real wheels of the local PEP 503 tree this machine's pip configuration names
 * (or {@code WHEELWISE_PIP_MIRROR}), served over loopback: by an HTTP/1.1 keep-alive server with
 * byte ranges for every set, and by {@code python3 -m http.server} (HTTP/1.0, one connection per
 * response, no ranges) for the smallest few. The requirement sets are drawn with a fixed seed
 * from the projects the tree holds: plain names, version ranges, extras, markers, and sets pip
 * cannot satisfy (a version past the newest, a project the tree lacks). The image is the
 * python:X.Y-slim of the host's python3, so pip's own interpreter and glibc stand for it.
 * Skips, saying so, where the tree, pip or a glibc x86_64 python3 is absent (as on CI).
 */
class PipDryRunDifferentialTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long SEED = 19;
  private static final int SETS = 42;
  private static final int HTTP10_SETS = 5;
  /** Roots with a wheel above this are not drawn: pip reads whole wheels, and one such draw would cost more than the rest. */
  private static final long MAX_ROOT_WHEEL = 60L << 20;
  private static final Pattern LINK = Pattern.compile("href=\"([^\"#]+)[^\"]*\"");
  /**
   * Sets where wheelwise and pip are known to differ, by index, with the reason. Each is still
   * run and must still differ (a fix shows up as a failure here, to be removed).
   */
  private static final Map<Integer, String> KNOWN = Map.of();

  @Test
  void checkInstallsWhatPipInstalls(@TempDir Path tmp) throws Exception {
    Path simple = localIndex();
    String python = hostPython();
    globalFilesNameNoLocation();
    Path root = simple.getParent();
    List<List<String>> sets = draw(simple, root, new Random(SEED));
    List<String> all = sets.stream().flatMap(List::stream).toList();
    assertThat(all).as("the draw has extras, markers a target holds and one it does not, and version ranges")
        .anyMatch(r -> r.matches("[^;]*\\[.*")).anyMatch(r -> r.contains("python_version >=")).anyMatch(r -> r.contains("win32"))
        .anyMatch(r -> r.contains(",<=")).anyMatch(r -> r.contains("~="));
    int port10 = freePort();
    Process http10 = new ProcessBuilder("python3", "-m", "http.server", String.valueOf(port10), "--bind", "127.0.0.1", "-d", root.toString())
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    com.sun.net.httpserver.HttpServer http11 = rangeServer(root);
    try {
      String url11 = "http://127.0.0.1:" + http11.getAddress().getPort() + "/simple";
      CompletableFuture<List<JsonNode>> pip = CompletableFuture.supplyAsync(() -> pip(sets, url11, tmp.resolve("pip-cache")));
      List<Answer> ours = new ArrayList<>();
      for (int i = 0; i < sets.size(); i++) {
        ours.add(check(tmp, "s" + i, sets.get(i), url11, python));
      }
      List<Answer> pips = pip.get(10, TimeUnit.MINUTES).stream().map(PipDryRunDifferentialTest::pipAnswer).toList();
      List<String> mismatches = new ArrayList<>();
      int agreed = 0;
      int packages = 0;
      int unsatisfiable = 0;
      for (int i = 0; i < sets.size(); i++) {
        boolean same = ours.get(i).equals(pips.get(i));
        String line = "set " + i + " " + sets.get(i) + "\n  wheelwise " + ours.get(i) + "\n  pip       " + pips.get(i);
        if (KNOWN.containsKey(i)) {
          assertThat(same).as("known disagreement no longer differs, remove it from KNOWN: " + line).isFalse();
          System.err.println("PipDryRunDifferentialTest: known disagreement (" + KNOWN.get(i) + "): " + line);
        } else if (!same) {
          mismatches.add(line);
        } else {
          agreed++;
          packages += pips.get(i).packages().size();
          if (pips.get(i).unsatisfiable()) {
            unsatisfiable++;
            System.err.println("PipDryRunDifferentialTest: set " + i + " " + sets.get(i) + " unsatisfiable for both: pip \""
                + pips.get(i).reason() + "\", wheelwise \"" + ours.get(i).reason() + "\"");
          }
        }
      }
      assertThat(mismatches).isEmpty();
      assertThat(unsatisfiable).as("sets pip cannot satisfy").isGreaterThanOrEqualTo(2);
      // HTTP/1.0, no ranges (whole wheels are read): the smallest sets of three packages or more, and the project the tree lacks.
      waitFor(port10);
      String url10 = "http://127.0.0.1:" + port10 + "/simple";
      List<Integer> small = new ArrayList<>(java.util.stream.IntStream.range(0, sets.size()).boxed()
          .filter(i -> !KNOWN.containsKey(i) && pips.get(i).packages().size() >= 3)
          .sorted(Comparator.comparingInt(i -> pips.get(i).packages().size())).limit(HTTP10_SETS).toList());
      small.add(sets.size() - 1);
      int packages10 = 0;
      for (int i : small) {
        assertThat(check(tmp, "h" + i, sets.get(i), url10, python)).as("HTTP/1.0 set " + i + " " + sets.get(i)).isEqualTo(pips.get(i));
        packages10 += pips.get(i).packages().size();
      }
      System.err.printf("PipDryRunDifferentialTest: %s, python:%s-slim: %d/%d sets agree with pip over HTTP/1.1 with ranges "
          + "(%d packages, %d sets unsatisfiable for both, %d known disagreements); %d/%d over HTTP/1.0 without ranges (%d packages)%n",
          simple, python, agreed, sets.size(), packages, unsatisfiable, KNOWN.size(), small.size(), small.size(), packages10);
    } finally {
      http11.stop(0);
      http10.destroy();
    }
  }

  /** An install set (sorted name==version) or pip's verdict that none exists. */
  record Answer(List<String> packages, boolean unsatisfiable, String reason) {
    Answer(List<String> packages, boolean unsatisfiable) {
      this(packages, unsatisfiable, "");
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Answer a && a.packages.equals(packages) && a.unsatisfiable == unsatisfiable;
    }

    @Override
    public int hashCode() {
      return packages.hashCode();
    }

    @Override
    public String toString() {
      return unsatisfiable ? "unsatisfiable" : packages.size() + " " + packages;
    }
  }

  private static Answer pipAnswer(JsonNode a) {
    if (a.has("error")) {
      // Only "no matching distribution" / "conflicting dependencies" mean unsatisfiable; anything else is the oracle failing.
      String error = a.get("error").asText();
      assertThat(error).as("pip failed otherwise than by finding no install set")
          .containsAnyOf("No matching distribution found", "ResolutionImpossible", "conflicting dependencies");
      return new Answer(List.of(), true, error);
    }
    List<String> out = new ArrayList<>();
    a.get("packages").forEach(p -> out.add(p.asText()));
    return new Answer(out, false);
  }

  private static Answer check(Path tmp, String name, List<String> requirements, String indexUrl, String python) throws IOException {
    Path dir = Files.createDirectories(tmp.resolve(name));
    Path req = Files.writeString(dir.resolve("requirements.txt"), String.join("\n", requirements) + "\n");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Main.execute(new String[] {"check", req.toString(), "--image", "python:" + python + "-slim", "--platform", "linux/amd64",
        "--format", "json", "--isolated", "--no-cache", "--index-url", indexUrl}, new PrintWriter(out, true), new PrintWriter(err, true));
    JsonNode json;
    try {
      json = JSON.readTree(out.toString());
    } catch (IOException e) {
      throw new AssertionError("check printed no JSON for " + requirements + ": " + err, e);
    }
    assertThat(json.path("source").path("index").asText()).isEqualTo(indexUrl);
    JsonNode image = json.path("images").path(0);
    String verdict = image.path("verdict").asText();
    if (verdict.equals("unavailable")) {
      return new Answer(List.of(), true, image.path("unavailable").path("reason").asText());
    }
    assertThat(verdict).as("check's verdict for " + requirements + " (" + err + ")").isNotIn("unknown", "");
    TreeSet<String> packages = new TreeSet<>();
    image.path("packages").forEach(p -> packages.add(canonical(p.path("name").asText()) + "==" + p.path("version").asText()));
    return new Answer(List.copyOf(packages), false);
  }

  private static String canonical(String name) {
    return name.toLowerCase(java.util.Locale.ROOT).replaceAll("[-_.]+", "-");
  }

  private static List<JsonNode> pip(List<List<String>> sets, String indexUrl, Path cache) {
    List<Map<String, Object>> cases = sets.stream()
        .map(s -> Map.<String, Object>of("requirements", s, "indexUrl", indexUrl, "cacheDir", cache.toString())).toList();
    try {
      Path script = Path.of(PipDryRunDifferentialTest.class.getResource("/oracle/pip_dry_run.py").toURI());
      ProcessBuilder pb = new ProcessBuilder("python3", script.toString(), "pip");
      // No configuration file at all (the machine's pip.conf names this very tree and a constraints file); --isolated drops PIP_*.
      pb.environment().put("PIP_CONFIG_FILE", "/dev/null");
      Process p = pb.redirectError(ProcessBuilder.Redirect.DISCARD).start();
      CompletableFuture<byte[]> stdout = CompletableFuture.supplyAsync(() -> readAll(p.getInputStream()));
      try (OutputStream in = p.getOutputStream()) {
        JSON.writeValue(in, cases);
      }
      byte[] answer = stdout.get(10, TimeUnit.MINUTES);
      assertThat(p.waitFor()).as("pip oracle exit").isZero();
      List<JsonNode> out = new ArrayList<>();
      JSON.readTree(answer).forEach(out::add);
      assertThat(out).hasSize(sets.size());
      return out;
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static byte[] readAll(InputStream in) {
    try {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * Sets of one to three requirements on projects the tree holds, each plain, with a version
   * range, an extra its newest wheel declares, or a marker; then two sets no install can
   * satisfy: a version past the newest, and a project the tree does not hold (the last set).
   */
  static List<List<String>> draw(Path simple, Path root, Random r) throws IOException {
    List<String> projects;
    try (Stream<Path> s = Files.list(simple)) {
      projects = s.filter(p -> Files.isRegularFile(p.resolve("index.html"))).map(p -> p.getFileName().toString()).sorted().toList();
    }
    List<List<String>> sets = new ArrayList<>();
    while (sets.size() < SETS - 2) {
      List<String> set = new ArrayList<>();
      for (int k = 1 + r.nextInt(3); k > 0; k--) {
        Optional<Project> p = Project.read(simple, root, projects.get(r.nextInt(projects.size())));
        if (p.isEmpty() || p.get().largest() > MAX_ROOT_WHEEL) {
          continue;
        }
        set.add(requirement(p.get(), r, !set.isEmpty()));
      }
      if (!set.isEmpty()) {
        sets.add(set);
      }
    }
    Project newest = null;
    while (newest == null) {
      newest = Project.read(simple, root, projects.get(r.nextInt(projects.size()))).filter(p -> p.largest() <= MAX_ROOT_WHEEL).orElse(null);
    }
    sets.add(List.of(newest.name() + ">" + newest.newest().publicVersion()));
    sets.add(List.of("flask", "wheelwise-no-such-project>=1.0"));
    return sets;
  }

  private static String requirement(Project p, Random r, boolean mayDrop) {
    StringBuilder s = new StringBuilder(p.name());
    if (!p.extras().isEmpty() && r.nextInt(3) == 0) {
      s.append('[').append(p.extras().get(r.nextInt(p.extras().size()))).append(']');
    }
    Version max = p.newest().publicVersion();
    Version min = p.oldest().publicVersion();
    switch (r.nextInt(6)) {
      case 1 -> s.append(">=").append(min);
      case 2 -> s.append("<=").append(max);
      case 3 -> s.append(">=").append(min).append(",<=").append(max);
      case 4 -> {
        if (max.release().size() >= 2) {
          s.append("~=").append(max.releasePart(0)).append('.').append(max.releasePart(1));
        } else {
          s.append("!=0.0.1");
        }
      }
      case 5 -> s.append("!=0.0.1");
      default -> { }
    }
    switch (r.nextInt(6)) {
      case 0 -> s.append("; python_version >= \"3.8\"");
      case 1 -> s.append(mayDrop ? "; sys_platform == \"win32\"" : "; platform_system == \"Linux\"");
      default -> { }
    }
    return s.toString();
  }

  /** A project's page: its wheels' versions, the size of its largest wheel, the extras its newest wheel declares. */
  record Project(String name, List<Version> versions, long largest, List<String> extras) {
    Version newest() {
      return versions.get(versions.size() - 1);
    }

    Version oldest() {
      return versions.get(0);
    }

    static Optional<Project> read(Path simple, Path root, String name) throws IOException {
      String page = Files.readString(simple.resolve(name).resolve("index.html"));
      Map<Version, Path> wheels = new java.util.TreeMap<>();
      long largest = 0;
      Matcher m = LINK.matcher(page);
      while (m.find()) {
        String href = URLDecoder.decode(m.group(1), StandardCharsets.UTF_8);
        if (!href.endsWith(".whl")) {
          continue;
        }
        Path file = simple.resolve(name).resolve(href).normalize();
        if (!file.startsWith(root) || !Files.isRegularFile(file)) {
          continue;
        }
        Version v = Version.tryParse(file.getFileName().toString().split("-")[1]);
        if (v != null) {
          wheels.put(v, file);
          largest = Math.max(largest, Files.size(file));
        }
      }
      if (wheels.isEmpty()) {
        return Optional.empty();
      }
      List<Version> versions = List.copyOf(wheels.keySet());
      return Optional.of(new Project(name, versions, largest, extras(wheels.get(versions.get(versions.size() - 1)))));
    }

    private static List<String> extras(Path wheel) throws IOException {
      try (ZipFile zip = new ZipFile(wheel.toFile())) {
        var entry = zip.stream().filter(e -> e.getName().matches("[^/]+\\.dist-info/METADATA")).findFirst();
        if (entry.isEmpty()) {
          return List.of();
        }
        String meta = new String(zip.getInputStream(entry.get()).readAllBytes(), StandardCharsets.UTF_8);
        return meta.lines().takeWhile(l -> !l.isEmpty()).filter(l -> l.startsWith("Provides-Extra:"))
            .map(l -> l.substring("Provides-Extra:".length()).strip()).toList();
      }
    }
  }

  /** The tree: WHEELWISE_PIP_MIRROR, else the first file:// index pip's own configuration names. */
  private static Path localIndex() {
    String override = System.getenv("WHEELWISE_PIP_MIRROR");
    List<String> candidates = new ArrayList<>();
    if (override != null && !override.isBlank()) {
      candidates.add(override);
    } else {
      try (IndexAccess access = new IndexAccess(new IndexOptions(), new PrintWriter(new StringWriter()), System.getenv())) {
        IndexSettings s = access.settings();
        candidates.add(s.indexUrl());
        candidates.addAll(s.extraIndexUrls());
      } catch (UsageException e) {
        skip("pip's configuration does not load (" + e.getMessage() + ")");
      }
    }
    for (String c : candidates) {
      Path dir = c.startsWith("file:") ? Path.of(URI.create(c)) : Path.of(c);
      if (c.startsWith("file:") || override != null) {
        if (Files.isDirectory(dir)) {
          return dir.toAbsolutePath().normalize();
        }
      }
    }
    skip(override != null && !override.isBlank() ? "WHEELWISE_PIP_MIRROR=" + override + " is not a folder"
        : "no local PEP 503 tree: pip's configuration names no file:// index that exists, and WHEELWISE_PIP_MIRROR is unset");
    return null;
  }

  /**
   * pip gets no configuration file at all; check runs in this JVM's environment with
   * {@code --isolated}, which (as in pip) still reads global and site files. Those must not add
   * an index or find-links (this machine's set only a constraint, which check does not apply).
   */
  private static void globalFilesNameNoLocation() {
    IndexOptions options = new IndexOptions();
    options.connection.isolated = true;
    options.indexUrl = "http://127.0.0.1:1/simple";
    try (IndexAccess access = new IndexAccess(options, new PrintWriter(new StringWriter()), System.getenv())) {
      IndexSettings s = access.settings();
      if (!s.extraIndexUrls().isEmpty() || !s.findLinks().isEmpty() || s.noIndex()) {
        skip("the global or site pip configuration names indexes or find-links even under --isolated: " + s);
      }
    } catch (UsageException e) {
      skip("pip's configuration does not load (" + e.getMessage() + ")");
    }
  }

  /** The host python3's X.Y, when it is CPython with pip on glibc x86_64 (the target pip resolves for). */
  private static String hostPython() throws IOException, InterruptedException {
    Process p = new ProcessBuilder("python3", "-c", "import platform, pip, sys; "
        + "print(sys.implementation.name, platform.machine(), platform.libc_ver()[0], '%d.%d' % sys.version_info[:2])")
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    if (p.waitFor() != 0 || !out.matches("cpython x86_64 glibc 3\\.\\d+")) {
      skip("python3 with pip on glibc x86_64 needed to stand for python:X.Y-slim (found: " + out + ")");
    }
    return out.substring(out.lastIndexOf(' ') + 1);
  }

  private static void skip(String why) {
    String message = "SKIPPED: PipDryRunDifferentialTest: " + why;
    System.err.println(message);
    Assumptions.abort(message);
  }

  /** An HTTP/1.1 keep-alive file server with byte ranges (the JDK's server keeps connections open). */
  private static com.sun.net.httpserver.HttpServer rangeServer(Path root) throws IOException {
    var server = com.sun.net.httpserver.HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newFixedThreadPool(8));
    Pattern range = Pattern.compile("bytes=(\\d*)-(\\d*)");
    server.createContext("/", ex -> {
      try (ex) {
        Path file = root.resolve(URLDecoder.decode(ex.getRequestURI().getRawPath().substring(1), StandardCharsets.UTF_8)).normalize();
        if (Files.isDirectory(file)) {
          file = file.resolve("index.html");
        }
        if (!file.startsWith(root) || !Files.isRegularFile(file)) {
          ex.sendResponseHeaders(404, -1);
          return;
        }
        long size = Files.size(file);
        long from = 0;
        long to = size - 1;
        int code = 200;
        String header = ex.getRequestHeaders().getFirst("Range");
        Matcher m = header == null ? null : range.matcher(header.strip());
        if (m != null && m.matches() && !(m.group(1).isEmpty() && m.group(2).isEmpty())) {
          if (m.group(1).isEmpty()) {
            from = Math.max(0, size - Long.parseLong(m.group(2)));
          } else {
            from = Long.parseLong(m.group(1));
            to = m.group(2).isEmpty() ? size - 1 : Math.min(size - 1, Long.parseLong(m.group(2)));
          }
          if (from > to) {
            ex.getResponseHeaders().set("Content-Range", "bytes */" + size);
            ex.sendResponseHeaders(416, -1);
            return;
          }
          code = 206;
          ex.getResponseHeaders().set("Content-Range", "bytes " + from + "-" + to + "/" + size);
        }
        ex.getResponseHeaders().set("Accept-Ranges", "bytes");
        ex.getResponseHeaders().set("Content-Type", file.toString().endsWith(".html") ? "text/html" : "application/octet-stream");
        // Lets pip's HTTP cache keep a wheel from one set to the next, as PyPI's headers do.
        ex.getResponseHeaders().set("Cache-Control", "max-age=3600");
        long length = to - from + 1;
        boolean head = ex.getRequestMethod().equals("HEAD");
        ex.sendResponseHeaders(code, head ? -1 : length);
        if (!head) {
          try (FileChannel ch = FileChannel.open(file); OutputStream out = ex.getResponseBody()) {
            var sink = Channels.newChannel(out);
            for (long sent = 0; sent < length; ) {
              sent += ch.transferTo(from + sent, length - sent, sink);
            }
          }
        }
      }
    });
    server.start();
    return server;
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static void waitFor(int port) throws InterruptedException {
    for (int i = 0; i < 100; i++) {
      try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
        return;
      } catch (IOException e) {
        Thread.sleep(50);
      }
    }
    throw new AssertionError("python3 -m http.server did not start on port " + port);
  }
}
