package dev.wheelwise.ship;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release archive ({@code mvn -P release package}) runs with no JDK on the machine: unpacked
 * into an empty folder, its launcher answers the article example with java nowhere on PATH, and
 * answers it exactly as the tool does in this JVM.
 */
class ReleaseArchiveTest {

  private static final String[] ARTICLE = {"check", "examples/alpine-article/pinned", "--offline", "--as-of", "2020-01-29"};

  @Test
  void theUnpackedArchiveAnswersTheArticleWithoutAJavaOnPath(@TempDir Path tmp) throws Exception {
    Path archive = Shipped.releaseArchive();
    Path home = Shipped.unpack(archive, Files.createDirectory(tmp.resolve("unpacked")));
    Path bin = Shipped.pathWithoutJava(tmp.resolve("bin"));
    Map<String, String> env = Map.of("PATH", bin.toString(), "HOME", tmp.toString());
    assertThat(Shipped.run(List.of("sh", "-c", "command -v java || echo none"), Path.of("."), env).out()).isEqualTo("none\n");

    Path launcher = home.resolve("bin/wheelwise");
    Shipped.Run version = Shipped.run(List.of(launcher.toString(), "--version"), Path.of("."), env);
    assertThat(version.code()).as(version.both()).isZero();
    assertThat(version.out()).isEqualTo(Shipped.inProcess("--version").out());
    // The first run made the class-data-sharing archive beside the jar.
    assertThat(home.resolve("lib/wheelwise.jsa")).isNotEmptyFile();

    List<String> command = new java.util.ArrayList<>(List.of(launcher.toString()));
    command.addAll(List.of(ARTICLE));
    Shipped.Run article = Shipped.run(command, Path.of("."), env);
    Shipped.Run expected = Shipped.inProcess(ARTICLE);
    assertThat(article.code()).as(article.both()).isEqualTo(expected.code()).isZero();
    assertThat(article.out()).isEqualTo(expected.out()).contains("python:3.8-slim-buster", "fails");
  }

  @Test
  void theRuntimeHoldsOnlyWhatJdepsChoseAndNoJdk(@TempDir Path tmp) throws Exception {
    Path home = Shipped.unpack(Shipped.releaseArchive(), tmp);
    String release = Files.readString(home.resolve("runtime/release"));
    assertThat(release).contains("java.base", "java.net.http", "jdk.crypto.ec").doesNotContain("jdk.compiler", "jdk.jshell");
    assertThat(home.resolve("runtime/bin/javac")).doesNotExist();
    assertThat(home.resolve("runtime/jmods")).doesNotExist();
    assertThat(home.resolve("lib/wheelwise.jar")).isNotEmptyFile();
    assertThat(Files.readAllLines(home.resolve("lib/classes.lst"))).contains("dev/wheelwise/cli/Main");
  }
}
