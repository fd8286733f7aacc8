package dev.wheelwise.dockerfile;

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
    return new Parser(source, text).parse(charset);
  }

  /** Parses Dockerfile text. */
  public static Dockerfile parse(String source, String text) throws DockerfileParseError {
    return new Parser(source, text).parse(StandardCharsets.UTF_8.name());
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
