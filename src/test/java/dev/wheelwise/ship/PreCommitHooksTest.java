package dev.wheelwise.ship;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * .pre-commit-hooks.yaml as a user wires it: Debian's pre-commit installed in a fresh git
 * repository whose .pre-commit-config.yaml names this repository's HEAD, wheelwise from the
 * release archive on PATH. A commit of wheels-only pins passes; a commit whose pins compile on
 * python:3.8-alpine is refused by --fail-on source-build, and the lint hook refuses a Dockerfile
 * whose build lacks its compiler.
 */
class PreCommitHooksTest {

  @Test
  void wheelwiseCheckPassesOneCommitAndRefusesASourceBuild(@TempDir Path tmp) throws Exception {
    Path preCommit = Shipped.onPath("pre-commit").orElse(null);
    if (preCommit == null) {
      Shipped.skip("pre-commit is not installed (.ci/run installs Debian's pre-commit)");
    }
    Path home = Shipped.unpack(Shipped.releaseArchive(), Files.createDirectory(tmp.resolve("release")));
    String head = Shipped.run(List.of("git", "rev-parse", "HEAD"), Path.of("."), Map.of()).out().trim();
    Path repo = Files.createDirectory(tmp.resolve("repo"));
    Map<String, String> env = Map.of(
        "PATH", home.resolve("bin") + ":" + preCommit.getParent() + ":/usr/bin:/bin",
        "HOME", tmp.toString(), "PRE_COMMIT_HOME", tmp.resolve("cache").toString(),
        "GIT_AUTHOR_NAME", "t", "GIT_AUTHOR_EMAIL", "t@example.invalid",
        "GIT_COMMITTER_NAME", "t", "GIT_COMMITTER_EMAIL", "t@example.invalid");
    git(repo, env, "init", "-q");
    Files.writeString(repo.resolve(".pre-commit-config.yaml"), """
        repos:
          - repo: %s
            rev: %s
            hooks:
              - id: wheelwise-check
                args: [--offline, --as-of, "2020-01-29", --image, python:3.8-alpine, --image, python:3.8-slim-buster]
              - id: wheelwise-lint
                args: [--offline, --as-of, "2020-01-29"]
        """.formatted(Path.of("").toAbsolutePath(), head));
    assertThat(git(repo, env, "add", ".pre-commit-config.yaml").code()).isZero();
    Shipped.Run install = Shipped.run(List.of("pre-commit", "install"), repo, env);
    assertThat(install.code()).as(install.both()).isZero();

    Files.writeString(repo.resolve("requirements.txt"), "six==1.14.0\n");
    git(repo, env, "add", "requirements.txt");
    Shipped.Run good = git(repo, env, "commit", "-q", "-m", "wheels only");
    assertThat(good.code()).as(good.both()).isZero();
    assertThat(good.both()).contains("wheelwise check").contains("Passed");

    Files.writeString(repo.resolve("requirements.txt"), "six==1.14.0\nkiwisolver==1.1.0\n");
    git(repo, env, "add", "requirements.txt");
    Shipped.Run bad = git(repo, env, "commit", "-q", "-m", "compiles on alpine");
    assertThat(bad.code()).as(bad.both()).isNotZero();
    assertThat(bad.both()).contains("Failed").contains("policy --fail-on source-build").contains("python:3.8-alpine");
    assertThat(git(repo, env, "log", "--oneline").out().lines().count()).isEqualTo(1);

    // The lint hook: a Dockerfile whose pip install compiles on Alpine without g++ is refused (WW1002).
    Files.writeString(repo.resolve("requirements.txt"), "six==1.14.0\n");
    Files.writeString(repo.resolve("Dockerfile"), "FROM python:3.8-alpine\nRUN pip install --no-cache-dir kiwisolver==1.1.0\n");
    git(repo, env, "add", "requirements.txt", "Dockerfile");
    Shipped.Run lint = git(repo, env, "commit", "-q", "-m", "a Dockerfile that compiles");
    assertThat(lint.code()).as(lint.both()).isNotZero();
    assertThat(lint.both()).contains("wheelwise lint").contains("WW1002").contains("apk add --no-cache g++");
    assertThat(git(repo, env, "log", "--oneline").out().lines().count()).isEqualTo(1);
  }

  private static Shipped.Run git(Path repo, Map<String, String> env, String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of("git"));
    command.addAll(List.of(args));
    return Shipped.run(command, repo, env);
  }
}
