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

/** Which reader a lock file needs, by its name (the formats' fixed names). */
final class InputFiles {
  private InputFiles() {}

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
