package dev.wheelwise.dockerfile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A POSIX-shell reader good enough to find the simple commands in a RUN line or a heredoc
 * script: words with quotes and escapes, {@code &&}, {@code ||}, {@code ;}, {@code |}, {@code &},
 * newlines, subshells and braces, redirections (including here-documents, whose bodies are
 * skipped), comments and backslash-newline continuations. {@code sh -c 'script'} is read
 * recursively, a few levels deep. Never fails: odd input gives fewer or odder commands.
 */
public final class Shell {
  /** How deep {@code sh -c "sh -c '…'"} is followed. */
  static final int MAX_NESTING = 4;

  private static final Set<String> SHELLS = Set.of("sh", "bash", "ash", "dash", "zsh", "ksh", "busybox");
  private static final Set<String> PREFIX_KEYWORDS = Set.of("then", "do", "else", "elif", "if", "while", "until", "!", "{", "(", "time", "exec", "nohup");

  private final String text;
  private final OffsetMap map;
  private int i;
  private final List<ShellCommand> commands = new ArrayList<>();
  private final List<String[]> pendingHeredocs = new ArrayList<>();

  /**
   * The shell a RUN's shell form goes to (BuildKit's SHELL): POSIX shells escape with {@code \},
   * PowerShell with a backtick and groups with braces, cmd escapes with {@code ^}. Simple
   * commands such as {@code pip install …} read the same in all three.
   */
  public enum Dialect {
    POSIX('\\'),
    POWERSHELL('`'),
    CMD('^');

    final char escape;

    Dialect(char escape) {
      this.escape = escape;
    }
  }

  private final Dialect dialect;
  private final char esc;

  private Shell(String text, OffsetMap map, Dialect dialect) {
    this.text = text;
    this.map = map;
    this.dialect = dialect;
    this.esc = dialect.escape;
  }

  /** The simple commands of {@code script}; {@code map} places its characters in the file. */
  public static List<ShellCommand> commands(String script, OffsetMap map) {
    return commands(script, map, 0);
  }

  /** The simple commands of {@code script} as the given shell reads it. */
  public static List<ShellCommand> commands(String script, OffsetMap map, Dialect dialect) {
    Shell shell = new Shell(script, map, dialect);
    shell.run();
    return expand(shell.commands, 0);
  }

  /**
   * The simple commands an exec-form RUN runs: the command itself, or what its {@code sh -c}
   * script runs.
   */
  public static List<ShellCommand> commands(ShellCommand exec) {
    return expand(List.of(exec), 0);
  }

  private static List<ShellCommand> commands(String script, OffsetMap map, int depth) {
    Shell shell = new Shell(script, map, Dialect.POSIX);
    shell.run();
    return expand(shell.commands, depth);
  }

  private static List<ShellCommand> expand(List<ShellCommand> commands, int depth) {
    List<ShellCommand> out = new ArrayList<>();
    for (ShellCommand c : commands) {
      if (c.words().isEmpty()) {
        out.add(c);
        continue;
      }
      ShellCommand unwrapped = unwrap(c);
      if (unwrapped == null) {
        continue;
      }
      String script2 = shellScriptArgument(unwrapped);
      if (script2 != null && depth < MAX_NESTING) {
        ShellWord w = unwrapped.words().get(unwrapped.words().size() - 1);
        // positions inside a -c string point at the string's start: escapes make exact mapping moot
        OffsetMap at = new OffsetMap(new int[] {0}, new int[] {w.offset()}, 0);
        for (ShellCommand inner : commands(script2, at, depth + 1)) {
          out.add(unwrapped.conditional() && !inner.conditional()
              ? new ShellCommand(inner.assignments(), inner.words(), inner.offset(), true, inner.piped(), inner.stdout()) : inner);
        }
      } else {
        out.add(unwrapped);
      }
    }
    return out;
  }

  /** Drops wrappers that run the rest as a command: sudo, env, keywords such as then/do. */
  private static ShellCommand unwrap(ShellCommand c) {
    List<ShellWord> words = c.words();
    Map<String, String> env = new LinkedHashMap<>(c.assignments());
    int k = 0;
    boolean changed = true;
    while (changed && k < words.size()) {
      changed = false;
      String first = words.get(k).value();
      if (PREFIX_KEYWORDS.contains(first) && !words.get(k).quoted()) {
        k++;
        changed = true;
      } else if (first.equals("sudo") || first.equals("env") || first.equals("nice") || first.equals("command")) {
        k++;
        while (k < words.size()) {
          String w = words.get(k).value();
          if (w.startsWith("-")) {
            k++;
            if ((w.equals("-u") || w.equals("-g")) && k < words.size()) {
              k++;
            }
          } else if (isAssignment(w)) {
            int eq = w.indexOf('=');
            env.put(w.substring(0, eq), w.substring(eq + 1));
            k++;
          } else {
            break;
          }
        }
        changed = true;
      }
    }
    if (k >= words.size()) {
      return null;
    }
    List<ShellWord> rest = words.subList(k, words.size());
    return new ShellCommand(env, rest, rest.get(0).offset(), c.conditional(), c.piped(), c.stdout());
  }

  /** The script of {@code sh -c SCRIPT} (also {@code bash -ec}, {@code /bin/sh -c}), else null. */
  private static String shellScriptArgument(ShellCommand c) {
    List<ShellWord> w = c.words();
    if (w.size() < 3 || !SHELLS.contains(baseName(w.get(0).value()))) {
      return null;
    }
    int k = 1;
    if (baseName(w.get(0).value()).equals("busybox") && w.size() > 3 && w.get(1).value().equals("sh")) {
      k = 2;
    }
    for (; k < w.size(); k++) {
      String opt = w.get(k).value();
      if (!opt.startsWith("-")) {
        return null;
      }
      if (opt.startsWith("-") && !opt.startsWith("--") && opt.contains("c") && k + 1 < w.size()) {
        return w.get(k + 1).value();
      }
    }
    return null;
  }

  static String baseName(String path) {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? path : path.substring(slash + 1);
  }

  static boolean isAssignment(String word) {
    int eq = word.indexOf('=');
    if (eq <= 0) {
      return false;
    }
    for (int k = 0; k < eq; k++) {
      char ch = word.charAt(k);
      boolean ok = ch == '_' || Character.isLetter(ch) || (k > 0 && Character.isDigit(ch));
      if (!ok || ch > 127) {
        return false;
      }
    }
    return true;
  }

  // ---- lexing ------------------------------------------------------------------------------

  private static final Set<String> TESTS = Set.of("[", "[[", "test", "grep", "command", "which", "type", "false");
  private static final Set<String> LEADING_KEYWORDS = Set.of("then", "do", "else", "elif", "!", "{", "time");
  private static final Set<String> BLOCK_OPEN = Set.of("if", "case", "for", "while", "until");
  private static final Set<String> BLOCK_CLOSE = Set.of("fi", "esac", "done");
  /** The operator before the command being read: ";" (also newline and start), "&&", "||" or "|". */
  private String operator = ";";
  private String previousFirst = "";
  /** Open if/case/for/while blocks, innermost first: true when its body may not run. */
  private final java.util.ArrayDeque<Boolean> blocks = new java.util.ArrayDeque<>();

  /** {@code for x in a b c}: literal words, so the body runs at least once. */
  private static boolean loopsOverLiterals(List<ShellWord> words) {
    int in = -1;
    for (int k = 0; k < words.size(); k++) {
      if (words.get(k).value().equals("in") && !words.get(k).quoted()) {
        in = k;
        break;
      }
    }
    if (in < 0 || in + 1 >= words.size()) {
      return false;
    }
    for (ShellWord w : words.subList(in + 1, words.size())) {
      String v = w.value();
      if (v.contains("$") || v.contains("`") || (!w.quoted() && Paths.hasGlob(v))) {
        return false;
      }
    }
    return true;
  }

  private List<ShellWord> words = new ArrayList<>();
  private StringBuilder word = new StringBuilder();
  private int wordStart = -1;
  private boolean wordQuoted;
  private boolean redirectTarget;
  /** The redirection being read sends standard output to its target. */
  private boolean stdoutTarget;
  private String stdout;
  private boolean heredocTarget;
  private boolean heredocChomp;

  private void run() {
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      if (c == esc && i + 1 < n && text.charAt(i + 1) == '\n') {
        i += 2;
        continue;
      }
      if (c == esc && i + 2 < n && text.charAt(i + 1) == '\r' && text.charAt(i + 2) == '\n') {
        i += 3;
        continue;
      }
      if (c == ' ' || c == '\t' || c == '\r') {
        endWord();
        i++;
      } else if (c == '\n') {
        endWord();
        endCommand();
        operator = ";";
        i++;
        skipHeredocBodies();
      } else if (c == '#' && wordStart < 0) {
        while (i < n && text.charAt(i) != '\n') {
          i++;
        }
      } else if (c == ';' || c == '&' || c == '|' || c == '(' || c == ')'
          || (dialect == Dialect.POWERSHELL && (c == '{' || c == '}'))) {
        if (c == '&' && i + 1 < n && text.charAt(i + 1) == '>') {
          endWord();
          i += 2;
          if (i < n && text.charAt(i) == '>') {
            i++;
          }
          redirectTarget = true;
          stdoutTarget = true;
          continue;
        }
        if (c == '(' && wordStart >= 0) {
          // a function definition or an array: keep as text
          append(c);
          i++;
          continue;
        }
        endWord();
        endCommand();
        int opStart = i;
        i++;
        while (i < n && (text.charAt(i) == '&' || text.charAt(i) == '|' || text.charAt(i) == ';')) {
          i++;
        }
        String op = text.substring(opStart, i);
        operator = op.equals("&&") || op.equals("||") || op.equals("|") ? op : ";";
      } else if ((c == '<' || c == '>') && i + 1 < n && text.charAt(i + 1) == '(') {
        start(); // process substitution <(…) is a word (a path to a pipe)
        copyBalanced('(', ')');
      } else if (c == '<' || c == '>') {
        readRedirection();
      } else if (c == '\'') {
        start();
        wordQuoted = true;
        int close = text.indexOf('\'', i + 1);
        int end = close < 0 ? n : close;
        word.append(text, i + 1, end);
        i = Math.min(n, end + 1);
      } else if (c == '"') {
        start();
        wordQuoted = true;
        i++;
        while (i < n && text.charAt(i) != '"') {
          char d = text.charAt(i);
          if (d == esc && i + 1 < n) {
            char e = text.charAt(i + 1);
            if (e == '\n') {
              i += 2;
              continue;
            }
            if (dialect != Dialect.POSIX || e == '$' || e == '`' || e == '"' || e == '\\') {
              word.append(e);
              i += 2;
              continue;
            }
          }
          if (d == '$' && i + 1 < n && text.charAt(i + 1) == '(') {
            copyBalanced('(', ')');
            continue;
          }
          if (d == '`') {
            copyUntil('`');
            continue;
          }
          word.append(d);
          i++;
        }
        i = Math.min(n, i + 1);
      } else if (c == esc && i + 1 >= n) {
        i++; // a lone escape at the very end escapes nothing
      } else if (c == esc) {
        start();
        if (i + 1 < n) {
          word.append(text.charAt(i + 1));
        }
        i += 2;
      } else if (c == '$' && i + 1 < n && text.charAt(i + 1) == '(') {
        start();
        copyBalanced('(', ')');
      } else if (c == '$' && i + 1 < n && text.charAt(i + 1) == '{') {
        start();
        copyBalanced('{', '}');
      } else if (c == '`') {
        int close = text.indexOf('`', i + 1);
        if (close > i && text.substring(i + 1, close).strip().startsWith("#")) {
          i = close + 1; // `# comment` inside a continued command line expands to nothing
          continue;
        }
        start();
        copyUntil('`');
      } else {
        append(c);
        i++;
      }
    }
    endWord();
    endCommand();
  }

  private void append(char c) {
    start();
    word.append(c);
  }

  private void start() {
    if (wordStart < 0) {
      wordStart = i;
      wordQuoted = false;
    }
  }

  /** Copies {@code $(…)} or {@code ${…}} as written, counting nesting without recursion. */
  private void copyBalanced(char open, char close) {
    int n = text.length();
    int depth = 0;
    char quote = 0;
    int from = i;
    i++; // the '$'
    while (i < n) {
      char c = text.charAt(i);
      if (quote != 0) {
        if (c == '\\' && quote == '"' && i + 1 < n) {
          i += 2;
          continue;
        }
        if (c == quote) {
          quote = 0;
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '\\' && i + 1 < n) {
        i += 2;
        continue;
      } else if (c == open) {
        depth++;
      } else if (c == close) {
        depth--;
        if (depth == 0) {
          i++;
          break;
        }
      }
      i++;
    }
    word.append(text, from, Math.min(i, n));
  }

  private void copyUntil(char close) {
    int end = text.indexOf(close, i + 1);
    int stop = end < 0 ? text.length() : end + 1;
    word.append(text, i, stop);
    i = stop;
  }

  private void readRedirection() {
    // a word made only of digits right before < or > is a file descriptor, not an argument
    String fd = "";
    if (wordStart >= 0 && !wordQuoted && word.length() > 0 && word.chars().allMatch(Character::isDigit)) {
      fd = word.toString();
      word.setLength(0);
      wordStart = -1;
    }
    endWord();
    int n = text.length();
    char c = text.charAt(i);
    boolean heredoc = c == '<' && i + 1 < n && text.charAt(i + 1) == '<' && !(i + 2 < n && text.charAt(i + 2) == '<');
    int operatorStart = i;
    i++;
    while (i < n && (text.charAt(i) == '<' || text.charAt(i) == '>' || text.charAt(i) == '&' || text.charAt(i) == '|')) {
      i++;
    }
    String operator = text.substring(operatorStart, i);
    // > F, >> F, >| F and 1> F write standard output to F; >&N duplicates a descriptor instead.
    stdoutTarget = (fd.isEmpty() || fd.equals("1")) && operator.matches(">>?\\|?");
    heredocChomp = false;
    if (heredoc && i < n && text.charAt(i) == '-') {
      heredocChomp = true;
      i++;
    }
    if (i < n && text.charAt(i) == '-' && text.charAt(i - 1) == '&') {
      i++; // >&- closes a descriptor
      return;
    }
    redirectTarget = true;
    heredocTarget = heredoc;
  }

  private void endWord() {
    if (wordStart < 0) {
      return;
    }
    String value = word.toString();
    if (redirectTarget) {
      if (heredocTarget) {
        pendingHeredocs.add(new String[] {value, heredocChomp ? "-" : ""});
      } else if (stdoutTarget) {
        stdout = value;
      }
      redirectTarget = false;
      stdoutTarget = false;
      heredocTarget = false;
    } else {
      words.add(new ShellWord(value, map.fileOffset(wordStart), wordQuoted));
    }
    word = new StringBuilder();
    wordStart = -1;
    wordQuoted = false;
  }

  private void endCommand() {
    if (words.isEmpty()) {
      stdout = null;
      return;
    }
    Map<String, String> assignments = new LinkedHashMap<>();
    int k = 0;
    while (k < words.size() && isAssignment(words.get(k).value())) {
      String w = words.get(k).value();
      int eq = w.indexOf('=');
      assignments.put(w.substring(0, eq), w.substring(eq + 1));
      k++;
    }
    List<ShellWord> rest = words.subList(k, words.size());
    // a command of assignments only (X=1) sets shell variables for the commands after it
    String first = "";
    for (ShellWord w : rest) {
      if (!LEADING_KEYWORDS.contains(w.value())) {
        first = w.value();
        break;
      }
    }
    boolean conditional = blocks.contains(Boolean.TRUE) || "||".equals(operator) || ("&&".equals(operator) && TESTS.contains(previousFirst));
    commands.add(new ShellCommand(assignments, rest, words.get(0).offset(), conditional, "|".equals(operator), stdout));
    stdout = null;
    if (BLOCK_OPEN.contains(first)) {
      blocks.push(!first.equals("for") || !loopsOverLiterals(rest));
    } else if (BLOCK_CLOSE.contains(first) && !blocks.isEmpty()) {
      blocks.pop();
    }
    previousFirst = first;
    words = new ArrayList<>();
  }

  private void skipHeredocBodies() {
    int n = text.length();
    for (String[] doc : pendingHeredocs) {
      while (i < n) {
        int end = text.indexOf('\n', i);
        int stop = end < 0 ? n : end;
        String line = text.substring(i, stop);
        if (line.endsWith("\r")) {
          line = line.substring(0, line.length() - 1);
        }
        i = end < 0 ? n : end + 1;
        if (doc[1].equals("-")) {
          line = line.replaceFirst("^\t+", "");
        }
        if (line.equals(doc[0])) {
          break;
        }
      }
    }
    pendingHeredocs.clear();
  }
}
