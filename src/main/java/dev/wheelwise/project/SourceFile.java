package dev.wheelwise.project;

import dev.wheelwise.LocalFiles;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.wheelwise.SourceSpan;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of one input file, its tree when it is TOML or JSON, and where things are in it.
 * Syntax errors come from Jackson with a line and column; errors in a well-formed file's meaning
 * point at the line of the key or table that holds the value, found in the text.
 */
final class SourceFile {

  private static final TomlMapper TOML = new TomlMapper();
  /** Keeps TOML date-times apart from strings (as POJO nodes of java.time values), for PEP 751. */
  private static final TomlMapper TOML_WITH_TIMES =
      TomlMapper.builder().enable(com.fasterxml.jackson.dataformat.toml.TomlReadFeature.PARSE_JAVA_TIME).build();
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Deepest nesting of arrays and tables read from TOML or JSON (real locks nest about 5). */
  static final int MAX_NESTING = 100;

  final String name;
  final String text;
  private JsonNode tree;

  private SourceFile(String name, String text) {
    this.name = name;
    this.text = text;
  }

  /** Reads a file as UTF-8 (a leading BOM dropped); undecodable bytes are an error, not mojibake. */
  static SourceFile read(Path path) throws InputParseError {
    String name = path.toString();
    byte[] bytes;
    try {
      bytes = LocalFiles.read(path);
    } catch (LocalFiles.TooLarge e) {
      throw new InputParseError(e.reason(), "a file within --max-file-size", new SourceSpan(name, 1, 1, 1, ""), e);
    } catch (IOException e) {
      throw new InputParseError("cannot read " + name + ": " + e.getMessage(), "a readable file",
          new SourceSpan(name, 1, 1, 1, ""), e);
    }
    try {
      String text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
      if (text.startsWith("\uFEFF")) {
        text = text.substring(1);
      }
      return new SourceFile(name, text);
    } catch (CharacterCodingException e) {
      throw new InputParseError("not UTF-8 text", "a UTF-8 encoded file", new SourceSpan(name, 1, 1, 1, ""), e);
    }
  }

  static SourceFile of(String name, String text) {
    return new SourceFile(name, text);
  }

  /** The TOML tree; a syntax error becomes an error at Jackson's line and column. */
  JsonNode toml() throws InputParseError {
    if (tree == null) {
      tree = parse(TOML, "TOML 1.0");
    }
    return tree;
  }

  /** The TOML tree with date-times as java.time values rather than strings. */
  JsonNode tomlWithTimes() throws InputParseError {
    if (tree == null) {
      tree = parse(TOML_WITH_TIMES, "TOML 1.0");
    }
    return tree;
  }

  /** The JSON tree, likewise. */
  JsonNode json() throws InputParseError {
    if (tree == null) {
      tree = parse(JSON, "JSON");
    }
    return tree;
  }

  private JsonNode parse(ObjectMapper mapper, String language) throws InputParseError {
    int deep = tooDeep(text, mapper != JSON, MAX_NESTING);
    if (deep >= 0) {
      // Jackson's TOML parser recurses per level and overflows the stack near 1,000.
      int line = (int) text.substring(0, deep).chars().filter(c -> c == '\n').count() + 1;
      int column = deep - text.lastIndexOf('\n', deep - 1);
      throw error(line, column, "arrays and tables nested more than " + MAX_NESTING
          + " levels deep (wheelwise's limit for TOML and JSON input; no option raises it)",
          "a " + language + " document nested as lock and project files are (a few levels)");
    }
    try {
      JsonNode node = mapper.readTree(text);
      if (node == null || node.isMissingNode()) {
        throw error(1, 1, "empty file", "a " + language + " document");
      }
      return node;
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      int line = at == null ? 1 : Math.max(1, at.getLineNr());
      int column = at == null ? 1 : Math.max(1, at.getColumnNr());
      long offset = at == null ? -1 : at.getCharOffset();
      if (offset >= 0 && offset <= text.length()) {
        // Jackson also counts a lone CR as a line break; lines here are LF-separated
        line = lineAtOffset((int) offset);
        column = (int) offset - text.lastIndexOf('\n', (int) offset - 1);
      }
      String problem = e.getOriginalMessage();
      int cut = problem.indexOf('\n');
      if (cut > 0) {
        problem = problem.substring(0, cut);
      }
      throw error(line, column, "invalid " + language + ": " + problem, expectationFor(problem, language), e);
    }
  }

  /**
   * The offset of the first bracket or brace nested deeper than {@code max} levels, or -1;
   * brackets inside strings (and TOML comments) do not count.
   */
  static int tooDeep(String text, boolean toml, int max) {
    // One pass over what may be megabytes of lock: characters compared in place, no strings made.
    int n = text.length();
    int depth = 0;
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c == '"' || (toml && c == '\'')) {
        boolean triple = toml && tripled(text, i, c);
        i += triple ? 3 : 1;
        while (i < n) {
          char ch = text.charAt(i);
          if (ch == c && (!triple || tripled(text, i, c)) || !triple && ch == '\n') {
            break;
          }
          i += c == '"' && ch == '\\' ? 2 : 1;
        }
        i += triple ? 2 : 0;
      } else if (toml && c == '#') {
        while (i + 1 < n && text.charAt(i + 1) != '\n') {
          i++;
        }
      } else if (c == '[' || c == '{') {
        if (++depth > max) {
          return i;
        }
      } else if ((c == ']' || c == '}') && depth > 0) {
        depth--;
      }
    }
    return -1;
  }

  /** Whether {@code q} opens three quotes at {@code i} (a TOML multi-line string's delimiter). */
  private static boolean tripled(String text, int i, char q) {
    return i + 2 < text.length() && text.charAt(i) == q && text.charAt(i + 1) == q && text.charAt(i + 2) == q;
  }

  /** What a reader of the file should have found, for Jackson's usual complaints. */
  private static String expectationFor(String problem, String language) {
    String p = problem.toLowerCase(java.util.Locale.ROOT);
    if (p.contains("duplicate key")) {
      return "each key once per table (" + language + ")";
    }
    if (p.contains("redefined")) {
      return "each table header once (" + language + ")";
    }
    if (p.contains("newline not permitted") || p.contains("unterminated") || p.contains("eof")) {
      return "the value to be closed on the same line (" + language + ")";
    }
    if (p.contains("unexpected character") || p.contains("unrecognized token")) {
      return "a valid " + language + " value or key here";
    }
    return "valid " + language + " syntax";
  }

  InputParseError error(int line, int column, String problem, String expected) {
    return error(line, column, problem, expected, null);
  }

  InputParseError error(int line, int column, String problem, String expected, Throwable cause) {
    String lineText = lineText(line);
    int col = Math.max(1, Math.min(column, lineText.codePointCount(0, lineText.length()) + 1));
    SourceSpan span = new SourceSpan(name, Math.max(1, line), col, 1, lineText);
    return cause == null ? new InputParseError(problem, expected, span) : new InputParseError(problem, expected, span, cause);
  }

  /** An error spanning the whole of a line (the key or header that holds the bad value). */
  InputParseError errorAtLine(int line, String problem, String expected) {
    String lineText = lineText(line);
    int indent = 0;
    while (indent < lineText.length() && Character.isWhitespace(lineText.charAt(indent))) {
      indent++;
    }
    int length = Math.max(1, lineText.strip().length());
    return new InputParseError(problem, expected,
        new SourceSpan(name, Math.max(1, line), indent + 1, length, lineText));
  }

  String lineText(int line) {
    int start = 0;
    for (int l = 1; l < line; l++) {
      int next = text.indexOf('\n', start);
      if (next < 0) {
        return "";
      }
      start = next + 1;
    }
    int end = text.indexOf('\n', start);
    String out = text.substring(start, end < 0 ? text.length() : end);
    return out.endsWith("\r") ? out.substring(0, out.length() - 1) : out;
  }

  int lineAtOffset(int offset) {
    int line = 1;
    for (int i = 0; i < offset && i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }

  /** The line of the first top-level {@code key = …} (or 1 when absent). */
  int lineOfKey(String key) {
    Matcher m = Pattern.compile("(?m)^[ \\t]*\"?" + Pattern.quote(key) + "\"?[ \\t]*[=:]").matcher(text);
    return m.find() ? lineAtOffset(m.start()) : 1;
  }

  /**
   * The line of every {@code [[header]]} in file order, in one pass: a lock has thousands of
   * tables, and the {@code i}-th line belongs to the {@code i}-th element of the parsed array.
   */
  List<Integer> linesOfArrayTables(String header) {
    // Line by line rather than a multi-line regex, which tries every offset of a large lock. A
    // table may start after any of the regex's line terminators; lines are counted by LF only.
    List<Integer> lines = new ArrayList<>();
    int line = 1;
    for (int start = 0; start >= 0; ) {
      int at = afterBlanks(start);
      if (text.startsWith("[[", at)) {
        at = afterBlanks(at + 2);
        if (text.startsWith(header, at) && text.startsWith("]]", afterBlanks(at + header.length()))) {
          lines.add(line);
        }
      }
      int end = start;
      while (end < text.length() && !lineTerminator(text.charAt(end))) {
        end++;
      }
      line += end < text.length() && text.charAt(end) == '\n' ? 1 : 0;
      start = end < text.length() ? end + 1 : -1;
    }
    return lines;
  }

  /** The terminators after which {@code (?m)^} matches (without UNIX_LINES). */
  private static boolean lineTerminator(char c) {
    return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
  }

  private int afterBlanks(int i) {
    while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
      i++;
    }
    return i;
  }

  /** Where the {@code index}-th of these tables starts, when the text shows it. */
  Optional<Origin> origin(List<Integer> tableLines, int index) {
    return index < tableLines.size() ? Optional.of(new Origin(name, tableLines.get(index))) : Optional.empty();
  }

  /** The line of {@code [header]}, or 1. */
  int lineOfTable(String header) {
    Matcher m = Pattern.compile("(?m)^[ \\t]*\\[[ \\t]*" + Pattern.quote(header) + "[ \\t]*\\]").matcher(text);
    return m.find() ? lineAtOffset(m.start()) : 1;
  }

  /**
   * The line of a string literal's first occurrence at or after {@code fromLine} (quoted either
   * way), or {@code fromLine}: TOML trees carry no positions, the text does.
   */
  int lineOfLiteral(String value, int fromLine) {
    int start = 0;
    for (int l = 1; l < fromLine && start >= 0; l++) {
      start = text.indexOf('\n', start);
      start = start < 0 ? -1 : start + 1;
    }
    if (start < 0) {
      return fromLine;
    }
    // As written in TOML: a basic string (quotes and backslashes escaped), a literal string, or bare.
    String escaped = "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    for (String quoted : new String[] {"\"" + value + "\"", escaped, "'" + value + "'", value}) {
      int at = text.indexOf(quoted, start);
      if (at >= 0) {
        return lineAtOffset(at);
      }
    }
    return fromLine;
  }

  /** The line of the first JSON member {@code "key":}, or 1. */
  int lineOfJsonKey(String key) {
    return originOfJsonKey(key).map(Origin::line).orElse(1);
  }

  /** Where the JSON member {@code "key":} first appears, when it does. */
  Optional<Origin> originOfJsonKey(String key) {
    int at = text.indexOf("\"" + key + "\"");
    return at < 0 ? Optional.empty() : Optional.of(new Origin(name, lineAtOffset(at)));
  }

  static Optional<String> string(JsonNode node, String key) {
    JsonNode v = node == null ? null : node.get(key);
    return v != null && v.isValueNode() && !v.isNull() ? Optional.of(v.asText()) : Optional.empty();
  }
}
