package dev.wheelwise.pep508;

/**
 * A marker that parses but that the profile's packaging cannot evaluate: it raises there
 * ({@code UndefinedComparison} for {@code platform_machine ~= "x86"}; packaging 22–25's
 * {@code InvalidVersion} for {@code platform_release >= "6"} on a kernel string such as
 * {@code 6.1.0-18-amd64}; a variable that packaging release does not know). Unchecked: the
 * marker is valid, the target makes it fail, and pip fails the same way there.
 */
public final class MarkerEvaluationError extends RuntimeException {
  public MarkerEvaluationError(String message) {
    super(message);
  }
}
