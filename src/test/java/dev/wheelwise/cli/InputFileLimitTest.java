package dev.wheelwise.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Local input files are read whole, so each is bounded ({@code --max-file-size}, default 64 MiB):
 * one byte past the bound is exit 2 naming the file, the limit and the option; at the bound the
 * file is read.
 */
class InputFileLimitTest {

  private record Run(int exit, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(exit, out.toString(), err.toString());
  }

  /** A requirements file of exactly {@code size} bytes: one requirement, then comment padding. */
  private static Path requirements(Path dir, int size) throws IOException {
    String line = "six==1.17.0\n# ";
    String text = line + "x".repeat(size - line.length() - 1) + "\n";
    Path file = dir.resolve("requirements.txt");
    Files.writeString(file, text, StandardCharsets.UTF_8);
    assertThat(Files.size(file)).isEqualTo(size);
    return file;
  }

  @Test
  void requirementsOnePastTheLimitAreRefusedAtTheLimitRead(@TempDir Path dir) throws IOException {
    Path file = requirements(dir, 1001);
    Run over = run("deps", file.toString(), "--python", "3.12", "--max-file-size", "1000");
    assertThat(over.exit()).as(over.err()).isEqualTo(Main.EXIT_USAGE);
    assertThat(over.err()).contains("error: " + file + ":1:1: 1001 bytes, more than the limit of 1000 bytes on an input file; "
        + "raise it with --max-file-size").doesNotContain("Exception").doesNotContain("\tat ");
    Run at = run("deps", file.toString(), "--python", "3.12", "--max-file-size", "1001");
    assertThat(at.exit()).as(at.err()).isZero();
    assertThat(at.out()).contains("six==1.17.0");
  }

  @Test
  void theDefaultIs64MiB(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("requirements.txt");
    try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
      sparse.setLength((64L << 20) + 1); // sparse: nothing is written
    }
    Run r = run("deps", file.toString(), "--python", "3.12");
    assertThat(r.exit()).as(r.err()).isEqualTo(Main.EXIT_USAGE);
    assertThat(r.err()).contains("67108865 bytes, more than the limit of 67108864 bytes on an input file; raise it with --max-file-size");
  }

  @Test
  void aDockerfileOnePastTheLimitIsRefusedByLintAndDockerfile(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("Dockerfile");
    Files.writeString(file, "FROM python:3.12-slim\n# " + "x".repeat(100) + "\n");
    long size = Files.size(file);
    String expected = "error: " + file + ": " + size + " bytes, more than the limit of " + (size - 1)
        + " bytes on an input file; raise it with --max-file-size";
    Run lint = run("lint", file.toString(), "--offline", "--max-file-size", String.valueOf(size - 1));
    assertThat(lint.exit()).as(lint.err()).isEqualTo(Main.EXIT_USAGE);
    assertThat(lint.err()).contains(expected);
    Run dump = run("dockerfile", file.toString(), "--max-file-size", String.valueOf(size - 1));
    assertThat(dump.exit()).as(dump.err()).isEqualTo(Main.EXIT_USAGE);
    assertThat(dump.err()).contains(expected);
  }

  @Test
  void aPyprojectOnePastTheLimitIsRefused(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("pyproject.toml");
    Files.writeString(file, "[project]\nname = \"demo\"\nversion = \"1\"\ndependencies = [\"six\"]\n# " + "x".repeat(200) + "\n");
    long size = Files.size(file);
    Run r = run("deps", dir.toString(), "--python", "3.12", "--max-file-size", String.valueOf(size - 1));
    assertThat(r.exit()).as(r.err()).isEqualTo(Main.EXIT_USAGE);
    assertThat(r.err()).contains("error: " + file + ":1:1: " + size + " bytes, more than the limit of " + (size - 1)
        + " bytes on an input file; raise it with --max-file-size");
    assertThat(run("deps", dir.toString(), "--python", "3.12", "--max-file-size", String.valueOf(size)).exit()).isZero();
  }

  @Test
  void pipConfAndNetrcOnePastTheLimitAreUsageErrorsNotIgnored(@TempDir Path dir) throws IOException {
    // 10,000 bytes each, so that this machine's own global pip.conf (read too) stays under the limit
    Path conf = dir.resolve("pip.conf");
    Files.writeString(conf, padded("[global]\nindex-url = http://127.0.0.1:9/simple\n", 10_000));
    Path netrc = dir.resolve("netrc");
    Files.writeString(netrc, padded("machine 127.0.0.1 login ann password secret\n", 10_000));
    long limit = 9_999;
    IndexOptions options = new IndexOptions();
    options.indexUrl = "http://127.0.0.1:9/simple";
    java.io.PrintWriter err = new PrintWriter(new StringWriter());
    dev.wheelwise.LocalFiles.limit(limit);
    try {
      IndexAccess pip = new IndexAccess(options, err, java.util.Map.of("HOME", dir.toString(), "PIP_CONFIG_FILE", conf.toString()));
      org.assertj.core.api.Assertions.assertThatThrownBy(pip::pipConfig).isInstanceOf(UsageException.class)
          .hasMessage("cannot read pip configuration: " + conf + ": " + Files.size(conf) + " bytes, more than the limit of " + limit
              + " bytes on an input file; raise it with --max-file-size");
      try (IndexAccess net = new IndexAccess(options, err, java.util.Map.of("HOME", dir.toString(), "NETRC", netrc.toString(),
          "PIP_CONFIG_FILE", "/dev/null"))) {
        org.assertj.core.api.Assertions.assertThatThrownBy(net::client).isInstanceOf(UsageException.class)
            .hasMessage(netrc + ": " + Files.size(netrc) + " bytes, more than the limit of " + limit
                + " bytes on an input file; raise it with --max-file-size");
      }
    } finally {
      dev.wheelwise.LocalFiles.limit(dev.wheelwise.LocalFiles.DEFAULT_MAX_BYTES);
    }
  }

  private static String padded(String text, int size) {
    return text + "#" + "x".repeat(size - text.length() - 2) + "\n";
  }

  @Test
  void aLimitBelowOneIsAUsageError(@TempDir Path dir) throws IOException {
    Run r = run("deps", requirements(dir, 100).toString(), "--python", "3.12", "--max-file-size", "0");
    assertThat(r.exit()).isEqualTo(Main.EXIT_USAGE);
    assertThat(r.err()).contains("--max-file-size takes a number of bytes of at least 1, got 0");
  }
}
