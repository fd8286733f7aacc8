package dev.wheelwise.pep508;

import dev.wheelwise.ParseError;
import dev.wheelwise.SourceSpan;

/** A string that is not a PEP 508 environment marker (packaging's {@code InvalidMarker}). */
public final class InvalidMarker extends ParseError {
  public InvalidMarker(String message, SourceSpan span) {
    super(message, span);
  }
}
