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
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Credentials given every way pip takes them (user info in --index-url, ~/.netrc, pip.conf,
 * PIP_* variables, and keyring-like variables wheelwise does not read) against a loopback index
 * with hostile paths (a redirect to another host name, a 401, a 500 whose body reflects the
 * request's Authorization header): no secret, and no Basic token made of one, appears on
 * standard output or error, in the JSON, SARIF or HTML reports, or anywhere in the cache folder.
 * The configured runs are real {@code wheelwise} processes, since pip.conf, netrc and the
 * environment are read from the process's own HOME and variables.
 */
class SecretsTest {

  private static final Map<String, String> SECRETS = new LinkedHashMap<>();

  static {
    SECRETS.put("urluser", "urlsecret-7f3a");
    SECRETS.put("netrcuser", "netrcsecret-91c2");
    SECRETS.put("confuser", "confsecret-44d1");
    SECRETS.put("extuser", "extsecret-0b8e");
    SECRETS.put("envuser", "envsecret-5a6c");
    SECRETS.put("kuser", "keyringsecret-d2e9");
  }

  @TempDir Path dir;
  LoopbackIndex server;
  String host;

  @BeforeEach
  void start() throws IOException {
    server = new LoopbackIndex(Shared.require("corpus/index-facts"));
    host = "127.0.0.1:" + server.port();
    for (String project : List.of("six", "python-dateutil")) {
      server.override("/hostile/" + project + "/", (ex, n) -> {
        ex.getResponseHeaders().add("Location", "http://localhost:" + server.port() + "/simple/" + project + "/");
        LoopbackIndex.send(ex, 302, "text/plain", new byte[0]);
      });
      server.override("/reflect/" + project + "/", (ex, n) -> LoopbackIndex.send(ex, n % 2 == 0 ? 401 : 500, "text/plain",
          ("you sent " + ex.getRequestHeaders().getFirst("Authorization") + " for " + ex.getRequestURI())
              .getBytes(StandardCharsets.UTF_8)));
    }
    Files.writeString(dir.resolve("requirements.txt"), "six==1.17.0\npython-dateutil==2.9.0.post0\n");
  }

  @AfterEach
  void stop() {
    if (server != null) { // start skipped: ../shared or the local index is absent
      server.close();
    }
  }

  private String url(String user, String path) {
    return "http://" + user + ":" + SECRETS.get(user) + "@" + host + path;
  }

  private List<List<String>> commands(Path outputs) {
    String req = dir.resolve("requirements.txt").toString();
    List<String> image = List.of("--image", "python:3.12-slim", "--platform", "linux/amd64");
    List<List<String>> all = new ArrayList<>();
    all.add(join(List.of("check", req, "--format", "json"), image));
    all.add(join(List.of("check", req, "--format", "sarif", "--output", outputs.resolve("out.sarif").toString()), image));
    all.add(join(List.of("check", req, "--format", "html", "--output", outputs.resolve("out.html").toString()), image));
    all.add(join(List.of("check", req), image));
    all.add(List.of("explain", "six", "--python", "3.12"));
    all.add(List.of("files", "six", "python-dateutil", "--format", "json"));
    return all;
  }

  @Test
  void credentialsInTheIndexUrlNeverReachOutputReportsOrCache() throws IOException {
    Path cache = Files.createDirectories(dir.resolve("cache-flags"));
    StringBuilder seen = new StringBuilder();
    for (List<String> command : commands(dir)) {
      List<String> args = join(command, List.of("--isolated", "--cache-dir", cache.toString(),
          "--index-url", url("urluser", "/simple"), "--extra-index-url", url("extuser", "/reflect")));
      if (command.get(0).equals("explain") || command.get(0).equals("files")) {
        args = join(command, List.of("--isolated", "--cache-dir", cache.toString(), "--index-url", url("urluser", "/simple"),
            "--extra-index-url", url("extuser", "/hostile")));
      }
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      int code = Main.execute(args.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
      assertThat(code).as("%s\n%s", args, err).isIn(0, 1, 3);
      seen.append(out).append(err);
    }
    assertThat(server.seen).as("the index was asked").isNotEmpty();
    noSecretIn("stdout and stderr", seen.toString());
    noSecretInFiles(dir);
  }

  @Test
  void credentialsFromNetrcPipConfAndTheEnvironmentNeverReachOutputReportsOrCache() throws Exception {
    Path home = Files.createDirectories(dir.resolve("home"));
    Files.writeString(home.resolve(".netrc"), "machine 127.0.0.1 login netrcuser password " + SECRETS.get("netrcuser") + "\n");
    Path pipConf = Files.createDirectories(home.resolve(".config/pip")).resolve("pip.conf");
    Files.writeString(pipConf, "[global]\nindex-url = " + url("confuser", "/simple") + "\nextra-index-url = "
        + url("extuser", "/hostile") + "\n");
    Map<String, String> env = new LinkedHashMap<>();
    env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
    env.put("HOME", home.toString());
    env.put("XDG_CONFIG_HOME", home.resolve(".config").toString());
    env.put("XDG_CACHE_HOME", dir.resolve("cache-env").toString());
    env.put("PIP_EXTRA_INDEX_URL", url("envuser", "/reflect"));
    env.put("PIP_KEYRING_PROVIDER", "subprocess");
    env.put("UV_INDEX_INTERNAL_USERNAME", "kuser");
    env.put("UV_INDEX_INTERNAL_PASSWORD", SECRETS.get("kuser"));
    env.put("TWINE_PASSWORD", SECRETS.get("kuser"));
    StringBuilder seen = new StringBuilder();
    for (List<String> command : commands(dir)) {
      List<String> argv = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-Duser.home=" + home, "-cp", classPath(), "dev.wheelwise.cli.Main"));
      argv.addAll(command);
      ProcessBuilder pb = new ProcessBuilder(argv).directory(dir.toFile());
      pb.environment().clear();
      pb.environment().putAll(env);
      Process p = pb.redirectOutput(dir.resolve("stdout").toFile()).redirectError(dir.resolve("stderr").toFile()).start();
      assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("%s finishes", command).isTrue();
      String err = Files.readString(dir.resolve("stderr"));
      assertThat(p.exitValue()).as("%s\n%s", command, err).isIn(0, 1, 3);
      seen.append(Files.readString(dir.resolve("stdout"))).append(err);
    }
    assertThat(server.seen.stream().filter(s -> s.authorization() != null))
        .as("netrc and pip.conf credentials were sent, so there was something to leak").isNotEmpty();
    noSecretIn("stdout and stderr", seen.toString());
    noSecretInFiles(dir);
  }

  private static String classPath() {
    String cp = System.getProperty("surefire.test.class.path");
    return cp != null && !cp.isBlank() ? cp : System.getProperty("java.class.path");
  }

  private static void noSecretIn(String where, String text) {
    for (Map.Entry<String, String> s : SECRETS.entrySet()) {
      String basic = Base64.getEncoder().encodeToString((s.getKey() + ":" + s.getValue()).getBytes(StandardCharsets.UTF_8));
      assertThat(text).as("%s holds no secret", where).doesNotContain(s.getValue()).doesNotContain(basic);
    }
  }

  /** Every file under the folder (reports, the HTTP cache, installed-size cache), as bytes read as Latin-1. */
  private static void noSecretInFiles(Path root) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(root)) {
      files = walk.filter(Files::isRegularFile)
          .filter(f -> !f.getFileName().toString().equals(".netrc") && !f.getFileName().toString().equals("pip.conf"))
          .filter(f -> !f.getFileName().toString().equals("requirements.txt"))
          .toList();
    }
    assertThat(files).as("reports and cache entries were written").isNotEmpty();
    for (Path f : files) {
      noSecretIn(root.relativize(f).toString(), new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
    }
  }

  private static List<String> join(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
