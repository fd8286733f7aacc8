package dev.wheelwise.project;

import dev.wheelwise.LocalFiles;
import dev.wheelwise.SourceSpan;
import dev.wheelwise.pep508.Names;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads pip requirements files as pip's {@code req/req_file.py} does (research §4): decode (BOM,
 * a PEP 263 {@code coding:} line, else UTF-8), join lines ending in {@code \}, strip comments
 * ({@code (^|\s+)#.*$}, so {@code url#sha256=…} survives), expand {@code ${UPPER_VAR}}, then read
 * each line as options or a requirement with per-requirement options. {@code -r}/{@code -c}
 * paths are relative to the including file; a missing include or an include cycle is an error
 * naming the files.
 */
public final class RequirementsFileReader {

  private static final Pattern COMMENT = Pattern.compile("(^|\\s+)#.*$");
  private static final Pattern ENV_VAR = Pattern.compile("\\$\\{([A-Z0-9_]+)\\}");
  private static final Pattern CODING = Pattern.compile("^[ \\t\\f]*#.*?coding[:=][ \\t]*([-\\w.]+)");
  private static final List<String> GLOBAL_OPTIONS = List.of(
      "-r", "--requirement", "-c", "--constraint", "-e", "--editable", "-i", "--index-url", "--extra-index-url",
      "--no-index", "-f", "--find-links", "--no-binary", "--only-binary", "--prefer-binary", "--require-hashes",
      "--no-require-hashes", "--pre", "--trusted-host", "--use-feature", "--all-releases", "--only-final");
  private static final List<String> REQUIREMENT_OPTIONS = List.of(
      "--hash", "--config-settings", "--global-option", "--install-option");
  private static final Set<String> FLAGS = Set.of(
      "--no-index", "--prefer-binary", "--require-hashes", "--no-require-hashes", "--pre");

  /** -r/-c chains deeper than this are refused (real projects chain two or three files). */
  static final int MAX_INCLUDE_DEPTH = 50;
  /**
   * Files read for one input, counting a file each time it is included: a few files that each
   * include the next twice would otherwise be read 2^depth times.
   */
  static final int MAX_INCLUDED_READS = 1000;

  private final Map<String, String> environment;

  /** @param environment the variables {@code ${VAR}} expands from (unset ones stay as written, as in pip) */
  public RequirementsFileReader(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  public RequirementSet read(Path path) throws InputParseError {
    State state = new State();
    readFile(path.normalize(), state, new ArrayList<>(), null, false);
    IndexOptions options = new IndexOptions(state.indexUrl, state.extraIndexUrls, state.noIndex, state.findLinks,
        state.noBinary, state.onlyBinary, state.preferBinary, state.pre,
        state.requireHashes || state.requirements.stream().anyMatch(r -> !r.hashes().isEmpty()), state.trustedHosts);
    return new RequirementSet(path.toString(), Optional.empty(), InputKind.REQUIREMENTS, state.requirements, state.constraints,
        Map.of(), Map.of(), Optional.empty(), options, state.files, List.of());
  }

  /** Everything collected while reading a file and its includes. */
  private static final class State {
    final List<LooseRequirement> requirements = new ArrayList<>();
    final List<LooseRequirement> constraints = new ArrayList<>();
    final List<String> files = new ArrayList<>();
    Optional<String> indexUrl = Optional.empty();
    final List<String> extraIndexUrls = new ArrayList<>();
    boolean noIndex;
    final List<String> findLinks = new ArrayList<>();
    final Set<String> noBinary = new LinkedHashSet<>();
    final Set<String> onlyBinary = new LinkedHashSet<>();
    boolean preferBinary;
    boolean pre;
    boolean requireHashes;
    final List<String> trustedHosts = new ArrayList<>();
  }

  /** A logical line: its text after joining and comment stripping, and the first physical line. */
  private record Line(int number, String text) {}

  private void readFile(Path path, State state, List<Path> stack, Include from, boolean constraint) throws InputParseError {
    Path key = path.toAbsolutePath().normalize();
    if (stack.contains(key)) {
      List<String> cycle = new ArrayList<>();
      for (Path p : stack.subList(stack.indexOf(key), stack.size())) {
        cycle.add(p.getFileName().toString());
      }
      cycle.add(path.getFileName().toString());
      throw from.error("requirements include cycle: " + String.join(" -> ", cycle),
          "-r/-c includes that do not lead back to a file already being read");
    }
    if (stack.size() >= MAX_INCLUDE_DEPTH) {
      throw from.error("-r/-c includes nested more than " + MAX_INCLUDE_DEPTH
          + " files deep (wheelwise's limit; no option raises it)", "a shallower chain of included files");
    }
    if (state.files.size() >= MAX_INCLUDED_READS) {
      throw from.error("more than " + MAX_INCLUDED_READS + " requirements files read for one input, counting repeated"
          + " includes (wheelwise's limit; no option raises it)", "each file included once or a few times");
    }
    if (!Files.isRegularFile(path)) {
      if (from == null) {
        throw new InputParseError("requirements file " + path + " not found", "an existing file",
            new SourceSpan(path.toString(), 1, 1, 1, ""));
      }
      throw from.error("included requirements file '" + from.target + "' not found (looked for " + path + ")",
          "a path relative to " + from.file.name);
    }
    SourceFile file = decode(path);
    state.files.add(file.name);
    stack.add(key);
    for (Line line : logicalLines(file.text)) {
      String text = expand(line.text());
      if (text.isEmpty()) {
        continue;
      }
      handleLine(file, line, text, state, stack, constraint);
    }
    stack.remove(stack.size() - 1);
  }

  private void handleLine(SourceFile file, Line line, String text, State state, List<Path> stack, boolean constraint)
      throws InputParseError {
    Origin origin = new Origin(file.name, line.number());
    if (!text.startsWith("-")) {
      // pip's break_args_options: the requirement is everything before the first token that
      // starts with "-"; the rest are per-requirement options.
      String[] tokens = text.split(" ");
      int firstOption = tokens.length;
      for (int i = 0; i < tokens.length; i++) {
        if (tokens[i].startsWith("-")) {
          firstOption = i;
          break;
        }
      }
      String requirement = String.join(" ", java.util.Arrays.copyOfRange(tokens, 0, firstOption)).strip();
      List<String> hashes = new ArrayList<>();
      List<String[]> options = options(file, line, String.join(" ", java.util.Arrays.copyOfRange(tokens, firstOption, tokens.length)));
      for (String[] option : options) {
        // pip parses every option on a requirement line and then uses only the per-requirement
        // ones, with one exception: --no-binary/--only-binary act while parsing (their optparse
        // callbacks edit the finder's format control), so "name==1.0 --no-binary x" applies.
        if (option[0].equals("--no-binary")) {
          mutualExclude(file, line, option[1], state.noBinary, state.onlyBinary);
        } else if (option[0].equals("--only-binary")) {
          mutualExclude(file, line, option[1], state.onlyBinary, state.noBinary);
        }
        if (option[0].equals("--hash")) {
          if (!option[1].matches("[A-Za-z0-9]+:[0-9a-fA-F]+")) {
            throw error(file, line, option[1], "bad hash '" + option[1] + "'", "--hash=<algorithm>:<hex digest>");
          }
          hashes.add(option[1].toLowerCase(java.util.Locale.ROOT));
        }
      }
      LooseRequirement r = new LooseRequirement(requirement, origin, false, hashes);
      (constraint ? state.constraints : state.requirements).add(r);
      return;
    }
    for (String[] option : options(file, line, text)) {
      String name = option[0];
      String value = option[1];
      switch (name) {
        case "-r", "--requirement", "-c", "--constraint" -> {
          if (value.matches("(?i)^(https?|file)://.*")) {
            throw error(file, line, value, "remote requirements file '" + value + "' is not read",
                "a local path relative to " + file.name);
          }
          Path included;
          try {
            included = Path.of(file.name).resolveSibling(value).normalize();
          } catch (InvalidPathException e) {
            // A NUL byte (or, on Windows, a reserved character) is no file name at all.
            throw error(file, line, value, "'" + value.replace("\0", "\\0") + "' is not a file path: " + e.getReason(),
                "a path relative to " + file.name);
          }
          readFile(included, state, stack,
              new Include(file, line, value), name.equals("-c") || name.equals("--constraint") || constraint);
        }
        case "-e", "--editable" -> (constraint ? state.constraints : state.requirements)
            .add(new LooseRequirement(value, origin, true, List.of()));
        case "-i", "--index-url" -> state.indexUrl = Optional.of(value);
        case "--extra-index-url" -> state.extraIndexUrls.add(value);
        case "--no-index" -> state.noIndex = true;
        case "-f", "--find-links" -> state.findLinks.add(value);
        case "--no-binary" -> mutualExclude(file, line, value, state.noBinary, state.onlyBinary);
        case "--only-binary" -> mutualExclude(file, line, value, state.onlyBinary, state.noBinary);
        case "--prefer-binary" -> state.preferBinary = true;
        case "--require-hashes" -> state.requireHashes = true;
        case "--no-require-hashes" -> state.requireHashes = false;
        case "--pre" -> state.pre = true;
        case "--trusted-host" -> state.trustedHosts.add(value);
        default -> {
          // --use-feature, --all-releases, --only-final: accepted, no bearing on what is read.
        }
      }
    }
  }

  /** pip's {@code handle_mutual_excludes} for --no-binary/--only-binary. */
  private static void mutualExclude(SourceFile file, Line line, String value, Set<String> target, Set<String> other)
      throws InputParseError {
    if (value.startsWith("-")) {
      throw error(file, line, value, "--no-binary/--only-binary got the option '" + value + "' as its value",
          "a comma-separated list of names, :all: or :none:");
    }
    List<String> names = new ArrayList<>(List.of(value.split(",")));
    while (names.contains(":all:")) {
      other.clear();
      target.clear();
      target.add(":all:");
      names.subList(0, names.indexOf(":all:") + 1).clear();
      if (!names.contains(":none:")) {
        return;
      }
    }
    for (String name : names) {
      if (name.equals(":none:")) {
        target.clear();
        continue;
      }
      String canonical = Names.canonicalize(name.strip());
      other.remove(canonical);
      target.add(canonical);
    }
  }

  /** Splits {@code --opt=value --opt value -rvalue -r value --flag} into (option, value) pairs. */
  private static List<String[]> options(SourceFile file, Line line, String text) throws InputParseError {
    List<String> tokens = shellWords(file, line, text);
    List<String[]> out = new ArrayList<>();
    for (int i = 0; i < tokens.size(); i++) {
      String token = tokens.get(i);
      String name;
      String value = null;
      if (token.startsWith("--")) {
        int eq = token.indexOf('=');
        name = eq < 0 ? token : token.substring(0, eq);
        value = eq < 0 ? null : token.substring(eq + 1);
      } else if (token.startsWith("-") && token.length() >= 2) {
        name = token.substring(0, 2);
        value = token.length() > 2 ? token.substring(2) : null;
      } else {
        throw error(file, line, token, "unexpected '" + token + "'", "an option starting with '-'");
      }
      if (!GLOBAL_OPTIONS.contains(name) && !REQUIREMENT_OPTIONS.contains(name)) {
        throw error(file, line, token, "unknown pip option '" + name + "'",
            "a requirements-file option: " + String.join(", ", GLOBAL_OPTIONS) + ", or per requirement "
                + String.join(", ", REQUIREMENT_OPTIONS));
      }
      if (FLAGS.contains(name)) {
        if (value != null) {
          throw error(file, line, token, "option " + name + " takes no value", name + " alone");
        }
        out.add(new String[] {name, ""});
        continue;
      }
      if (value == null) {
        if (name.equals("-e") || name.equals("--editable")) {
          // -e takes the rest of the line (a path or a VCS URL, possibly with a marker-free egg).
          value = String.join(" ", tokens.subList(Math.min(i + 1, tokens.size()), tokens.size()));
          i = tokens.size();
          if (value.isEmpty()) {
            throw error(file, line, token, "option " + name + " needs a value", name + " <path or VCS URL>");
          }
          out.add(new String[] {name, value});
          continue;
        }
        if (i + 1 >= tokens.size()) {
          throw error(file, line, token, "option " + name + " needs a value", name + " <value>");
        }
        value = tokens.get(++i);
      }
      out.add(new String[] {name, value});
    }
    return out;
  }

  /** POSIX shell words (shlex.split): quotes group, backslash escapes outside single quotes. */
  private static List<String> shellWords(SourceFile file, Line line, String text) throws InputParseError {
    List<String> out = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    char quote = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else if (c == '\\' && quote == '"' && i + 1 < text.length() && "\"\\$`".indexOf(text.charAt(i + 1)) >= 0) {
          word.append(text.charAt(++i));
        } else {
          word.append(c);
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
        inWord = true;
      } else if (c == '\\' && i + 1 < text.length()) {
        word.append(text.charAt(++i));
        inWord = true;
      } else if (Character.isWhitespace(c)) {
        if (inWord) {
          out.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
      } else {
        word.append(c);
        inWord = true;
      }
    }
    if (quote != 0) {
      throw error(file, line, text, "unclosed " + quote + " quote", "a closing " + quote);
    }
    if (inWord) {
      out.add(word.toString());
    }
    return out;
  }

  private String expand(String text) {
    Matcher m = ENV_VAR.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = environment.get(m.group(1));
      m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** pip's join_lines and ignore_comments, keeping the first physical line of each logical one. */
  static List<Line> logicalLines(String text) {
    String[] physical = text.split("\\r?\\n|\\r", -1);
    List<Line> out = new ArrayList<>();
    StringBuilder joined = null;
    int first = 0;
    for (int i = 0; i < physical.length; i++) {
      String line = physical[i];
      boolean comment = COMMENT.matcher(line).lookingAt();
      if (!line.endsWith("\\") || comment) {
        if (comment) {
          line = " " + line;
        }
        if (joined != null) {
          joined.append(line);
          out.add(new Line(first, strip(joined.toString())));
          joined = null;
        } else {
          out.add(new Line(i + 1, strip(line)));
        }
      } else {
        if (joined == null) {
          joined = new StringBuilder();
          first = i + 1;
        }
        joined.append(line, 0, line.length() - 1);
      }
    }
    if (joined != null) {
      out.add(new Line(first, strip(joined.toString())));
    }
    return out;
  }

  private static String strip(String line) {
    return COMMENT.matcher(line).replaceAll("").strip();
  }

  /** BOM, then a PEP 263 coding line in the first two lines, else UTF-8; undecodable is an error. */
  private static SourceFile decode(Path path) throws InputParseError {
    byte[] bytes;
    try {
      bytes = LocalFiles.read(path);
    } catch (LocalFiles.TooLarge e) {
      throw new InputParseError(e.reason(), "a file within --max-file-size", new SourceSpan(path.toString(), 1, 1, 1, ""), e);
    } catch (IOException e) {
      throw new InputParseError("cannot read " + path + ": " + e.getMessage(), "a readable file",
          new SourceSpan(path.toString(), 1, 1, 1, ""), e);
    }
    Charset charset = StandardCharsets.UTF_8;
    int skip = 0;
    if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
      skip = 3;
    } else if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xFE) {
      charset = StandardCharsets.UTF_16LE;
      skip = 2;
    } else if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xFE && (bytes[1] & 0xff) == 0xFF) {
      charset = StandardCharsets.UTF_16BE;
      skip = 2;
    } else {
      String head = new String(bytes, 0, Math.min(bytes.length, 400), StandardCharsets.ISO_8859_1);
      String[] lines = head.split("\\r?\\n", 3);
      for (int i = 0; i < Math.min(2, lines.length); i++) {
        Matcher m = CODING.matcher(lines[i]);
        if (m.find()) {
          try {
            charset = pythonCodec(m.group(1));
          } catch (IllegalArgumentException e) {
            throw new InputParseError("unknown encoding '" + m.group(1) + "' in the coding line", "a known encoding name (PEP 263)",
                new SourceSpan(path.toString(), i + 1, 1, lines[i].length(), lines[i]));
          }
          break;
        }
      }
    }
    try {
      String text = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(bytes, skip, bytes.length - skip)).toString();
      return SourceFile.of(path.toString(), text);
    } catch (CharacterCodingException e) {
      throw new InputParseError("not " + charset.name() + " text", "UTF-8, a BOM, or a PEP 263 coding line",
          new SourceSpan(path.toString(), 1, 1, 1, ""), e);
    }
  }

  /** Python's spellings of the codecs PEP 263 lines name ({@code latin-1}, {@code utf_8}…). */
  private static Charset pythonCodec(String name) {
    String n = name.toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    if (n.equals("utf-8") || n.startsWith("utf-8-") || n.equals("utf8")) {
      return StandardCharsets.UTF_8;
    }
    if (n.matches("latin-?1(-.*)?|iso-8859-1(-.*)?|l1|iso8859-1")) {
      return StandardCharsets.ISO_8859_1;
    }
    return Charset.forName(n);
  }

  private static InputParseError error(SourceFile file, Line line, String near, String problem, String expected) {
    String physical = file.lineText(line.number());
    int at = physical.indexOf(near);
    int column = at < 0 ? 1 : physical.codePointCount(0, at) + 1;
    return new InputParseError(problem, expected,
        new SourceSpan(file.name, line.number(), column, at < 0 ? Math.max(1, physical.length()) : near.length(), physical));
  }

  /** An {@code -r}/{@code -c} line: the including file, its line and the path as written. */
  private record Include(SourceFile file, Line line, String target) {
    InputParseError error(String problem, String expected) {
      return RequirementsFileReader.error(file, line, target, problem, expected);
    }
  }
}
