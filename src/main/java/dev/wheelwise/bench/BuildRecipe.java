package dev.wheelwise.bench;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What to build for one candidate image: the Dockerfile text (the project's with its base
 * replaced, or one bench generated), the context folder it builds in (empty for a generated
 * one), the files bench adds to the context, which steps (1-based, as the engine numbers
 * them: every instruction in file order, ARGs before FROM included) install Python packages, and
 * where the project's Dockerfile is (its {@code <name>.dockerignore} beside it wins over the
 * context's {@code .dockerignore}, as with BuildKit).
 */
public record BuildRecipe(String image, String dockerfile, Optional<Path> context, Map<String, byte[]> addedFiles, Set<Integer> dependencySteps,
    Optional<Path> dockerfilePath) {

  public BuildRecipe {
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(dockerfile, "dockerfile");
    Objects.requireNonNull(context, "context");
    addedFiles = Map.copyOf(addedFiles);
    dependencySteps = Set.copyOf(dependencySteps);
    Objects.requireNonNull(dockerfilePath, "dockerfilePath");
  }

  /** A recipe with no Dockerfile of the project's (a generated one): only the context's .dockerignore applies. */
  public BuildRecipe(String image, String dockerfile, Optional<Path> context, Map<String, byte[]> addedFiles, Set<Integer> dependencySteps) {
    this(image, dockerfile, context, addedFiles, dependencySteps, Optional.empty());
  }
}
