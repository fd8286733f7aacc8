package dev.wheelwise.cli;

import dev.wheelwise.project.Discovery;
import dev.wheelwise.project.InputKind;
import dev.wheelwise.project.InputParseError;
import dev.wheelwise.project.ProjectInputs;
import java.util.Map;
import dev.wheelwise.project.LockedSet;
import java.nio.file.Path;

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

  /**
   * In a folder: the Dockerfile first (it says how the project is installed), else the
   * dependency input {@link Discovery} picks (a lock over requirements, pylock.*.toml and
   * requirements-*.txt included), saying on {@code notices} which and why when there was a
   * choice, and on {@code trace} (--verbose) which and why always.
   */
  static Path discover(Path dir, java.io.PrintWriter notices, java.io.PrintWriter trace) throws java.io.IOException {
    for (String name : new String[] {"Dockerfile", "Containerfile"}) {
      Path p = dir.resolve(name);
      if (java.nio.file.Files.isRegularFile(p)) {
        trace.println("verbose: input: " + p + " (the " + name + " in " + dir + ")");
        trace.flush();
        return p;
      }
    }
    Discovery.Found found = discoverOrExplain(dir).orElseThrow(() -> new UsageException(dir
        + ": found no Dockerfile, lock file (uv.lock, pylock*.toml, poetry.lock, pdm.lock, Pipfile.lock), requirements*.txt or pyproject.toml"));
    if (!found.alsoFound().isEmpty() || found.reason().startsWith("no lock file and no requirements.txt")) {
      notices.println("notice: using " + found.file().getFileName() + ": " + found.reason());
      notices.flush();
    }
    trace.println("verbose: input: " + found.file() + " (" + found.reason() + ")");
    trace.flush();
    return found.file();
  }

  /** {@link Discovery#discover}, with an ambiguous folder as a usage error (exit 2) listing the files. */
  static java.util.Optional<Discovery.Found> discoverOrExplain(Path dir) throws java.io.IOException {
    try {
      return Discovery.discover(dir);
    } catch (dev.wheelwise.project.AmbiguousInputs e) {
      throw new UsageException(e.getMessage());
    }
  }

  /**
   * The lock, read with the pyproject.toml beside it (poetry.lock and pdm.lock name their
   * project's roots there). A lock that cannot say what the project installs without it is an
   * input error naming the missing file, not a verdict about images.
   */
  static LockedSet readLock(Path path) throws InputParseError {
    if (!isLock(path.getFileName().toString())) {
      throw new UsageException(path + ": check reads uv.lock, pylock.toml, poetry.lock, pdm.lock and Pipfile.lock as locks");
    }
    LockedSet lock = (LockedSet) new ProjectInputs(Map.of()).read(path);
    if (!lock.rootsKnown() && (lock.kind() == InputKind.POETRY_LOCK || lock.kind() == InputKind.PDM_LOCK)) {
      Path pyproject = path.toAbsolutePath().resolveSibling("pyproject.toml");
      throw new UsageException(path + ": " + pyproject + " is missing; a " + lock.kind() + " (lock-version " + lock.lockVersion()
          + ") does not say which of its packages the project installs: its roots are in that pyproject.toml. "
          + "Put it next to the lock, or check the pyproject.toml's folder");
    }
    return lock;
  }
}
