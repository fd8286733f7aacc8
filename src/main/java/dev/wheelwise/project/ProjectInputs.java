package dev.wheelwise.project;

import dev.wheelwise.SourceSpan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** Reads any dependency input by its file name; the entry point other packages use. */
public final class ProjectInputs {

  private final Map<String, String> environment;

  /** @param environment variables for {@code ${VAR}} in requirements files */
  public ProjectInputs(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  /** The kind a file name says, if it is one wheelwise reads. */
  public static Optional<InputKind> kindOf(Path file) {
    String name = file.getFileName().toString();
    if (name.equals("uv.lock")) {
      return Optional.of(InputKind.UV_LOCK);
    }
    if (name.equals("pylock.toml") || name.matches("pylock\\.[^.]+\\.toml")) {
      return Optional.of(InputKind.PYLOCK);
    }
    if (name.equals("poetry.lock")) {
      return Optional.of(InputKind.POETRY_LOCK);
    }
    if (name.equals("pdm.lock")) {
      return Optional.of(InputKind.PDM_LOCK);
    }
    if (name.equals("Pipfile.lock")) {
      return Optional.of(InputKind.PIPFILE_LOCK);
    }
    if (name.equals("pyproject.toml")) {
      return Optional.of(InputKind.PYPROJECT);
    }
    if (name.endsWith(".txt") || name.endsWith(".in") || name.startsWith("requirements")) {
      return Optional.of(InputKind.REQUIREMENTS);
    }
    return Optional.empty();
  }

  public ProjectInput read(Path file) throws InputParseError {
    InputKind kind = kindOf(file).orElseThrow(() -> new InputParseError("not a dependency file wheelwise reads: " + file,
        "uv.lock, pylock.toml, poetry.lock, pdm.lock, Pipfile.lock, pyproject.toml or a requirements file",
        new SourceSpan(file.toString(), 1, 1, 1, "")));
    return switch (kind) {
      case UV_LOCK -> UvLockReader.read(file);
      case PYLOCK -> PylockReader.read(file);
      case POETRY_LOCK -> PoetryLockReader.read(file, siblingPyproject(file));
      case PDM_LOCK -> PdmLockReader.read(file, siblingPyproject(file));
      case PIPFILE_LOCK -> PipfileLockReader.read(file);
      case PYPROJECT -> PyprojectReader.read(file);
      case REQUIREMENTS -> new RequirementsFileReader(environment).read(file);
    };
  }

  private static Optional<RequirementSet> siblingPyproject(Path lock) throws InputParseError {
    Path pyproject = lock.resolveSibling("pyproject.toml");
    return Files.isRegularFile(pyproject) ? Optional.of(PyprojectReader.read(pyproject)) : Optional.empty();
  }
}
