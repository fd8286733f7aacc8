package dev.wheelwise.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.wheelwise.LocalFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Option defaults from where users keep them, as ruff and black do: a flag wins (picocli only
 * asks here for options not given), then {@code WHEELWISE_<OPTION>} in the environment
 * ({@code WHEELWISE_FAIL_ON=unavailable}), then {@code [tool.wheelwise.<command>]} and
 * {@code [tool.wheelwise]} in the nearest pyproject.toml from the command's PATH (check's project,
 * lint's Dockerfile folder; the working folder for {@code -} or none) up to the repository root,
 * as ruff and mypy find theirs, then the option's own default. ({@code [tool.wheelwise.lint]} stays lint's
 * rule configuration.) A TOML array gives a repeatable option several
 * values. {@code --show-config} prints the merged result with where each value came from.
 */
final class ConfigDefaults implements CommandLine.IDefaultValueProvider {

  /** Where a value came from, for --show-config. */
  record Origin(String value, String from) {}

  private final Map<String, String> env;
  /** The commands whose options pyproject.toml configures (README "Configuration"). */
  private static final java.util.Set<String> CONFIGURED = java.util.Set.of("check", "lint");

  /** Whether pyproject.toml and WHEELWISE_* configure this command's options. */
  static boolean configures(String command) {
    return CONFIGURED.contains(command);
  }

  private final Path workingFolder;
  /** Where the search starts; null until {@link #startAt} (picocli asks for defaults before PATH is parsed). */
  private Path start;
  private Optional<Path> pyproject;
  private Optional<JsonNode> tool;
  private final List<String> problems = new ArrayList<>();

  ConfigDefaults(Map<String, String> env, Path workingFolder) {
    this.env = Map.copyOf(env);
    this.workingFolder = workingFolder.toAbsolutePath();
  }

  /**
   * [tool.wheelwise], read on first need: every other command starts without the folder walk and
   * the TOML parse (about 50 ms of a 0.35 s start).
   */
  private Optional<JsonNode> tool() {
    if (tool == null) {
      pyproject = nearestPyproject(start());
      tool = pyproject.map(ConfigDefaults::readTool);
    }
    return tool;
  }

  /**
   * Starts the search from the folder of the command's first PATH, as a parse without defaults
   * found it ({@code parsed} is that parse): a folder itself, a file's folder, the working
   * folder for {@code -}, no PATH or one that does not exist. Relative paths are taken from
   * the working folder.
   */
  void startAt(CommandLine.ParseResult parsed) {
    CommandLine.ParseResult last = parsed;
    while (last.hasSubcommand()) {
      last = last.subcommand();
    }
    start = workingFolder;
    if (!CONFIGURED.contains(last.commandSpec().name())) {
      return;
    }
    for (CommandLine.Model.PositionalParamSpec p : last.matchedPositionals()) {
      List<String> given = p.originalStringValues();
      if (!given.isEmpty() && !given.get(0).equals("-") && !given.get(0).isEmpty()) {
        Path path = workingFolder.resolve(given.get(0)).normalize();
        if (Files.isDirectory(path)) {
          start = path;
        } else if (path.getParent() != null && Files.isDirectory(path.getParent())) {
          start = path.getParent();
        }
        return;
      }
    }
  }

  /** Starts the search from the working folder (a command line that does not parse: its error is what is said). */
  void startAtWorkingFolder() {
    start = workingFolder;
  }

  /** The search's first folder: the one {@link #startAt} chose, else the working folder. */
  Path start() {
    return start != null ? start : workingFolder;
  }

  /** The pyproject.toml read for [tool.wheelwise], if any (reading it on first need). */
  Optional<Path> pyproject() {
    tool();
    return pyproject;
  }

  /** The lines of --show-config for a parsed command: each option, its value and its source. */
  List<String> show(CommandLine.ParseResult parsed) {
    List<String> lines = new ArrayList<>();
    tool();
    lines.add(pyproject.map(p -> "# pyproject.toml: " + p).orElse("# pyproject.toml: none found from " + start() + " up"));
    for (OptionSpec o : parsed.commandSpec().options()) {
      String name = o.longestName();
      if (o.usageHelp() || o.versionHelp() || name.equals("--show-config") || o.hidden()) {
        continue;
      }
      Object value = o.getValue();
      String from = parsed.hasMatchedOption(o) ? "command line" : origin(o).map(Origin::from).orElse("default");
      lines.add(name + " = " + (value == null ? "(none)" : value) + "    # " + from);
    }
    return lines;
  }

  @Override
  public String defaultValue(ArgSpec arg) {
    if (start == null) {
      return null; // the parse that finds PATH: no defaults yet
    }
    try {
      return origin(arg).map(Origin::value).orElse(null);
    } catch (UsageException bad) {
      // Said once parsing is over (Main), as a usage error rather than picocli's usage dump.
      problems.add(bad.getMessage());
      return null;
    }
  }

  /** Configured values that could not be used (an array for a one-value option). */
  List<String> problems() {
    return List.copyOf(problems);
  }

  /** The configured value of an option not given on the command line, and its source. */
  Optional<Origin> origin(ArgSpec arg) {
    if (!(arg instanceof OptionSpec option) || !option.longestName().startsWith("--") || arg.command() == null) {
      return Optional.empty();
    }
    String command = arg.command().name();
    if (!CONFIGURED.contains(command)) {
      return Optional.empty();
    }
    String key = option.longestName().substring(2);
    String variable = "WHEELWISE_" + key.toUpperCase(Locale.ROOT).replace('-', '_');
    String fromEnv = env.get(variable);
    if (fromEnv != null && !fromEnv.isEmpty()) {
      return Optional.of(new Origin(fromEnv, "environment " + variable));
    }
    if (tool().isEmpty()) {
      return Optional.empty();
    }
    // [tool.wheelwise.lint] is lint's rule configuration (hadolint's keys), read by lint.ConfigFiles.
    List<String> tables = command.equals("lint") ? List.of("tool.wheelwise") : List.of("tool.wheelwise." + command, "tool.wheelwise");
    for (String table : tables) {
      JsonNode node = table.equals("tool.wheelwise") ? tool().get() : tool().get().path(command);
      JsonNode value = node.get(key);
      if (value != null && !value.isObject()) {
        return Optional.of(new Origin(text(value, option, table), pyproject.get() + " [" + table + "] " + key));
      }
    }
    return Optional.empty();
  }

  private String text(JsonNode value, OptionSpec option, String table) {
    if (!value.isArray()) {
      return value.asText();
    }
    // picocli splits a multi-value default by the option's split regex (",").
    if (!option.isMultiValue() || !option.splitRegex().equals(",")) {
      throw new UsageException(pyproject.get() + ": [" + table + "] " + option.longestName().substring(2)
          + " is an array, but the option takes one value");
    }
    List<String> items = new ArrayList<>();
    value.forEach(v -> items.add(v.asText()));
    return String.join(",", items);
  }

  /** The pyproject.toml in the folder or the nearest parent, not past a repository root. */
  static Optional<Path> nearestPyproject(Path folder) {
    for (Path p = folder; p != null; p = p.getParent()) {
      Path candidate = p.resolve("pyproject.toml");
      if (Files.isRegularFile(candidate)) {
        return Optional.of(candidate);
      }
      if (Files.exists(p.resolve(".git"))) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  private static JsonNode readTool(Path pyproject) {
    try {
      return new TomlMapper().readTree(LocalFiles.read(pyproject)).path("tool").path("wheelwise");
    } catch (IOException e) {
      throw new UsageException(pyproject + ": not readable as TOML for [tool.wheelwise]: " + e.getMessage());
    }
  }
}
