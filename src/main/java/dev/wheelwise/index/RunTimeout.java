package dev.wheelwise.index;

/**
 * The run's {@code --timeout} passed ({@link RunDeadline}). Unchecked on purpose: unlike an
 * {@link IndexError}, which callers turn into "unknown" for one project or file and carry on,
 * this must stop the whole run (exit 3), through every layer that would otherwise degrade.
 */
public final class RunTimeout extends RuntimeException {
  RunTimeout(String message) {
    super(message, null, false, false);
  }
}
