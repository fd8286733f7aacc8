package dev.wheelwise.dockerfile;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the heredocs an instruction line opens, as BuildKit's {@code heredocsFromLine} and
 * {@code ParseHeredoc} do: the line is split into shell words (quotes kept), and every word of
 * the form {@code [n]<<[-]WORD} names one heredoc. A quoted WORD turns expansion off.
 */
final class HeredocWords {
  private HeredocWords() {}

  private static final Pattern HEREDOC = Pattern.compile("^(\\d*)<<(-?)([^<]*)$", Pattern.DOTALL);

  record Spec(String name, boolean chomp, boolean expand, int fileDescriptor) {}

  static List<Spec> find(String line) {
    List<Spec> specs = new ArrayList<>();
    for (String word : rawWords(line)) {
      Matcher m = HEREDOC.matcher(word);
      if (!m.matches()) {
        continue;
      }
      String rest = m.group(3);
      if (rest.isEmpty()) {
        continue;
      }
      List<String> unquoted = unquotedWords(rest);
      if (unquoted.size() != 1) {
        continue;
      }
      String name = unquoted.get(0);
      int quotes = count(name);
      int rawQuotes = count(rest);
      int fd = 0;
      if (!m.group(1).isEmpty()) {
        try {
          fd = Integer.parseInt(m.group(1));
        } catch (NumberFormatException tooLong) {
          fd = 0;
        }
      }
      specs.add(new Spec(name, m.group(2).equals("-"), quotes == rawQuotes, fd));
    }
    return specs;
  }

  private static int count(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == '\'' || s.charAt(i) == '"') {
        n++;
      }
    }
    return n;
  }

  /** Words split on unquoted white space; quotes and escapes stay in the words. */
  static List<String> rawWords(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    char quote = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quote != 0) {
        word.append(c);
        if (c == '\\' && quote == '"' && i + 1 < line.length()) {
          word.append(line.charAt(++i));
        } else if (c == quote) {
          quote = 0;
        }
        continue;
      }
      if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
        continue;
      }
      inWord = true;
      word.append(c);
      if (c == '\\' && i + 1 < line.length()) {
        word.append(line.charAt(++i));
      } else if (c == '\'' || c == '"') {
        quote = c;
      }
    }
    if (inWord) {
      words.add(word.toString());
    }
    return words;
  }

  /** Words with quotes removed and escapes resolved. */
  static List<String> unquotedWords(String s) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
        continue;
      }
      inWord = true;
      if (c == '\\' && i + 1 < s.length()) {
        word.append(s.charAt(++i));
      } else if (c == '\'') {
        int close = s.indexOf('\'', i + 1);
        int end = close < 0 ? s.length() : close;
        word.append(s, i + 1, end);
        i = end;
      } else if (c == '"') {
        i++;
        while (i < s.length() && s.charAt(i) != '"') {
          if (s.charAt(i) == '\\' && i + 1 < s.length()) {
            i++;
          }
          word.append(s.charAt(i));
          i++;
        }
      } else {
        word.append(c);
      }
    }
    if (inWord) {
      words.add(word.toString());
    }
    return words;
  }
}
