package dev.wheelwise.image;

import java.util.Objects;

/**
 * A candidate a user would compare an image with.
 *
 * @param relation how it relates to the image
 * @param image the candidate, resolved in the same catalog as of the same date
 */
public record Sibling(Relation relation, ResolvedImage image) {

  /** How a sibling relates to the image it was found for. */
  public enum Relation {
    /** The image itself. */
    SELF,
    /** The full variant (FROM buildpack-deps: compilers present), same Python and Debian release. */
    FULL,
    /** The slim variant, same Python and Debian release. */
    SLIM,
    /** The Alpine (musl) variant, same Python. */
    ALPINE,
    /** The same variant on the previous Debian release. */
    PREVIOUS_DEBIAN,
    /** A distroless Python image. */
    DISTROLESS,
    /** A Chainguard (Wolfi) Python image. */
    CHAINGUARD
  }

  public Sibling {
    Objects.requireNonNull(relation, "relation");
    Objects.requireNonNull(image, "image");
  }
}
