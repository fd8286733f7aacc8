package dev.wheelwise.pep508;

import dev.wheelwise.ParseError;
import dev.wheelwise.SourceSpan;

/** A string that is not a PEP 508 dependency specifier (packaging's {@code InvalidRequirement}). */
public final class InvalidRequirement extends ParseError {
  public InvalidRequirement(String message, SourceSpan span) {
    super(message, span);
  }

  public InvalidRequirement(String message, SourceSpan span, Throwable cause) {
    super(message, span, cause);
  }
}
