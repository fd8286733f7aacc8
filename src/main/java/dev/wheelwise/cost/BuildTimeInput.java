package dev.wheelwise.cost;

import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;

/**
 * One sdist build to estimate.
 *
 * @param name PEP 503 name
 * @param sdistBytes the sdist's size from the index, when known
 * @param toolchains from {@link BuildNeeds} (empty when unknown)
 * @param parallelism from the build backend ({@link Parallelism#of(BuildNeeds)})
 */
public record BuildTimeInput(String name, OptionalLong sdistBytes, Set<Toolchain> toolchains, Parallelism parallelism) {
  public BuildTimeInput {
    name = dev.wheelwise.pep508.Names.canonicalize(Objects.requireNonNull(name, "name"));
    Objects.requireNonNull(sdistBytes, "sdistBytes");
    toolchains = Set.copyOf(toolchains);
    Objects.requireNonNull(parallelism, "parallelism");
  }

  /** From what build-deps.tsv knows of the package. */
  public static BuildTimeInput of(BuildNeeds needs, OptionalLong sdistBytes) {
    Set<Toolchain> t = needs.isUnknown() ? needs.inferredToolchains() : needs.toolchains();
    return new BuildTimeInput(needs.name(), sdistBytes, t, Parallelism.of(needs));
  }
}
