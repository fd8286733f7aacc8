package dev.wheelwise.ship;

import dev.wheelwise.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * What the shipping tests share: the release archive {@code mvn -P release package} made, a
 * command run as a process with its output, PATHs without java, and the in-process answer to
 * compare a shipped tool's output with.
 */
final class Shipped {
  private Shipped() {}

  /** A finished process: exit code and what it wrote (stdout, stderr). */
  record Run(int code, String out, String err) {
    String both() {
      return out + err;
    }
  }

  /** The release archive in target/, or skips saying how to build it. */
  static Path releaseArchive() throws IOException {
    Optional<Path> found;
    try (Stream<Path> files = Files.list(Path.of("target"))) {
      found = files.filter(p -> p.getFileName().toString().matches("wheelwise-.*-linux-(x86_64|aarch64)\\.tar\\.gz"))
          .max((a, b) -> a.toFile().lastModified() < b.toFile().lastModified() ? -1 : 1);
    } catch (java.nio.file.NoSuchFileException e) {
      found = Optional.empty();
    }
    if (found.isEmpty()) {
      skip("no release archive target/wheelwise-*-linux-*.tar.gz; build it with mvn -B -ntp -P release package -DskipTests "
          + "(.ci/run does)");
    }
    return found.get();
  }

  /** Unpacks {@code archive} with the system's tar into an empty folder; its single top folder. */
  static Path unpack(Path archive, Path into) throws IOException, InterruptedException {
    Run tar = run(List.of("tar", "xzf", archive.toAbsolutePath().toString(), "-C", into.toString()), Path.of("."), Map.of());
    if (tar.code() != 0) {
      throw new IllegalStateException("tar failed: " + tar.both());
    }
    try (Stream<Path> top = Files.list(into)) {
      return top.filter(Files::isDirectory).findFirst().orElseThrow();
    }
  }

  /**
   * A folder of symbolic links to the plain tools a launcher or hook may call (a shell,
   * coreutils, git, tar), and nothing else: a PATH on which {@code java} cannot be found.
   */
  static Path pathWithoutJava(Path dir, String... extraTools) throws IOException {
    List<String> tools = new ArrayList<>(List.of("sh", "bash", "readlink", "dirname", "basename", "cksum", "cut", "mkdir",
        "mv", "rm", "cat", "env", "tar", "gzip", "git", "find", "grep", "sed", "mktemp", "printf", "tr", "head", "ls", "cp",
        "chmod", "date", "uname", "touch", "test", "sort", "wc"));
    tools.addAll(List.of(extraTools));
    Files.createDirectories(dir);
    for (String tool : tools) {
      for (String folder : List.of("/usr/local/bin", "/usr/bin", "/bin")) {
        Path real = Path.of(folder, tool);
        if (Files.isExecutable(real) && !Files.exists(dir.resolve(tool))) {
          Files.createSymbolicLink(dir.resolve(tool), real);
        }
      }
    }
    return dir;
  }

  /** Runs {@code command} in {@code cwd} with a clean environment plus {@code env}; bounded against a hang. */
  static Run run(List<String> command, Path cwd, Map<String, String> env) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(command).directory(cwd.toFile());
    pb.environment().keySet().removeIf(k -> k.startsWith("WHEELWISE_") || k.equals("JAVA_HOME") || k.equals("JAVA_TOOL_OPTIONS"));
    pb.environment().putAll(env);
    Path out = Files.createTempFile("shipped", ".out");
    Path err = Files.createTempFile("shipped", ".err");
    pb.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    Process p = pb.start();
    if (!p.waitFor(10, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new IllegalStateException(command + " did not finish");
    }
    Run run = new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    Files.delete(out);
    Files.delete(err);
    return run;
  }

  /** The same command line answered in this JVM, the reference a shipped tool must match. */
  static Run inProcess(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(code, out.toString(), err.toString());
  }

  /** {@code tool} on this process's PATH. */
  static Optional<Path> onPath(String tool) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      Path p = Path.of(dir.isEmpty() ? "." : dir, tool);
      if (Files.isExecutable(p)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  static void skip(String why) {
    String message = "SKIPPED: " + why;
    System.err.println(message);
    Assumptions.abort(message);
  }
}
