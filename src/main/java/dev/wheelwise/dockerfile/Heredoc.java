package dev.wheelwise.dockerfile;

/**
 * A here-document attached to RUN, COPY or ADD ({@code <<EOF}, {@code <<-EOF}, {@code
 * <<"EOF"}). {@code content} is the body exactly as written, line endings included, without
 * the terminator line; {@code chomp} ({@code <<-}) means leading tabs are stripped when the
 * body is used; {@code expand} is false when the delimiter was quoted, so variables in the body
 * stay literal. {@code line} is the 1-based line of the body's first line.
 */
public record Heredoc(String name, boolean chomp, boolean expand, int fileDescriptor, String content, int line, int offset) {

  /** The body as the shell or file receives it: with {@code <<-}, leading tabs removed per line. */
  public String effectiveContent() {
    if (!chomp) {
      return content;
    }
    StringBuilder out = new StringBuilder(content.length());
    boolean lineStart = true;
    for (int i = 0; i < content.length(); i++) {
      char c = content.charAt(i);
      if (lineStart && c == '\t') {
        continue;
      }
      lineStart = c == '\n';
      out.append(c);
    }
    return out.toString();
  }
}
