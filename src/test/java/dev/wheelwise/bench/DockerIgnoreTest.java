package dev.wheelwise.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code .dockerignore} as the docker CLI applies it. The single-pattern cases are moby's own
 * (patternmatcher_test.go, TestMatches: pattern, path, whether it matches, parents included);
 * the context cases check the tar bench sends.
 */
class DockerIgnoreTest {

  @ParameterizedTest(name = "{0} ~ {1} = {2}")
  @CsvSource(delimiter = ' ', value = {
      "** file true", "** file/ true", "**/ file true", "**/ file/ true", "** / true", "**/ / true",
      "** dir/file true", "**/ dir/file true", "**/** dir/file true", "dir/** dir/file true", "dir/** dir/dir2/file true",
      "**/dir dir true", "**/dir dir/file true", "**/dir2/* dir/dir2/file true", "**/dir2/** dir/dir2/dir3/file true",
      "**file file true", "**file dir/file true", "**/file dir/file true", "**file dir/dir/file true", "**/file* dir/dir/file.txt true",
      "**/file*txt dir/dir/file.txt true", "**/file*.txt* dir/dir/file.txt true", "**/**/*.txt dir/dir/file.txt true",
      "**/**/*.txt2 dir/dir/file.txt false", "**/*.txt file.txt true", "**/**/*.txt file.txt true",
      "a**/*.txt a/file.txt true", "a**/*.txt a/dir/file.txt true", "a**/*.txt a/dir/dir/file.txt true",
      "a/*.txt a/dir/file.txt false", "a/*.txt a/file.txt true", "a/*.txt** a/file.txt true",
      "a[b-d]e ae false", "a[b-d]e ace true", "a[b-d]e aae false", "a[^b-d]e aze true",
      ".* .foo true", ".* foo false", "abc.def abcdef false", "abc.def abc.def true", "abc.def abcZdef false",
      "abc?def abcZdef true", "abc?def abcdef false", "**/foo/bar foo/bar true", "**/foo/bar dir/foo/bar true",
      "**/foo/bar dir/dir2/foo/bar true", "abc/** abc false", "abc/** abc/def true", "abc/** abc/def/ghi true",
      "**/.foo .foo true", "**/.foo bar.foo false", "a(b)c/def a(b)c/def true", "a(b)c/def a(b)c/xyz false",
      "a.|)$(}+{bc a.|)$(}+{bc true", "dist/*.whl dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl true",
      "/docs docs/index.md true", "./docs/../build build/out true", "*.pyc pkg/mod.pyc false", "**/*.pyc pkg/mod.pyc true",
      "a\\\\ a\\ true"})
  void matchesAsMobyDoes(String pattern, String path, boolean matches) {
    assertThat(DockerIgnore.parse(pattern).excludes(path)).isEqualTo(matches);
  }

  @Test
  void exceptionsAndTheLastMatchingRuleDecide() {
    DockerIgnore ignore = DockerIgnore.parse("# build output\n\n  docs  \n!docs/README.md\n*.md\n!README.md\n");
    assertThat(ignore.excludes("docs/index.html")).isTrue();
    // *.md comes after the exception but, like filepath.Match's *, never crosses a slash: docs/README.md stays.
    assertThat(ignore.excludes("docs/README.md")).isFalse();
    assertThat(ignore.excludes("docs/other.md")).isTrue();
    assertThat(ignore.excludes("CHANGES.md")).isTrue();
    assertThat(ignore.excludes("README.md")).isFalse();
    assertThat(ignore.excludes("src/app.py")).isFalse();
    DockerIgnore keep = DockerIgnore.parse(".venv\n!.venv/keep.txt");
    assertThat(keep.excludes(".venv/lib/big.so")).isTrue();
    assertThat(keep.excludes(".venv/keep.txt")).isFalse();
  }

  @Test
  void aLoneExclamationMarkIsRefusedWithItsLine() {
    assertThatThrownBy(() -> DockerIgnore.parse("*.pyc\n!\n")).hasMessageContaining("line 2");
  }

  @Test
  void theContextBenchSendsLeavesOutWhatDockerignoreExcludes(@TempDir Path project) throws Exception {
    Files.writeString(project.resolve("Dockerfile"), "FROM scratch\nCOPY . /app\n");
    Files.writeString(project.resolve("requirements.txt"), "six\n");
    Files.writeString(project.resolve(".dockerignore"), "# not for the image\n.venv\n**/__pycache__\n*.log\n!keep.log\n.dockerignore\nDockerfile\n");
    Path venv = Files.createDirectories(project.resolve(".venv/lib/python3.11/site-packages"));
    byte[] big = new byte[1 << 20];
    for (int i = 0; i < 8; i++) {
      Files.write(venv.resolve("blob" + i + ".so"), big);
    }
    Files.createDirectories(project.resolve("app/__pycache__"));
    Files.writeString(project.resolve("app/__pycache__/main.cpython-311.pyc"), "x");
    Files.writeString(project.resolve("app/main.py"), "print('hi')\n");
    Files.writeString(project.resolve("build.log"), "x");
    Files.writeString(project.resolve("keep.log"), "x");

    byte[] tar = ContextTar.of(project, Optional.empty(), Map.of(Bench.DOCKERFILE, "FROM scratch\n".getBytes(StandardCharsets.UTF_8)));
    // The .dockerignore and bench's own Dockerfile are always sent; the project's Dockerfile is excluded as asked.
    assertThat(names(tar)).containsExactlyInAnyOrder(".dockerignore", Bench.DOCKERFILE, "app/main.py", "keep.log", "requirements.txt");
    assertThat(tar.length).isLessThan(64 * 1024);
  }

  @Test
  void aDockerfilesOwnIgnoreFileWinsOverTheContextsWhenBothArePresent(@TempDir Path project) throws Exception {
    Path dockerfile = Files.createDirectories(project.resolve("build")).resolve("app.Dockerfile");
    Files.writeString(dockerfile, "FROM scratch\nCOPY . /app\n");
    Files.writeString(project.resolve(".dockerignore"), "root-only.txt\n");
    Files.writeString(project.resolve("build/app.Dockerfile.dockerignore"), "own-only.txt\n.dockerignore\n");
    // Beside it but named for another Dockerfile: never read for app.Dockerfile.
    Files.writeString(project.resolve("build/Dockerfile.dockerignore"), "both.txt\n");
    for (String name : List.of("root-only.txt", "own-only.txt", "both.txt")) {
      Files.writeString(project.resolve(name), name);
    }
    Map<String, byte[]> added = Map.of(Bench.DOCKERFILE, "FROM scratch\n".getBytes(StandardCharsets.UTF_8));

    assertThat(ContextTar.ignoreFile(project, Optional.of(dockerfile))).isEqualTo(project.resolve("build/app.Dockerfile.dockerignore"));
    // Only the Dockerfile's own file applies: what the context's .dockerignore leaves out is sent, and the
    // .dockerignore itself is an ordinary file then (left out here because the own file says so).
    assertThat(names(ContextTar.of(project, Optional.of(dockerfile), added))).containsExactlyInAnyOrder(
        Bench.DOCKERFILE, "root-only.txt", "both.txt", "build/app.Dockerfile", "build/app.Dockerfile.dockerignore", "build/Dockerfile.dockerignore");

    // Without the Dockerfile's own file the context's applies, as before.
    Files.delete(project.resolve("build/app.Dockerfile.dockerignore"));
    assertThat(ContextTar.ignoreFile(project, Optional.of(dockerfile))).isEqualTo(project.resolve(".dockerignore"));
    assertThat(names(ContextTar.of(project, Optional.of(dockerfile), added))).containsExactlyInAnyOrder(
        Bench.DOCKERFILE, ".dockerignore", "own-only.txt", "both.txt", "build/app.Dockerfile", "build/Dockerfile.dockerignore");
  }

  @Test
  void anEmptyOwnIgnoreFileStillWinsAndAMalformedOneIsNamedInTheError(@TempDir Path project) throws Exception {
    Path dockerfile = project.resolve("Dockerfile");
    Files.writeString(dockerfile, "FROM scratch\n");
    Files.writeString(project.resolve(".dockerignore"), "secret.txt\n");
    Files.writeString(project.resolve("secret.txt"), "x");
    Files.writeString(project.resolve("Dockerfile.dockerignore"), "");
    assertThat(names(ContextTar.of(project, Optional.of(dockerfile), Map.of()))).contains("secret.txt");

    Files.writeString(project.resolve("Dockerfile.dockerignore"), "*.pyc\n!\n");
    assertThatThrownBy(() -> ContextTar.of(project, Optional.of(dockerfile), Map.of()))
        .isInstanceOfSatisfying(BenchError.class, e -> assertThat(e.isUsage()).isTrue())
        .hasMessage(project.resolve("Dockerfile.dockerignore") + " line 2: illegal exclusion pattern \"!\"");
  }

  /** The member names of a ustar archive, read back from its headers. */
  static List<String> names(byte[] tar) {
    List<String> out = new ArrayList<>();
    for (int at = 0; at + 512 <= tar.length && tar[at] != 0; ) {
      String name = new String(tar, at, 100, StandardCharsets.UTF_8).replace("\0", "");
      String prefix = new String(tar, at + 345, 155, StandardCharsets.UTF_8).replace("\0", "");
      long size = Long.parseLong(new String(tar, at + 124, 11, StandardCharsets.US_ASCII).trim(), 8);
      out.add(prefix.isEmpty() ? name : prefix + "/" + name);
      at += 512 + (int) ((size + 511) / 512) * 512;
    }
    return out;
  }
}
