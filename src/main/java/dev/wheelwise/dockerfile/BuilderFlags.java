package dev.wheelwise.dockerfile;

import java.util.List;

/** BuildKit's {@code extractBuilderFlags}: the leading {@code --flag[=value]} words of an instruction. */
final class BuilderFlags {
  private BuilderFlags() {}

  /**
   * Adds the flags at the start of {@code line} to {@code words} and returns the index where the
   * remaining arguments begin ({@code line.length()} when nothing remains). A lone {@code --}
   * ends the flags; quotes group, backslash escapes one character.
   */
  static int extract(String line, List<String> words) {
    final int inSpaces = 0;
    final int inWord = 1;
    final int inQuote = 2;
    int phase = inSpaces;
    StringBuilder word = new StringBuilder();
    char quote = 0;
    boolean blankOk = false;
    char ch = 0;
    int n = line.length();
    for (int pos = 0; pos <= n; pos++) {
      if (pos != n) {
        ch = line.charAt(pos);
      }
      if (phase == inSpaces) {
        if (pos == n) {
          break;
        }
        if (GoText.isSpace(ch)) {
          continue;
        }
        if (ch != '-' || pos + 1 == n || line.charAt(pos + 1) != '-') {
          return pos;
        }
        phase = inWord;
      }
      if ((phase == inWord || phase == inQuote) && pos == n) {
        if (!word.toString().equals("--") && (blankOk || word.length() > 0)) {
          words.add(word.toString());
        }
        break;
      }
      if (phase == inWord) {
        if (GoText.isSpace(ch)) {
          phase = inSpaces;
          if (word.toString().equals("--")) {
            return pos;
          }
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
          continue;
        }
        if (ch == '\\') {
          if (pos + 1 == n) {
            continue;
          }
          pos++;
          ch = line.charAt(pos);
        }
        word.append(ch);
        continue;
      }
      if (phase == inQuote) {
        if (ch == quote) {
          phase = inWord;
          continue;
        }
        if (ch == '\\') {
          if (pos + 1 == n) {
            phase = inWord;
            continue;
          }
          pos++;
          ch = line.charAt(pos);
        }
        word.append(ch);
      }
    }
    return n;
  }
}
