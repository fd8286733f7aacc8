package dev.wheelwise.dockerfile;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** BuildKit's argument parsers ({@code line_parsers.go}), one per instruction shape. */
final class Arguments {
  private Arguments() {}

  /** A BuildKit parse failure with its wording. */
  static final class Invalid extends Exception {
    Invalid(String message) {
      super(message);
    }
  }

  static final String NOT_STRING_ARRAY = "when using JSON array syntax, arrays must be comprised of strings only";
  private static final Pattern WHITESPACE = Pattern.compile("[\\t\\u000B\\f\\r ]+");
  // Go's encoding/json stops at 10000 levels; the streaming parser never recurses.
  private static final JsonFactory JSON =
      JsonFactory.builder()
          .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(10_000).maxStringLength(Integer.MAX_VALUE).maxNumberLength(Integer.MAX_VALUE).build())
          .build();

  /** RUN, CMD, ENTRYPOINT, SHELL: a JSON array of strings, else the text as one argument. */
  static boolean maybeJson(String rest, List<String> out) throws Invalid {
    if (rest.isEmpty()) {
      return false;
    }
    List<String> json = json(rest);
    if (json != null) {
      out.addAll(json);
      return true;
    }
    out.add(rest);
    return false;
  }

  /** ADD, COPY, VOLUME: a JSON array of strings, else whitespace-separated words. */
  static boolean maybeJsonToList(String rest, List<String> out) throws Invalid {
    List<String> json = json(rest);
    if (json != null) {
      out.addAll(json);
      return true;
    }
    whitespaceDelimited(rest, out);
    return false;
  }

  static void whitespaceDelimited(String rest, List<String> out) {
    if (rest.isEmpty()) {
      return;
    }
    for (String s : WHITESPACE.split(rest, -1)) {
      out.add(s);
    }
  }

  /** HEALTHCHECK: the type word, then the command as RUN would parse it. */
  static boolean healthcheck(String rest, List<String> out) throws Invalid {
    int sep = 0;
    while (sep < rest.length() && !GoText.isSpace(rest.charAt(sep))) {
      sep++;
    }
    if (sep == 0) {
      return false;
    }
    int next = sep;
    while (next < rest.length() && GoText.isSpace(rest.charAt(next))) {
      next++;
    }
    out.add(rest.substring(0, sep));
    return maybeJson(rest.substring(next), out);
  }

  /** ENV and LABEL: {@code key value} (legacy, separator "") or {@code k=v k2=v2} (separator "="). */
  static void nameVal(String rest, String key, char escape, List<String> out) throws Invalid {
    List<String> words = words(rest, escape);
    if (words.isEmpty()) {
      return;
    }
    if (!words.get(0).contains("=")) {
      String[] parts = WHITESPACE.split(rest, 2);
      if (parts.length < 2) {
        throw new Invalid(key + " must have two arguments");
      }
      out.add(parts[0]);
      out.add(parts[1]);
      out.add("");
      return;
    }
    for (String word : words) {
      int eq = word.indexOf('=');
      if (eq < 0) {
        throw new Invalid("Syntax error - can't find = in " + GoText.quote(word) + ". Must be of the form: name=value");
      }
      out.add(word.substring(0, eq));
      out.add(word.substring(eq + 1));
      out.add("=");
    }
  }

  /**
   * BuildKit's {@code parseWords}: space-separated words; quotes are kept (they are removed
   * later, when the value is expanded) and the escape character is kept with the character it
   * escapes.
   */
  static List<String> words(String rest, char escape) {
    List<String> words = new ArrayList<>();
    final int inSpaces = 0;
    final int inWord = 1;
    final int inQuote = 2;
    int phase = inSpaces;
    StringBuilder word = new StringBuilder();
    int quote = 0;
    boolean blankOk = false;
    int ch = 0;
    int width = 0;
    int n = rest.length();
    for (int pos = 0; pos <= n; pos += width) {
      if (pos != n) {
        ch = rest.codePointAt(pos);
        width = Character.charCount(ch);
      }
      if (phase == inSpaces) {
        if (pos == n) {
          break;
        }
        if (GoText.isSpace(ch)) {
          continue;
        }
        phase = inWord;
      }
      if ((phase == inWord || phase == inQuote) && pos == n) {
        if (blankOk || word.length() > 0) {
          words.add(word.toString());
        }
        break;
      }
      if (phase == inWord) {
        if (GoText.isSpace(ch)) {
          phase = inSpaces;
          if (blankOk || word.length() > 0) {
            words.add(word.toString());
          }
          word.setLength(0);
          blankOk = false;
          continue;
        }
        if (ch == '\'' || ch == '"') {
          quote = ch;
          blankOk = true;
          phase = inQuote;
        }
        if (ch == escape) {
          if (pos + width == n) {
            continue;
          }
          word.appendCodePoint(ch);
          pos += width;
          ch = rest.codePointAt(pos);
          width = Character.charCount(ch);
        }
        word.appendCodePoint(ch);
        continue;
      }
      if (phase == inQuote) {
        if (ch == quote) {
          phase = inWord;
        }
        if (ch == escape && quote != '\'') {
          if (pos + width == n) {
            phase = inWord;
            continue;
          }
          pos += width;
          word.appendCodePoint(ch);
          ch = rest.codePointAt(pos);
          width = Character.charCount(ch);
        }
        word.appendCodePoint(ch);
      }
    }
    return words;
  }

  /**
   * The strings of a JSON array, or null when {@code rest} does not start with a valid JSON
   * array (BuildKit then falls back to the shell form); text after the array is ignored, as
   * BuildKit's {@code json.Decoder} does. A valid array holding anything but strings is an
   * error.
   */
  static List<String> json(String rest) throws Invalid {
    String s = rest.substring(GoText.skipSpace(rest, 0));
    if (!s.startsWith("[")) {
      return null;
    }
    List<String> values = new ArrayList<>();
    boolean nonString = false;
    try (JsonParser parser = JSON.createParser(s)) {
      JsonToken token = parser.nextToken();
      if (token != JsonToken.START_ARRAY) {
        return null;
      }
      int depth = 1;
      while (depth > 0) {
        token = parser.nextToken();
        if (token == null) {
          return null;
        }
        switch (token) {
          case START_ARRAY, START_OBJECT -> {
            if (depth == 1) {
              nonString = true;
            }
            depth++;
          }
          case END_ARRAY, END_OBJECT -> depth--;
          case VALUE_STRING -> {
            if (depth == 1) {
              values.add(parser.getText());
            }
          }
          case FIELD_NAME -> {}
          default -> {
            if (depth == 1) {
              nonString = true;
            }
          }
        }
      }
      // BuildKit decodes one JSON value with json.Decoder and ignores whatever follows it
    } catch (IOException | RuntimeException notJson) {
      return null;
    }
    if (nonString) {
      throw new Invalid(NOT_STRING_ARRAY);
    }
    return values;
  }
}
