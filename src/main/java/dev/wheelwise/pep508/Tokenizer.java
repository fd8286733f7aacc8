package dev.wheelwise.pep508;

import dev.wheelwise.pep440.Specifier;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * packaging's context-sensitive tokenizer ({@code _tokenizer.py}): the parser asks whether a
 * named token comes next at the current position, then reads it. The rules are packaging's
 * {@code DEFAULT_RULES}.
 */
final class Tokenizer {
  private static final String VARIABLES_COMMON = "python_version|python_full_version|os[._]name|sys[._]platform"
      + "|platform_(?:release|system)|platform[._](?:version|machine|python_implementation)"
      + "|python_implementation|implementation_(?:name|version)";

  // UNIX_LINES: Python's $ matches before one final \n only.
  private static final Map<String, Pattern> RULES = Map.ofEntries(
      Map.entry("LEFT_PARENTHESIS", Pattern.compile("\\(")),
      Map.entry("RIGHT_PARENTHESIS", Pattern.compile("\\)")),
      Map.entry("LEFT_BRACKET", Pattern.compile("\\[")),
      Map.entry("RIGHT_BRACKET", Pattern.compile("\\]")),
      Map.entry("SEMICOLON", Pattern.compile(";")),
      Map.entry("COMMA", Pattern.compile(",")),
      Map.entry("QUOTED_STRING", Pattern.compile("'[^']*'|\"[^\"]*\"")),
      Map.entry("OP", Pattern.compile("===|==|~=|!=|<=|>=|<|>")),
      Map.entry("BOOLOP", Pattern.compile("\\b(?:or|and)\\b", Pattern.UNICODE_CHARACTER_CLASS)),
      Map.entry("IN", Pattern.compile("\\bin\\b", Pattern.UNICODE_CHARACTER_CLASS)),
      Map.entry("NOT", Pattern.compile("\\bnot\\b", Pattern.UNICODE_CHARACTER_CLASS)),
      Map.entry("VARIABLE", Pattern.compile("\\b(?:" + VARIABLES_COMMON + "|extras?|dependency_groups)\\b",
          Pattern.UNICODE_CHARACTER_CLASS)),
      Map.entry("VARIABLE_BEFORE_25", Pattern.compile("\\b(?:" + VARIABLES_COMMON + "|extra)\\b",
          Pattern.UNICODE_CHARACTER_CLASS)),
      Map.entry("SPECIFIER", Pattern.compile(Specifier.CLAUSE_REGEX, Specifier.REGEX_FLAGS)),
      Map.entry("SPECIFIER_21", Pattern.compile(Specifier.CLAUSE_REGEX_21, Specifier.REGEX_FLAGS_BEFORE_26)),
      Map.entry("LEGACY_SPECIFIER_21", Pattern.compile(Specifier.LEGACY_CLAUSE_REGEX, Specifier.REGEX_FLAGS_BEFORE_26)),
      Map.entry("AT", Pattern.compile("@")),
      Map.entry("URL", Pattern.compile("[^ \\t]+")),
      Map.entry("IDENTIFIER", Pattern.compile("\\b[a-zA-Z0-9][a-zA-Z0-9._-]*\\b", Pattern.UNICODE_CHARACTER_CLASS)),
      Map.entry("VERSION_PREFIX_TRAIL", Pattern.compile("\\.\\*")),
      Map.entry("VERSION_LOCAL_LABEL_TRAIL", Pattern.compile("\\+[a-z0-9]+(?:[-_.][a-z0-9]+)*")),
      Map.entry("WS", Pattern.compile("[ \\t]+")),
      Map.entry("END", Pattern.compile("$", Pattern.UNIX_LINES)));

  final String source;
  int position;
  private String nextName;
  private String nextText;

  Tokenizer(String source) {
    this.source = source;
  }

  /** Reads the named token if it comes next. */
  void consume(String name) {
    if (check(name)) {
      read();
    }
  }

  /** The length of the named token if it comes next, else -1; nothing is loaded. */
  int lengthOf(String name) {
    Matcher m = RULES.get(name).matcher(source);
    m.region(position, source.length());
    m.useTransparentBounds(true);
    m.useAnchoringBounds(false);
    return m.lookingAt() ? m.end() - position : -1;
  }

  /** Reads {@code length} characters as one token. */
  String readLength(int length) {
    if (nextName != null) {
      throw new IllegalStateException("a token is loaded: " + nextName);
    }
    String text = source.substring(position, position + length);
    position += length;
    return text;
  }

  /** Whether the named token comes next; loads it to be read. */
  boolean check(String name) {
    return check(name, false);
  }

  boolean check(String name, boolean peek) {
    if (nextName != null) {
      throw new IllegalStateException("cannot check for " + name + ", already have " + nextName);
    }
    Pattern rule = RULES.get(name);
    if (rule == null) {
      throw new IllegalArgumentException("unknown token " + name);
    }
    Matcher m = rule.matcher(source);
    m.region(position, source.length());
    m.useTransparentBounds(true);
    m.useAnchoringBounds(false);
    if (!m.lookingAt()) {
      return false;
    }
    if (!peek) {
      nextName = name;
      nextText = m.group();
    }
    return true;
  }

  /** Reads the named token, or fails saying what was expected. */
  String expect(String name, String expected) throws SyntaxProblem {
    if (!check(name)) {
      throw error("expected " + expected);
    }
    return read();
  }

  String read() {
    if (nextName == null) {
      throw new IllegalStateException("nothing to read");
    }
    String text = nextText;
    position += text.length();
    nextName = null;
    nextText = null;
    return text;
  }

  SyntaxProblem error(String message) {
    return error(message, position, position);
  }

  SyntaxProblem error(String message, int start, int end) {
    return new SyntaxProblem(message, start, end);
  }
}
