package dev.wheelwise.pep508;

/**
 * The body of a quoted marker value as Python's {@code ast.literal_eval} reads it (packaging
 * 22+; 21.3 kept the text raw): backslash escapes of a str literal, an unknown escape kept as
 * written. A malformed escape is a {@code SyntaxError} in packaging, a problem here.
 */
final class PythonString {
  private PythonString() {}

  /** The value, or throws with a plain message naming the bad escape. */
  static String unescape(String body) throws BadEscape {
    int nul = body.indexOf('\0');
    if (nul >= 0) {
      // ast.literal_eval compiles the literal, and Python refuses source text with a NUL
      throw new BadEscape("a NUL character (Python refuses source text with null bytes)", nul);
    }
    for (int k = 0; k < body.length(); k++) {
      char c = body.charAt(k);
      if (c == '\\') {
        k++; // the escaped character, a line break included (a continuation)
      } else if (c == '\n' || c == '\r') {
        // One-quote Python literals end at the line: "unterminated string literal" (fuzzing found it)
        throw new BadEscape("a line break inside the quoted string (Python: unterminated string literal)", k);
      }
    }
    if (body.indexOf('\\') < 0) {
      return body;
    }
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < body.length()) {
      char c = body.charAt(i);
      if (c != '\\') {
        out.append(c);
        i++;
        continue;
      }
      if (i + 1 >= body.length()) {
        throw new BadEscape("a backslash ends the quoted string, so its closing quote is escaped", i);
      }
      char e = body.charAt(i + 1);
      i += 2;
      switch (e) {
        case '\n' -> { }
        case '\r' -> {
          if (i < body.length() && body.charAt(i) == '\n') {
            i++; // backslash CR LF: one continuation
          }
        }
        case '\\' -> out.append('\\');
        case '\'' -> out.append('\'');
        case '"' -> out.append('"');
        case 'a' -> out.append('\u0007');
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case 'v' -> out.append('\u000b');
        case 'x' -> i = hex(body, i, 2, out);
        case 'u' -> i = hex(body, i, 4, out);
        case 'U' -> i = hex(body, i, 8, out);
        case 'N' -> i = named(body, i, out);
        default -> {
          if (e >= '0' && e <= '7') {
            int end = i;
            while (end < body.length() && end < i + 2 && body.charAt(end) >= '0' && body.charAt(end) <= '7') {
              end++;
            }
            out.appendCodePoint(Integer.parseInt(body.substring(i - 1, end), 8));
            i = end;
          } else {
            out.append('\\').append(e);
          }
        }
      }
    }
    return out.toString();
  }

  private static int hex(String body, int at, int digits, StringBuilder out) throws BadEscape {
    if (at + digits > body.length() || !body.substring(at, at + digits).matches("[0-9a-fA-F]+")) {
      throw new BadEscape("\\" + body.charAt(at - 1) + " needs " + digits + " hex digits", at - 2);
    }
    long code = Long.parseLong(body.substring(at, at + digits), 16);
    if (code > Character.MAX_CODE_POINT) {
      throw new BadEscape("\\U" + body.substring(at, at + digits) + " is beyond Unicode", at - 2);
    }
    out.appendCodePoint((int) code);
    return at + digits;
  }

  private static int named(String body, int at, StringBuilder out) throws BadEscape {
    int close = body.indexOf('}', at);
    if (at >= body.length() || body.charAt(at) != '{' || close < 0) {
      throw new BadEscape("\\N needs a {NAME}", at - 2);
    }
    try {
      out.appendCodePoint(Character.codePointOf(body.substring(at + 1, close)));
    } catch (IllegalArgumentException e) {
      throw new BadEscape("unknown Unicode character name " + body.substring(at + 1, close), at - 2);
    }
    return close + 1;
  }

  /** A malformed escape at an offset of the body. */
  static final class BadEscape extends Exception {
    final int offset;

    BadEscape(String message, int offset) {
      super(message, null, false, false);
      this.offset = offset;
    }
  }
}
