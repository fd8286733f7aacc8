package dev.wheelwise.image;

import dev.wheelwise.ParseError;
import dev.wheelwise.SourceSpan;

/** An image reference Docker would refuse, with the offending part underlined. */
public final class InvalidImageReference extends ParseError {
  public InvalidImageReference(String message, SourceSpan span) {
    super(message, span);
  }
}
