package dev.wheelwise;

import java.util.Objects;

/**
 * Where a piece of input text sits: the source (a file path, or a label such as
 * {@code "<requirement>"}), a 1-based line and column counted in code points, the length of
 * the offending text, and the text of that line for rendering a caret underline.
 */
public record SourceSpan(String source, int line, int column, int length, String lineText) {

  public SourceSpan {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(lineText, "lineText");
    if (line < 1 || column < 1) {
      throw new IllegalArgumentException("line and column are 1-based: " + line + ":" + column);
    }
    length = Math.max(1, length);
  }

  /** A span inside a one-line input such as a version or a requirement string. */
  public static SourceSpan inLine(String source, String text, int offset, int length) {
    int column = text.codePointCount(0, Math.min(Math.max(offset, 0), text.length())) + 1;
    return new SourceSpan(source, 1, column, length, text);
  }

  /** A span at a character offset of a multi-line text. */
  public static SourceSpan at(String source, String text, int offset, int length) {
    int clamped = Math.min(Math.max(offset, 0), text.length());
    int lineStart = text.lastIndexOf('\n', clamped - 1) + 1;
    int lineEnd = text.indexOf('\n', clamped);
    if (lineEnd < 0) {
      lineEnd = text.length();
    }
    int line = 1;
    for (int i = 0; i < lineStart; i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    String lineText = text.substring(lineStart, lineEnd);
    if (lineText.endsWith("\r")) {
      lineText = lineText.substring(0, lineText.length() - 1);
    }
    int column = text.codePointCount(lineStart, clamped) + 1;
    return new SourceSpan(source, line, column, length, lineText);
  }

  /** {@code source:line:column}. */
  public String location() {
    return source + ":" + line + ":" + column;
  }
}
