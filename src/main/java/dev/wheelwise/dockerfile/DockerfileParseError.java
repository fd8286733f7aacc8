package dev.wheelwise.dockerfile;

import dev.wheelwise.ParseError;
import dev.wheelwise.SourceSpan;

/**
 * A Dockerfile BuildKit would refuse. Messages use BuildKit's wording where it has one (for
 * example {@code ENV must have two arguments}, {@code unterminated heredoc}, {@code file with
 * no instructions}), so users can search for them.
 */
public final class DockerfileParseError extends ParseError {
  public DockerfileParseError(String message, SourceSpan span) {
    super(message, span);
  }
}
