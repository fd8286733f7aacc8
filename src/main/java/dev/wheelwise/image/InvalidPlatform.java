package dev.wheelwise.image;

import dev.wheelwise.ParseError;
import dev.wheelwise.SourceSpan;

/** A {@code --platform} value that is not {@code os/arch[/variant]}. */
public final class InvalidPlatform extends ParseError {
  public InvalidPlatform(String message, SourceSpan span) {
    super(message, span);
  }
}
