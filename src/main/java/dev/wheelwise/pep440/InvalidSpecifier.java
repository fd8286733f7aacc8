package dev.wheelwise.pep440;

import dev.wheelwise.ParseError;
import dev.wheelwise.SourceSpan;

/**
 * A string that is not a PEP 440 version specifier (packaging's {@code InvalidSpecifier}). The
 * span points at the offending clause of a comma-separated set.
 */
public final class InvalidSpecifier extends ParseError {
  private final String text;

  public InvalidSpecifier(String text, String message, SourceSpan span) {
    super(message, span);
    this.text = text;
  }

  /** The clause that failed, as written. */
  public String text() {
    return text;
  }
}
