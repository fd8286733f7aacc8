package dev.wheelwise.dockerfile;

import dev.wheelwise.SourceSpan;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * BuildKit's line parser ({@code frontend/dockerfile/parser/parser.go}) in Java: reads the file
 * line by line, handles parser directives, comments, the escape character, continuation lines
 * (comments and blank lines inside a continued instruction are skipped) and heredoc bodies, and
 * turns each logical line into an {@link Instruction}. Every byte of the input ends up in
 * exactly one {@link Element}, so the file prints back unchanged.
 */
final class Parser {
  /** BuildKit's directive pattern, applied after "#" and leading white space are cut off. */
  private static final Pattern DIRECTIVE =
      Pattern.compile("^([a-zA-Z][a-zA-Z0-9]*)[\\t\\n\\f\\r ]*=[\\t\\n\\f\\r ]*([^\\n]+?)[\\t\\n\\f\\r ]*$");
  private static final Set<String> KNOWN_DIRECTIVES = Set.of("syntax", "escape", "check");

  private final String source;
  private final String text;
  private char escape = '\\';
  private boolean directivesDone;
  private final Set<String> seenDirectives = new HashSet<>();
  private final List<Directive> directives = new ArrayList<>();
  private final List<Element> elements = new ArrayList<>();
  private int pos;
  private int lineNo;

  Parser(String source, String text) {
    this.source = source;
    this.text = text;
  }

  Dockerfile parse(String charset) throws DockerfileParseError {
    boolean sawInstruction = false;
    while (pos < text.length()) {
      int start = pos;
      int lineStart = pos;
      if (start == 0 && text.startsWith("\uFEFF")) {
        lineStart = 1; // BuildKit discards a byte-order mark on the first line
      }
      int end = lineEnd(pos);
      pos = end;
      lineNo++;
      int startLine = lineNo;
      String physical = text.substring(lineStart, end);
      boolean comment = isComment(physical);
      Piece first = processLine(physical, lineStart, true);
      boolean directive = first.directive;
      Piece trimmed = trimContinuation(first);
      if (trimmed.endOfLine && trimmed.text.isEmpty()) {
        Trivia.Kind kind = directive ? Trivia.Kind.DIRECTIVE : comment ? Trivia.Kind.COMMENT : Trivia.Kind.BLANK;
        elements.add(new Trivia(kind, startLine, start, text.substring(start, end)));
        continue;
      }
      LineBuilder line = new LineBuilder();
      line.add(trimmed.text, trimmed.fileOffset);
      boolean endOfLine = trimmed.endOfLine;
      while (!endOfLine && pos < text.length()) {
        int next = lineEnd(pos);
        String raw = text.substring(pos, next);
        int rawStart = pos;
        pos = next;
        lineNo++;
        Piece piece = processLine(raw, rawStart, false);
        if (isComment(raw) || isBlank(piece.text)) {
          continue;
        }
        Piece cont = trimContinuation(piece);
        endOfLine = cont.endOfLine;
        line.add(cont.text, cont.fileOffset);
      }
      String logical = line.toString();
      OffsetMap map = line.map();
      Instruction node = newNode(logical, map, startLine, 0);
      List<Heredoc> heredocs = new ArrayList<>();
      Instruction target = node.onbuild() != null ? node.onbuild() : node;
      if (canContainHeredoc(target) && logical.contains("<<")) {
        for (HeredocWords.Spec spec : HeredocWords.find(logical)) {
          heredocs.add(readHeredoc(spec, node, startLine));
        }
      }
      if (!heredocs.isEmpty()) {
        if (node.onbuild() != null) {
          Instruction child = node.onbuild();
          child = with(child, heredocs, child.endLine(), child.raw());
          node = new Instruction(node.keyword(), node.flags(), node.arguments(), node.rest(), node.restMap(), node.json(),
              List.of(), child, node.line(), node.column(), node.endLine(), node.offset(), node.raw());
        } else {
          node = with(node, heredocs, node.endLine(), node.raw());
        }
      }
      node = new Instruction(node.keyword(), node.flags(), node.arguments(), node.rest(), node.restMap(), node.json(),
          node.heredocs(), node.onbuild(), node.line(), node.column(), lineNo, start, text.substring(start, pos));
      elements.add(node);
      sawInstruction = true;
    }
    if (!sawInstruction) {
      throw error("file with no instructions", Math.max(0, text.length() - 1), 1);
    }
    return new Dockerfile(source, text, charset, escape, directives, elements);
  }

  private static Instruction with(Instruction n, List<Heredoc> heredocs, int endLine, String raw) {
    return new Instruction(n.keyword(), n.flags(), n.arguments(), n.rest(), n.restMap(), n.json(), heredocs,
        n.onbuild(), n.line(), n.column(), endLine, n.offset(), raw);
  }

  private Heredoc readHeredoc(HeredocWords.Spec spec, Instruction node, int startLine) throws DockerfileParseError {
    StringBuilder content = new StringBuilder();
    int bodyStart = pos;
    int bodyLine = lineNo + 1;
    while (pos < text.length()) {
      int next = lineEnd(pos);
      String raw = text.substring(pos, next);
      pos = next;
      lineNo++;
      String candidate = trimNewline(raw);
      if (spec.chomp()) {
        int t = 0;
        while (t < candidate.length() && candidate.charAt(t) == '\t') {
          t++;
        }
        candidate = candidate.substring(t);
      }
      if (candidate.equals(spec.name())) {
        return new Heredoc(spec.name(), spec.chomp(), spec.expand(), spec.fileDescriptor(), content.toString(), bodyLine, bodyStart);
      }
      content.append(raw);
    }
    throw error("unterminated heredoc", node.offset() + node.column() - 1, node.keyword().length());
  }

  private static boolean canContainHeredoc(Instruction node) {
    String name = node.name();
    return (name.equals("run") || name.equals("copy") || name.equals("add")) && !node.json();
  }

  // ---- lines -------------------------------------------------------------------------------

  private record Piece(String text, int fileOffset, boolean endOfLine, boolean directive) {}

  private int lineEnd(int from) {
    int nl = text.indexOf('\n', from);
    return nl < 0 ? text.length() : nl + 1;
  }

  private static String trimNewline(String s) {
    int end = s.length();
    while (end > 0 && (s.charAt(end - 1) == '\n' || s.charAt(end - 1) == '\r')) {
      end--;
    }
    return s.substring(0, end);
  }

  private static boolean isComment(String line) {
    String t = trimNewline(line);
    return t.startsWith("#", GoText.skipSpace(t, 0));
  }

  private static boolean isBlank(String processed) {
    return GoText.skipSpace(processed, 0) == processed.length();
  }

  /** BuildKit's processLine: trim the newline (and leading space), look for a directive, drop comments. */
  private Piece processLine(String raw, int fileOffset, boolean stripLeft) throws DockerfileParseError {
    String token = trimNewline(raw);
    int skip = stripLeft ? GoText.skipSpace(token, 0) : 0;
    token = token.substring(skip);
    boolean directive = possibleDirective(token, fileOffset + skip);
    if (token.startsWith("#", GoText.skipSpace(token, 0))) {
      token = "";
    }
    return new Piece(token, fileOffset + skip, true, directive);
  }

  private Piece trimContinuation(Piece piece) {
    String s = piece.text;
    int end = s.length();
    while (end > 0 && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == '\t')) {
      end--;
    }
    // BuildKit's ([^\\]|^)\\[ \t]*$ : a doubled escape at the end is a literal, not a continuation
    if (end > 0 && s.charAt(end - 1) == escape && (end == 1 || s.charAt(end - 2) != escape)) {
      return new Piece(s.substring(0, end - 1), piece.fileOffset, false, piece.directive);
    }
    return new Piece(s, piece.fileOffset, true, piece.directive);
  }

  private boolean possibleDirective(String token, int offset) throws DockerfileParseError {
    if (directivesDone) {
      return false;
    }
    if (!token.startsWith("#")) {
      directivesDone = true;
      return false;
    }
    int bodyStart = GoText.skipSpace(token, 1);
    Matcher m = DIRECTIVE.matcher(token.substring(bodyStart));
    if (!m.matches()) {
      directivesDone = true;
      return false;
    }
    String name = m.group(1).toLowerCase(Locale.ROOT);
    if (!KNOWN_DIRECTIVES.contains(name)) {
      directivesDone = true;
      return false;
    }
    if (!seenDirectives.add(name)) {
      throw error("only one " + name + " parser directive can be used", offset, token.length());
    }
    String value = m.group(2);
    if (name.equals("escape")) {
      if (!value.equals("`") && !value.equals("\\")) {
        throw error("invalid escape token '" + value + "' does not match ` or \\", offset + bodyStart + m.start(2), value.length());
      }
      escape = value.charAt(0);
    }
    directives.add(new Directive(name, value, lineNo));
    return true;
  }

  /** Joins continuation pieces and remembers where each came from. */
  private static final class LineBuilder {
    private final StringBuilder text = new StringBuilder();
    private final List<int[]> pieces = new ArrayList<>();

    void add(String s, int fileOffset) {
      pieces.add(new int[] {text.length(), fileOffset});
      text.append(s);
    }

    OffsetMap map() {
      int[] ls = new int[pieces.size()];
      int[] fs = new int[pieces.size()];
      for (int i = 0; i < ls.length; i++) {
        ls[i] = pieces.get(i)[0];
        fs[i] = pieces.get(i)[1];
      }
      return new OffsetMap(ls, fs, text.length());
    }

    @Override
    public String toString() {
      return text.toString();
    }
  }

  // ---- one logical line -> one instruction -------------------------------------------------

  private Instruction newNode(String line, OffsetMap map, int startLine, int depth) throws DockerfileParseError {
    int cmdStart = GoText.skipSpace(line, 0);
    int lineEnd = GoText.trimEnd(line, cmdStart);
    int cmdEnd = cmdStart;
    while (cmdEnd < lineEnd && !isSplitSpace(line.charAt(cmdEnd))) {
      cmdEnd++;
    }
    String cmd = line.substring(cmdStart, cmdEnd);
    int fileOffset = map.fileOffset(cmdStart);
    int lineStart = text.lastIndexOf('\n', Math.max(0, fileOffset - 1)) + 1;
    if (fileOffset == 0) {
      lineStart = 0;
    }
    if (lineStart == 0 && text.startsWith("\uFEFF") && fileOffset > 0) {
      lineStart = 1; // an editor shows no column for the byte-order mark
    }
    int column = text.codePointCount(lineStart, fileOffset) + 1;
    List<String> flags = new ArrayList<>();
    int restStart = lineEnd;
    if (cmdEnd < lineEnd) {
      int argsFrom = cmdEnd;
      while (argsFrom < lineEnd && isSplitSpace(line.charAt(argsFrom))) {
        argsFrom++;
      }
      restStart = BuilderFlags.extract(line.substring(argsFrom, lineEnd), flags) + argsFrom;
    }
    int restFrom = GoText.skipSpace(line, Math.min(restStart, lineEnd));
    int restTo = Math.max(restFrom, GoText.trimEnd(line.substring(0, lineEnd), restFrom));
    String rest = line.substring(restFrom, restTo);
    OffsetMap restMap = map.slice(restFrom);
    List<String> args = new ArrayList<>();
    boolean json = false;
    Instruction child = null;
    String name = cmd.toLowerCase(Locale.ROOT);
    try {
      switch (name) {
        case "add", "copy", "volume" -> json = Arguments.maybeJsonToList(rest, args);
        case "arg" -> args.addAll(Arguments.words(rest, escape));
        case "cmd", "entrypoint", "run", "shell" -> json = Arguments.maybeJson(rest, args);
        case "env" -> Arguments.nameVal(rest, "ENV", escape, args);
        case "label" -> Arguments.nameVal(rest, "LABEL", escape, args);
        case "expose", "from" -> Arguments.whitespaceDelimited(rest, args);
        case "healthcheck" -> json = Arguments.healthcheck(rest, args);
        case "maintainer", "stopsignal", "user", "workdir" -> {
          if (!rest.isEmpty()) {
            args.add(rest);
          }
        }
        case "onbuild" -> {
          if (!rest.isEmpty()) {
            if (depth >= 1) {
              throw new Arguments.Invalid("Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed");
            }
            child = newNode(rest, restMap, startLine, depth + 1);
          }
        }
        default -> args.add(""); // BuildKit keeps unknown instructions with an empty argument
      }
    } catch (Arguments.Invalid invalid) {
      throw new DockerfileParseError(invalid.getMessage(), SourceSpan.at(source, text, fileOffset, Math.max(1, cmd.length())));
    }
    return new Instruction(cmd, flags, args, rest, restMap, json, List.of(), child, startLine, column, startLine, fileOffset, "");
  }

  private static boolean isSplitSpace(char c) {
    return c == ' ' || c == '\t' || c == '\u000B' || c == '\f' || c == '\r';
  }

  private DockerfileParseError error(String message, int offset, int length) {
    return new DockerfileParseError(message, SourceSpan.at(source, text, offset, length));
  }
}
