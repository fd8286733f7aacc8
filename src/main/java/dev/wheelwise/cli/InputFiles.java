package dev.wheelwise.cli;

import dev.wheelwise.project.InputParseError;
import dev.wheelwise.project.LockedSet;
import dev.wheelwise.project.PdmLockReader;
import dev.wheelwise.project.PipfileLockReader;
import dev.wheelwise.project.PoetryLockReader;
import dev.wheelwise.project.PylockReader;
import dev.wheelwise.project.UvLockReader;
import java.nio.file.Path;
import java.util.Optional;

/** Which reader an input needs, by its name (the formats' fixed names), and what a folder holds. */
final class InputFiles {
  private InputFiles() {}

  static boolean isLock(String name) {
    return name.equals("uv.lock") || name.equals("poetry.lock") || name.equals("pdm.lock") || name.equals("Pipfile.lock")
        || name.equals("pylock.toml") || (name.startsWith("pylock.") && name.endsWith(".toml"));
  }

  static boolean isDockerfile(String name) {
    return name.equals("Dockerfile") || name.equals("Containerfile") || name.startsWith("Dockerfile.")
        || name.endsWith(".Dockerfile") || name.endsWith(".dockerfile") || name.startsWith("Dockerfile-");
  }

  /** In a folder: the Dockerfile first (it says how the project is installed), then a lock, then requirements.txt. */
  static Optional<Path> discover(Path dir) {
    for (String name : new String[] {"Dockerfile", "Containerfile", "uv.lock", "pylock.toml", "poetry.lock", "pdm.lock",
        "Pipfile.lock", "requirements.txt", "pyproject.toml"}) {
      Path p = dir.resolve(name);
      if (java.nio.file.Files.isRegularFile(p)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  static LockedSet readLock(Path path) throws InputParseError {
    String name = path.getFileName().toString();
    if (name.equals("uv.lock")) {
      return UvLockReader.read(path);
    }
    if (name.equals("pylock.toml") || (name.startsWith("pylock.") && name.endsWith(".toml"))) {
      return PylockReader.read(path);
    }
    if (name.equals("poetry.lock")) {
      return PoetryLockReader.read(path, Optional.empty());
    }
    if (name.equals("pdm.lock")) {
      return PdmLockReader.read(path, Optional.empty());
    }
    if (name.equals("Pipfile.lock")) {
      return PipfileLockReader.read(path);
    }
    throw new UsageException(path + ": check reads uv.lock, pylock.toml, poetry.lock, pdm.lock and Pipfile.lock in this build; "
        + "requirements files and Dockerfiles need the resolver and dockerfile pieces");
  }
}
