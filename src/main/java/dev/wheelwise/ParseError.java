package dev.wheelwise;

import java.util.Objects;

/**
 * The one checked error every parser throws: what was wrong, where, and what was expected.
 * Subclasses name the input kind (an invalid version, requirement, Dockerfile…) so callers can
 * tell them apart without parsing messages.
 */
public class ParseError extends Exception {

  private final SourceSpan span;
  private final String plainMessage;

  public ParseError(String message, SourceSpan span) {
    super(span.location() + ": " + message);
    this.span = span;
    this.plainMessage = Objects.requireNonNull(message, "message");
  }

  public ParseError(String message, SourceSpan span, Throwable cause) {
    this(message, span);
    initCause(cause);
  }

  public SourceSpan span() {
    return span;
  }

  /** The message without the location. */
  public String plainMessage() {
    return plainMessage;
  }

  /**
   * {@code file:line:col: message}, the offending line, and carets under the span, columns
   * counted in code points, as uv and packaging do.
   */
  public String render() {
    StringBuilder out = new StringBuilder(getMessage()).append('\n');
    out.append("    ").append(span.lineText()).append('\n');
    out.append("    ").append(" ".repeat(span.column() - 1)).append("^".repeat(span.length()));
    return out.toString();
  }
}
