package dev.wheelwise.dockerfile;

/**
 * Source text between instructions: a parser directive, a comment or a blank line, kept so the
 * file prints back byte for byte. {@code raw} includes the line ending.
 */
public record Trivia(Kind kind, int line, int offset, String raw) implements Element {
  public enum Kind {
    DIRECTIVE,
    COMMENT,
    BLANK
  }
}
