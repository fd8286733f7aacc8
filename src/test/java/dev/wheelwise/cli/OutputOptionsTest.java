package dev.wheelwise.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * --quiet and --verbose on every command, and [tool.wheelwise] found from the command's PATH:
 * real in-process runs of check and lint on files made here, offline (the embedded snapshot).
 */
class OutputOptionsTest {
  @TempDir Path dir;

  private record Run(int code, String out, String err) {}

  private Run run(Path cwd, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true), Map.of(), cwd);
    return new Run(code, out.toString(), err.toString());
  }

  /** A folder with two requirements files: check says which it chose (a notice). */
  private Path twoRequirements() throws Exception {
    Files.createDirectory(dir.resolve(".git"));
    Path project = Files.createDirectories(dir.resolve("project"));
    Files.writeString(project.resolve("requirements.txt"), "six==1.16.0\n");
    Files.writeString(project.resolve("requirements-dev.txt"), "six==1.16.0\n");
    return project;
  }

  private Run check(Path project, String... more) {
    List<String> args = new ArrayList<>(List.of("check", project.toString(), "--offline", "--image", "python:3.12-slim", "--format", "json"));
    args.addAll(List.of(more));
    return run(dir, args.toArray(String[]::new));
  }

  @Test
  void quietPrintsTheSameResultWithoutTheNotice() throws Exception {
    Path project = twoRequirements();
    Run normal = check(project);
    assertThat(normal.code()).as(normal.err()).isZero();
    assertThat(normal.err()).contains("notice: using requirements.txt");
    Run quiet = check(project, "--quiet");
    assertThat(quiet.code()).as(quiet.err()).isZero();
    assertThat(quiet.err()).isEmpty();
    assertThat(quiet.out()).isEqualTo(normal.out());
    assertThat(check(project, "-q").err()).isEmpty();
  }

  @Test
  void verboseSaysWhereEachInputCameFrom() throws Exception {
    Path project = twoRequirements();
    Run verbose = check(project, "--verbose");
    assertThat(verbose.code()).as(verbose.err()).isZero();
    List<String> lines = verbose.err().lines().toList();
    assertThat(lines).anyMatch(l -> l.startsWith("notice: using requirements.txt: "));
    assertThat(lines.get(0)).isEqualTo("verbose: configuration: no pyproject.toml from " + project + " up to the repository root");
    assertThat(verbose.err())
        .contains("verbose: input: " + project.resolve("requirements.txt") + " (")
        .contains("verbose: catalog: bundled (built ")
        .contains("verbose: snapshot: embedded, snapshot 2")
        .doesNotContain("error");
    assertThat(verbose.out()).isEqualTo(check(project).out());
  }

  @Test
  void quietAndVerboseTogetherAreAUsageError() throws Exception {
    Path project = twoRequirements();
    Run both = check(project, "--quiet", "--verbose");
    assertThat(both.code()).isEqualTo(2);
    assertThat(both.out()).isEmpty();
    assertThat(both.err()).startsWith("error: --quiet and --verbose cannot be used together");
    Run tags = run(dir, "tags", "--python", "3.12", "-q", "-v");
    assertThat(tags.code()).isEqualTo(2);
    assertThat(tags.err()).contains("--quiet and --verbose cannot be used together");
  }

  @Test
  void aFlagBeatsTheOtherFromPyproject() throws Exception {
    Path project = twoRequirements();
    Files.writeString(project.resolve("pyproject.toml"), "[tool.wheelwise]\nquiet = true\n");
    assertThat(check(project).err()).isEmpty();
    Run verbose = check(project, "--verbose");
    assertThat(verbose.code()).as(verbose.err()).isZero();
    assertThat(verbose.err()).contains("verbose: configuration: " + project.resolve("pyproject.toml") + " [tool.wheelwise]")
        .contains("notice: using requirements.txt");
    Files.writeString(project.resolve("pyproject.toml"), "[tool.wheelwise]\nquiet = true\nverbose = true\n");
    Run both = check(project);
    assertThat(both.code()).isEqualTo(2);
    assertThat(both.err()).contains("--quiet and --verbose cannot be used together (both set: "
        + project.resolve("pyproject.toml") + " [tool.wheelwise] quiet and ");
  }

  /**
   * --verbose says each HTTP request and whether the cache answered it: a PEP 503 page served on
   * loopback with max-age, fetched twice into one cache folder.
   */
  @Test
  void verboseSaysEachRequestAndTheCacheHits() throws Exception {
    com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
        new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
    java.util.concurrent.atomic.AtomicInteger served = new java.util.concurrent.atomic.AtomicInteger();
    server.createContext("/simple/six/", exchange -> {
      served.incrementAndGet();
      byte[] page = ("<html><body><a href=\"/files/six-1.16.0-py2.py3-none-any.whl#sha256=" + "0".repeat(64)
          + "\">six-1.16.0-py2.py3-none-any.whl</a></body></html>").getBytes(java.nio.charset.StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "text/html");
      exchange.getResponseHeaders().add("Cache-Control", "max-age=600");
      exchange.sendResponseHeaders(200, page.length);
      exchange.getResponseBody().write(page);
      exchange.close();
    });
    server.start();
    try {
      String index = "http://127.0.0.1:" + server.getAddress().getPort() + "/simple";
      String[] args = {"files", "six", "--isolated", "--index-url", index, "--cache-dir", dir.resolve("cache").toString(), "--verbose"};
      Run first = run(dir, args);
      assertThat(first.code()).as(first.err()).isZero();
      assertThat(first.out()).contains("six-1.16.0-py2.py3-none-any.whl");
      assertThat(first.err()).contains("verbose: index: " + index)
          .contains("verbose: HTTP cache: " + dir.resolve("cache"))
          .contains("verbose: GET " + index + "/six/: 200, from the network");
      Run second = run(dir, args);
      assertThat(second.err()).contains("verbose: GET " + index + "/six/: 200, from the HTTP cache");
      assertThat(served.get()).isEqualTo(1);
      assertThat(second.out()).isEqualTo(first.out());
      Run quiet = run(dir, "files", "six", "--isolated", "--index-url", index, "--cache-dir", dir.resolve("cache").toString(), "-q");
      assertThat(quiet.err()).isEmpty();
    } finally {
      server.stop(0);
    }
  }

  @Test
  void everyCommandTakesQuietAndVerbose() {
    CommandLine root = new CommandLine(new Main());
    Main.subcommandsFor(new String[0]).forEach(root::addSubcommand);
    List<String> missing = new ArrayList<>();
    List<CommandLine> todo = new ArrayList<>(root.getSubcommands().values());
    while (!todo.isEmpty()) {
      CommandLine c = todo.remove(0);
      todo.addAll(c.getSubcommands().values());
      String name = c.getCommandSpec().qualifiedName();
      // picocli's own help and generate-completion print only their result
      if (name.endsWith(" help") || name.endsWith(" generate-completion")) {
        continue;
      }
      if (c.getCommandSpec().findOption("--quiet") == null || c.getCommandSpec().findOption("--verbose") == null
          || c.getCommandSpec().findOption("-q") == null || c.getCommandSpec().findOption("-v") == null) {
        missing.add(name);
      }
    }
    assertThat(missing).as("commands without -q/--quiet and -v/--verbose").isEmpty();
    assertThat(root.getSubcommands()).containsKeys("check", "lint", "fix", "bench", "snapshot", "images", "__train");
  }

  @Test
  void checkReadsTheConfigurationOfTheProjectItChecks() throws Exception {
    Files.createDirectory(dir.resolve(".git"));
    Path here = Files.createDirectories(dir.resolve("here"));
    Files.writeString(here.resolve("pyproject.toml"), "[tool.wheelwise]\nformat = \"markdown\"\n");
    Path other = Files.createDirectories(dir.resolve("other/dir"));
    Files.writeString(other.resolve("pyproject.toml"),
        "[project]\nname = \"x\"\ndependencies = [\"six==1.16.0\"]\n\n[tool.wheelwise]\nformat = \"json\"\noffline = true\n"
            + "image = [\"python:3.12-slim\"]\n");
    Run shown = run(here, "check", other.toString(), "--show-config");
    assertThat(shown.code()).as(shown.err()).isZero();
    assertThat(shown.out().lines().toList()).startsWith("# pyproject.toml: " + other.resolve("pyproject.toml"))
        .contains("--format = json    # " + other.resolve("pyproject.toml") + " [tool.wheelwise] format");
    Run checked = run(here, "check", other.toString());
    assertThat(checked.code()).as(checked.err()).isZero();
    assertThat(checked.out()).startsWith("{");
    // The line is parsed twice (once to find PATH): repeated flags are not doubled.
    Run twice = run(here, "check", other.toString(), "--image", "python:3.12-alpine", "--image", "python:3.13-slim");
    assertThat(twice.code()).as(twice.err()).isZero();
    List<String> images = new ArrayList<>();
    new com.fasterxml.jackson.databind.ObjectMapper().readTree(twice.out()).get("images").forEach(i -> images.add(i.get("image").asText()));
    assertThat(images).containsExactlyInAnyOrder("python:3.12-alpine", "python:3.13-slim");
    // A file argument: its folder's configuration. No PATH: the working folder's.
    assertThat(run(here, "check", other.resolve("pyproject.toml").toString(), "--show-config").out())
        .startsWith("# pyproject.toml: " + other.resolve("pyproject.toml"));
    assertThat(run(here, "check", "--show-config").out()).startsWith("# pyproject.toml: " + here.resolve("pyproject.toml"));
  }

  @Test
  void lintReadsTheConfigurationBesideTheDockerfile() throws Exception {
    Files.createDirectory(dir.resolve(".git"));
    Path here = Files.createDirectories(dir.resolve("here"));
    Files.writeString(here.resolve("pyproject.toml"), "[tool.wheelwise]\nformat = \"checkstyle\"\n");
    Path other = Files.createDirectories(dir.resolve("other"));
    Files.writeString(other.resolve("pyproject.toml"), "[tool.wheelwise]\nformat = \"json\"\n");
    Files.writeString(other.resolve("Dockerfile"), "FROM python:3.12-slim\n");
    Run shown = run(here, "lint", other.resolve("Dockerfile").toString(), "--show-config");
    assertThat(shown.out()).startsWith("# pyproject.toml: " + other.resolve("pyproject.toml"))
        .contains("--format = json    # " + other.resolve("pyproject.toml"));
    // [tool.wheelwise.lint] (the rules) from the same file: DL3006 (an untagged FROM) ignored there only
    Files.writeString(other.resolve("Dockerfile"), "FROM python\n");
    String[] lint = {"lint", other.resolve("Dockerfile").toString(), "--no-wheels", "--no-shellcheck", "--format", "json"};
    assertThat(run(here, lint).out()).contains("DL3006");
    Files.writeString(other.resolve("pyproject.toml"), "[tool.wheelwise]\nformat = \"json\"\n\n[tool.wheelwise.lint]\nignored = [\"DL3006\"]\n");
    Run ignored = run(here, lint);
    assertThat(ignored.code()).as(ignored.err()).isZero();
    assertThat(ignored.out()).startsWith("[").doesNotContain("DL3006");
    // standard input: the working folder's
    assertThat(run(here, "lint", "-", "--show-config").out()).startsWith("# pyproject.toml: " + here.resolve("pyproject.toml"));
  }
}
