package dev.wheelwise.project;

import dev.wheelwise.ParseError;
import dev.wheelwise.SourceSpan;
import java.util.Objects;

/**
 * A dependency input (requirements file, pyproject.toml, a lock file) that cannot be read: where
 * (file, line, column) and what was expected there. TOML and JSON syntax errors carry the
 * location Jackson reports; errors in the meaning of a well-formed file point at the line of the
 * key or table that holds the bad value.
 */
public final class InputParseError extends ParseError {

  private final String expected;

  public InputParseError(String problem, String expected, SourceSpan span) {
    super(problem + (expected.isEmpty() ? "" : "; expected " + expected), span);
    this.expected = Objects.requireNonNull(expected, "expected");
  }

  public InputParseError(String problem, String expected, SourceSpan span, Throwable cause) {
    this(problem, expected, span);
    initCause(cause);
  }

  /** What would have been valid at that place, e.g. {@code lock-version "1.0"}. */
  public String expected() {
    return expected;
  }
}
