package dev.wheelwise.dockerfile;

import dev.wheelwise.SourceSpan;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A parsed Dockerfile: every element in file order (instructions, directives, comments, blank
 * lines), so that {@link #print()} gives back the exact bytes that were read. Parse with
 * {@link #parse(String, byte[])}; analyse with {@link DockerfileModel#of}.
 *
 * <p>{@code text} is the decoded file; {@code charset} is UTF-8, or ISO-8859-1 for files that
 * are not valid UTF-8 (which keeps every byte). {@code escape} is {@code \} or the character
 * the {@code # escape=} directive chose.
 */
public record Dockerfile(
    String source, String text, String charset, char escape, List<Directive> directives, List<Element> elements) {

  public Dockerfile {
    directives = List.copyOf(directives);
    elements = List.copyOf(elements);
  }

  /** Parses Dockerfile bytes; {@code source} names the file in errors. */
  public static Dockerfile parse(String source, byte[] bytes) throws DockerfileParseError {
    String text;
    String charset;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
      charset = StandardCharsets.UTF_8.name();
    } catch (CharacterCodingException notUtf8) {
      text = new String(bytes, StandardCharsets.ISO_8859_1);
      charset = StandardCharsets.ISO_8859_1.name();
    }
    checkLineLength(source, text, charset.equals(StandardCharsets.UTF_8.name()));
    return new Parser(source, text).parse(charset);
  }

  /** Parses Dockerfile text. */
  public static Dockerfile parse(String source, String text) throws DockerfileParseError {
    checkLineLength(source, text, true);
    return new Parser(source, text).parse(StandardCharsets.UTF_8.name());
  }

  /**
   * BuildKit reads a Dockerfile with a Go {@code bufio.Scanner} whose buffer holds 65,536 bytes,
   * newline included: a longer line fails the whole build with "dockerfile line greater than max
   * allowed size of 65535" (frontend/dockerfile/parser, handleScannerError). Said here, at that
   * line, rather than after a check that the build itself would never reach.
   */
  static final int MAX_LINE_BYTES = 65535;

  private static void checkLineLength(String source, String text, boolean utf8) throws DockerfileParseError {
    int start = 0;
    while (start <= text.length()) {
      int end = text.indexOf('\n', start);
      if (end < 0) {
        end = text.length();
      }
      // a UTF-8 char is at most 3 bytes per UTF-16 unit: count bytes only for lines that may be long
      if (end - start > MAX_LINE_BYTES / 3) {
        long bytes = utf8 ? text.substring(start, end).getBytes(StandardCharsets.UTF_8).length : end - start;
        if (bytes > MAX_LINE_BYTES) {
          throw new DockerfileParseError("dockerfile line greater than max allowed size of " + MAX_LINE_BYTES
              + " (this line has " + bytes + " bytes; BuildKit refuses the file)",
              SourceSpan.at(source, text, start, Math.min(end - start, 80)));
        }
      }
      start = end + 1;
    }
  }

  /** The instructions, in order. */
  public List<Instruction> instructions() {
    return elements.stream().filter(Instruction.class::isInstance).map(Instruction.class::cast).toList();
  }

  /** The file as text, rebuilt from the elements. */
  public String printText() {
    StringBuilder out = new StringBuilder(text.length());
    for (Element e : elements) {
      out.append(e.raw());
    }
    return out.toString();
  }

  /** The file as bytes, rebuilt from the elements in the charset it was read with. */
  public byte[] print() {
    return printText().getBytes(Charset.forName(charset));
  }

  /** BuildKit's {@code Node.Dump} of the whole file, as in its parser test files (no trailing newline). */
  public String dump() {
    return Dump.of(this);
  }
}
