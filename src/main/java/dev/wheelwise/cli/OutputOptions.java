package dev.wheelwise.cli;

import java.io.PrintWriter;
import java.io.Writer;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * How much a command says besides its result (a picocli {@code @Mixin} on every command):
 * {@code --quiet} keeps standard error to errors and policy trips (no notices, notes, progress
 * or build steps), {@code --verbose} adds where each input, index, snapshot and catalog came
 * from and each HTTP request. The result itself (standard output, or --output) never changes.
 * Commands write notices to {@link #notices} and source lines to {@link #trace} rather than
 * testing the flags themselves, so the rule is the same everywhere.
 */
public final class OutputOptions {

  @Option(names = {"-q", "--quiet"}, description = "Print only the result and errors: no notices, notes or progress.")
  boolean quiet;

  @Option(names = {"-v", "--verbose"},
      description = "Also say where each input, configuration, index, snapshot and catalog came from, and each HTTP request.")
  boolean verbose;

  private static final PrintWriter NOWHERE = new PrintWriter(Writer.nullWriter());

  /** Where notices, notes and progress go: {@code err}, or nowhere with --quiet. */
  PrintWriter notices(PrintWriter err) {
    return quiet ? NOWHERE : err;
  }

  /** Where the verbose source lines go: {@code err} with --verbose, else nowhere. */
  PrintWriter trace(PrintWriter err) {
    return verbose ? err : NOWHERE;
  }

  boolean quiet() {
    return quiet;
  }

  boolean verbose() {
    return verbose;
  }

  /** The output options of a parsed command, when it has them (picocli's help and generate-completion do not). */
  static Optional<OutputOptions> of(CommandSpec command) {
    for (CommandSpec mixin : command.mixins().values()) {
      if (mixin.userObject() instanceof OutputOptions o) {
        return Optional.of(o);
      }
    }
    return Optional.empty();
  }

  /**
   * Settles the two flags once parsing is over: one given on the command line beats the other
   * from configuration ([tool.wheelwise] or WHEELWISE_*, read for check and lint); both given
   * together, on the command line or in the configuration, is a usage error naming both.
   */
  Optional<String> settle(CommandLine.ParseResult parsed, ConfigDefaults config) {
    boolean quietFlag = parsed.hasMatchedOption("--quiet");
    boolean verboseFlag = parsed.hasMatchedOption("--verbose");
    if (quietFlag && verboseFlag) {
      return Optional.of("--quiet and --verbose cannot be used together: --quiet prints only the result, --verbose adds "
          + "where everything came from; pick one");
    }
    if (quietFlag || verboseFlag) {
      quiet = quietFlag;
      verbose = verboseFlag;
      return Optional.empty();
    }
    if (quiet && verbose) {
      String from = origin(parsed, "--quiet", config) + " and " + origin(parsed, "--verbose", config);
      return Optional.of("--quiet and --verbose cannot be used together (both set: " + from + "); remove one");
    }
    return Optional.empty();
  }

  private static String origin(CommandLine.ParseResult parsed, String name, ConfigDefaults config) {
    return config.origin(parsed.commandSpec().findOption(name)).map(ConfigDefaults.Origin::from).orElse(name);
  }
}
