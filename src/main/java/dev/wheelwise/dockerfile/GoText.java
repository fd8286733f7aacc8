package dev.wheelwise.dockerfile;

/**
 * The few Go string functions BuildKit's parser relies on, with Go's exact semantics:
 * {@code unicode.IsSpace}, {@code strings.TrimSpace}, {@code strconv.Quote}.
 */
final class GoText {
  private GoText() {}

  /** Go's {@code unicode.IsSpace}: ASCII white space, U+0085, U+00A0 and Unicode spaces. */
  static boolean isSpace(int c) {
    if (c < 0x100) {
      return c == ' ' || (c >= '\t' && c <= '\r') || c == 0x85 || c == 0xA0;
    }
    return Character.getType(c) == Character.SPACE_SEPARATOR
        || Character.getType(c) == Character.LINE_SEPARATOR
        || Character.getType(c) == Character.PARAGRAPH_SEPARATOR;
  }

  static int skipSpace(String s, int from) {
    int i = from;
    while (i < s.length()) {
      int c = s.codePointAt(i);
      if (!isSpace(c)) {
        break;
      }
      i += Character.charCount(c);
    }
    return i;
  }

  static int trimEnd(String s, int from) {
    int end = s.length();
    while (end > from) {
      int c = s.codePointBefore(end);
      if (!isSpace(c)) {
        break;
      }
      end -= Character.charCount(c);
    }
    return end;
  }

  /** Go's {@code strconv.Quote}. */
  static String quote(String s) {
    StringBuilder out = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); ) {
      int c = s.codePointAt(i);
      i += Character.charCount(c);
      if (c == '"' || c == '\\') {
        out.append('\\').appendCodePoint(c);
      } else if (isPrint(c)) {
        out.appendCodePoint(c);
      } else {
        switch (c) {
          case 0x07 -> out.append("\\a");
          case '\b' -> out.append("\\b");
          case '\f' -> out.append("\\f");
          case '\n' -> out.append("\\n");
          case '\r' -> out.append("\\r");
          case '\t' -> out.append("\\t");
          case 0x0B -> out.append("\\v");
          default -> {
            if (c < ' ' || c == 0x7f) {
              out.append(String.format("\\x%02x", c));
            } else if (Character.getType(c) == Character.SURROGATE) {
              out.append("\\ufffd");
            } else if (c < 0x10000) {
              out.append(String.format("\\u%04x", c));
            } else {
              out.append(String.format("\\U%08x", c));
            }
          }
        }
      }
    }
    return out.append('"').toString();
  }

  /** Go's {@code %q} of a string slice: {@code ["a" "b"]}. */
  static String quoteList(java.util.List<String> values) {
    StringBuilder out = new StringBuilder("[");
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        out.append(' ');
      }
      out.append(quote(values.get(i)));
    }
    return out.append(']').toString();
  }

  /** Go's {@code unicode.IsPrint}: letters, marks, numbers, punctuation, symbols and ASCII space. */
  static boolean isPrint(int c) {
    if (c <= 0xFF) {
      return (c >= 0x20 && c <= 0x7E) || (c >= 0xA1 && c <= 0xFF && c != 0xAD);
    }
    return switch (Character.getType(c)) {
      case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
          Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.NON_SPACING_MARK,
          Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK,
          Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER, Character.OTHER_NUMBER,
          Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION,
          Character.START_PUNCTUATION, Character.END_PUNCTUATION,
          Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
          Character.OTHER_PUNCTUATION, Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL,
          Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL -> true;
      default -> false;
    };
  }
}
