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
 * pyproject.toml. Other requirement files count too: {@code requirements/*.txt} and any
 * {@code *.txt} whose every line is a requirement or a pip option ({@code docs.txt}). Without a
 * lock or {@code requirements.txt}, one such file is used and said so; several are ambiguous
 * ({@link AmbiguousInputs}). The answer says which file and why, and what else was there.
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
  public static Optional<Found> discover(Path folder) throws IOException, AmbiguousInputs {
    List<Path> candidates = new ArrayList<>();
    try (Stream<Path> files = Files.list(folder)) {
      files.filter(Files::isRegularFile).filter(p -> ProjectInputs.kindOf(p).isPresent())
          .filter(p -> isNamedInput(p) || looksLikeRequirements(p))
          .sorted()
          .forEach(candidates::add);
    }
    Path sub = folder.resolve("requirements");
    if (Files.isDirectory(sub)) {
      try (Stream<Path> files = Files.list(sub)) {
        files.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().endsWith(".txt")
            || p.getFileName().toString().endsWith(".in")).sorted().forEach(candidates::add);
      }
    }
    if (candidates.isEmpty()) {
      return Optional.empty();
    }
    candidates.sort((a, b) -> Integer.compare(rank(a), rank(b)));
    Path chosen = candidates.get(0);
    InputKind kind = ProjectInputs.kindOf(chosen).orElseThrow();
    if (rank(chosen) >= OTHER_REQUIREMENTS) {
      // Several files pip could be given, none of them the conventional one: a guess would be a lie.
      List<Path> choices = candidates.stream().filter(p -> rank(p) == OTHER_REQUIREMENTS).toList();
      if (choices.size() > 1) {
        throw new AmbiguousInputs(folder, choices);
      }
    }
    List<Path> others = candidates.subList(1, candidates.size());
    String otherNames = String.join(", ", others.stream().map(p -> folder.relativize(p).toString()).toList());
    String name = folder.relativize(chosen).toString();
    String reason;
    if (kind.locked()) {
      reason = name + " is a lock file: its exact versions are what gets installed"
          + (others.isEmpty() ? "" : ", so it wins over " + otherNames);
    } else if (kind == InputKind.REQUIREMENTS && rank(chosen) < OTHER_REQUIREMENTS) {
      reason = "no lock file; " + name + " is what `pip install -r` installs"
          + (others.isEmpty() ? "" : " (also found: " + otherNames + ")");
    } else if (kind == InputKind.REQUIREMENTS) {
      reason = "no lock file and no requirements.txt; " + name + " is the only other requirements file"
          + (others.isEmpty() ? "" : " (also found: " + otherNames + ")");
    } else {
      reason = "no lock file and no requirements file; the dependencies declared in pyproject.toml are resolved";
    }
    return Optional.of(new Found(chosen, kind, reason, others));
  }

  /** Locks, pyproject.toml and requirements*.txt / requirements*.in: inputs by their names. */
  private static boolean isNamedInput(Path p) {
    String name = p.getFileName().toString();
    return !(name.endsWith(".txt") || name.endsWith(".in")) || name.startsWith("requirements");
  }

  private static final int MAX_SNIFF_BYTES = 64 * 1024;

  /**
   * A {@code .txt} read as requirements only when it is one: every line blank, a comment, a pip
   * option ({@code -r}, {@code --index-url} …) or a PEP 508 requirement, and at least one
   * requirement. notes.txt, LICENSE.txt and CMakeLists.txt are not.
   */
  static boolean looksLikeRequirements(Path p) {
    if (!p.getFileName().toString().endsWith(".txt")) {
      return false;
    }
    try {
      if (Files.size(p) > MAX_SNIFF_BYTES) {
        return false;
      }
      int requirements = 0;
      for (String raw : Files.readAllLines(p)) {
        String line = raw.strip();
        int hash = line.indexOf(" #");
        line = (hash >= 0 ? line.substring(0, hash) : line.startsWith("#") ? "" : line).strip();
        if (line.isEmpty() || line.startsWith("-")) {
          continue;
        }
        dev.wheelwise.pep508.Requirement.parse(line);
        requirements++;
      }
      return requirements > 0;
    } catch (IOException | RuntimeException | dev.wheelwise.pep508.InvalidRequirement notRequirements) {
      return false;
    }
  }

  /** requirements-*.txt, requirements/*.txt and other requirement .txt files share this rank. */
  private static final int OTHER_REQUIREMENTS = 7;

  private static int rank(Path p) {
    String name = p.getFileName().toString();
    InputKind kind = ProjectInputs.kindOf(p).orElseThrow();
    return switch (kind) {
      case UV_LOCK -> 0;
      case PYLOCK -> name.equals("pylock.toml") ? 1 : 2;
      case POETRY_LOCK -> 3;
      case PDM_LOCK -> 4;
      case PIPFILE_LOCK -> 5;
      case REQUIREMENTS -> name.equals("requirements.txt") && !p.getParent().getFileName().toString().equals("requirements") ? 6
          : name.endsWith(".txt") || !Files.exists(p.resolveSibling(name.replaceFirst("\\.in$", ".txt"))) ? OTHER_REQUIREMENTS : 8;
      case PYPROJECT -> 9;
    };
  }
}
