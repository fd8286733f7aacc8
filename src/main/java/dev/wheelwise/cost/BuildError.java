package dev.wheelwise.cost;

import java.util.Objects;

/**
 * The error a user would see first when a build lacks something.
 *
 * @param message the line as the build prints it (or as close as known)
 * @param grounded the wording comes from a cited source (knowledge notes, DESIGN.md or issue
 *     text); {@code false} means it is wheelwise's description of the failure, not a quote
 * @param basis where the wording comes from and why this error comes first
 */
public record BuildError(String message, boolean grounded, String basis) {
  public BuildError {
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(basis, "basis");
  }
}
