package dev.wheelwise.tags;

import dev.wheelwise.ParseError;
import dev.wheelwise.SourceSpan;

/** A file name that is not a valid sdist name (packaging's {@code InvalidSdistFilename}). */
public final class InvalidSdistFilename extends ParseError {
  public InvalidSdistFilename(String message, SourceSpan span) {
    super(message, span);
  }
}
