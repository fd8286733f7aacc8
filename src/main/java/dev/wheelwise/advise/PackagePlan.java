package dev.wheelwise.advise;

import dev.wheelwise.project.Origin;
import java.util.Objects;
import java.util.Optional;

/**
 * One package on one image: the choice and, for an sdist, what building it needs.
 *
 * @param name normalized name
 * @param version the chosen (or locked) version, empty when nothing is installable and no version was pinned
 * @param choice wheel, sdist or nothing
 * @param build the build's needs, for an sdist
 * @param filesComplete false when the choice was made from an incomplete file list (see {@link Wanted})
 * @param origin where the project asks for it, when one line does (see {@link Wanted#origin()})
 */
public record PackagePlan(String name, Optional<String> version, Choice choice, Optional<BuildNeed> build, boolean filesComplete,
    Optional<Origin> origin) {
  public PackagePlan {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(choice, "choice");
    Objects.requireNonNull(build, "build");
    Objects.requireNonNull(origin, "origin");
  }
}
