package dev.wheelwise.pep440;

import dev.wheelwise.ParseError;
import dev.wheelwise.SourceSpan;

/** A string that is not a PEP 440 version (packaging's {@code InvalidVersion}). */
public final class InvalidVersion extends ParseError {
  public InvalidVersion(String message, SourceSpan span) {
    super(message, span);
  }
}
