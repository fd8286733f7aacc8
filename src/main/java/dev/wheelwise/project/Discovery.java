package dev.wheelwise.project;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds the dependency input of a project folder the way users expect: a lock file wins over
 * the requirements it was made from (uv.lock, then pylock.toml, poetry.lock, pdm.lock,
 * Pipfile.lock), then a requirements file ({@code requirements.txt} before other
 * {@code requirements*.txt}, a compiled {@code .txt} before its {@code .in}), then
 * pyproject.toml. The answer says which file and why, and what else was there.
 */
public final class Discovery {

  /**
   * @param file the input chosen
   * @param kind its kind
   * @param reason why this file, in a sentence
   * @param alsoFound the other inputs in the folder, not used
   */
  public record Found(Path file, InputKind kind, String reason, List<Path> alsoFound) {
    public Found {
      alsoFound = List.copyOf(alsoFound);
    }
  }

  private Discovery() {}

  /** The input of {@code folder}, or empty when it holds none wheelwise reads. */
  public static Optional<Found> discover(Path folder) throws IOException {
    List<Path> candidates = new ArrayList<>();
    try (Stream<Path> files = Files.list(folder)) {
      files.filter(Files::isRegularFile).filter(p -> ProjectInputs.kindOf(p).isPresent())
          .filter(p -> !p.getFileName().toString().endsWith(".txt") || p.getFileName().toString().startsWith("requirements"))
          .filter(p -> !p.getFileName().toString().endsWith(".in") || p.getFileName().toString().startsWith("requirements"))
          .sorted()
          .forEach(candidates::add);
    }
    if (candidates.isEmpty()) {
      return Optional.empty();
    }
    candidates.sort((a, b) -> Integer.compare(rank(a), rank(b)));
    Path chosen = candidates.get(0);
    InputKind kind = ProjectInputs.kindOf(chosen).orElseThrow();
    List<Path> others = candidates.subList(1, candidates.size());
    String otherNames = String.join(", ", others.stream().map(p -> p.getFileName().toString()).toList());
    String reason;
    if (kind.locked()) {
      reason = chosen.getFileName() + " is a lock file: its exact versions are what gets installed"
          + (others.isEmpty() ? "" : ", so it wins over " + otherNames);
    } else if (kind == InputKind.REQUIREMENTS) {
      reason = "no lock file; " + chosen.getFileName() + " is what `pip install -r` installs"
          + (others.isEmpty() ? "" : " (also found: " + otherNames + ")");
    } else {
      reason = "no lock file and no requirements file; the dependencies declared in pyproject.toml are resolved";
    }
    return Optional.of(new Found(chosen, kind, reason, others));
  }

  private static int rank(Path p) {
    String name = p.getFileName().toString();
    InputKind kind = ProjectInputs.kindOf(p).orElseThrow();
    return switch (kind) {
      case UV_LOCK -> 0;
      case PYLOCK -> name.equals("pylock.toml") ? 1 : 2;
      case POETRY_LOCK -> 3;
      case PDM_LOCK -> 4;
      case PIPFILE_LOCK -> 5;
      case REQUIREMENTS -> name.equals("requirements.txt") ? 6 : name.endsWith(".txt") ? 7 : 8;
      case PYPROJECT -> 9;
    };
  }
}
