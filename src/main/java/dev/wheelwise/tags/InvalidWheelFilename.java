package dev.wheelwise.tags;

import dev.wheelwise.ParseError;
import dev.wheelwise.SourceSpan;

/** A file name that is not a valid wheel name (PEP 427; packaging's {@code InvalidWheelFilename}). */
public final class InvalidWheelFilename extends ParseError {
  public InvalidWheelFilename(String message, SourceSpan span) {
    super(message, span);
  }
}
