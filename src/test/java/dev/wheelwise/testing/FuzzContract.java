package dev.wheelwise.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelwise.ParseError;
import java.nio.charset.StandardCharsets;

/** What every fuzz target checks of a parser's one typed error: a message and a span inside the input. */
public final class FuzzContract {
  private FuzzContract() {}

  /** The fuzzer's bytes as a parser reads text: UTF-8, malformed sequences replaced. */
  public static String text(byte[] data) {
    return new String(data, StandardCharsets.UTF_8);
  }

  /** A one-line input (version, specifier, requirement, file name): the column lies on it. */
  public static void spanInLine(ParseError e, String text) {
    assertThat(e.plainMessage()).as("message of %s", e).isNotBlank();
    assertThat(e.span().column()).as("column of %s in [%s]", e, text)
        .isBetween(1, text.codePointCount(0, text.length()) + 1);
    assertThat(e.render()).contains(e.plainMessage());
  }

  /** A multi-line input: the line exists (or is the one after the last) and the column lies on it. */
  public static void spanInText(ParseError e, String text) {
    assertThat(e.plainMessage()).as("message of %s", e).isNotBlank();
    // an upper bound: readers that split like Python's splitlines() also break at a lone CR
    long lines = text.chars().filter(c -> c == '\n' || c == '\r').count() + 1;
    assertThat((long) e.span().line()).as("line of %s", e).isBetween(1L, lines + 1);
    assertThat(e.span().column()).as("column of %s", e)
        .isBetween(1, e.span().lineText().codePointCount(0, e.span().lineText().length()) + 1);
    assertThat(e.render()).contains(e.plainMessage());
  }
}
