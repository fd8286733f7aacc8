package dev.wheelwise.cli;

import dev.wheelwise.ParseError;
import dev.wheelwise.bench.BenchError;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code wheelwise} command. Subcommands are thin: they parse options, call the core and
 * hand the result to a renderer. Exit codes (DESIGN.md): 0 ok; 1 policy tripped; 2 usage or
 * input error; 3 the index could not be reached or answered badly.
 */
@Command(
    name = "wheelwise",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Which base image should this Python project use, and what does each choice cost?")
public final class Main implements Runnable {

  /**
   * The subcommands, in the order help lists them. Registered in code rather than in the
   * annotation so a run builds picocli's model only for the command it invokes (building all
   * of them cost a noticeable part of start-up); help and errors at the root still get all.
   */
  private static final List<Class<?>> SUBCOMMANDS = List.of(
      CheckCommand.class,
      LintCommand.class,
      ExplainCommand.class,
      DepsCommand.class,
      DockerfileCommand.class,
      ImagesCommand.class,
      TagsCommand.class,
      FilesCommand.class,
      SnapshotCommand.class,
      BenchCommand.class,
      CommandLine.HelpCommand.class,
      TrainCommand.class);

  public static final int EXIT_OK = 0;
  public static final int EXIT_POLICY = 1;
  public static final int EXIT_USAGE = 2;
  public static final int EXIT_INDEX = 3;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing a command, e.g. 'wheelwise tags --python 3.12'");
  }

  public static void main(String[] args) {
    System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs the command line with the given streams; used by main and by tests. */
  public static int execute(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new Main());
    for (Class<?> command : subcommandsFor(args)) {
      cli.addSubcommand(command);
    }
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          if (ex instanceof ParseError parse) {
            commandLine.getErr().println("error: " + parse.render());
            return EXIT_USAGE;
          }
          if (ex instanceof dev.wheelwise.index.IndexError index) {
            commandLine.getErr().println("error: " + index.getMessage());
            return EXIT_INDEX;
          }
          if (ex instanceof BenchError engine) {
            // The engine is a service like the index: not reachable or answering badly.
            commandLine.getErr().println("error: " + engine.getMessage());
            return EXIT_INDEX;
          }
          if (ex instanceof UsageException usage) {
            commandLine.getErr().println("error: " + usage.getMessage());
            return EXIT_USAGE;
          }
          if (ex instanceof java.nio.file.FileSystemException file) {
            // A file named on the command line that cannot be read or written (--output into a missing folder).
            commandLine.getErr().println("error: " + file.getFile() + ": " + (file instanceof java.nio.file.NoSuchFileException
                ? "no such file or folder" : file instanceof java.nio.file.AccessDeniedException ? "permission denied"
                : String.valueOf(file.getReason())));
            return EXIT_USAGE;
          }
          throw ex;
        });
    return cli.execute(args);
  }

  /**
   * The subcommands this command line needs: the named one alone when it starts with a
   * command's name (its options, help and errors are its own), none for a bare
   * {@code --version}, and all of them otherwise (root help, {@code help}, a typo).
   */
  static List<Class<?>> subcommandsFor(String[] args) {
    if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
      return List.of();
    }
    if (args.length > 0 && !args[0].equals("help")) {
      for (Class<?> command : SUBCOMMANDS) {
        if (command.getAnnotation(Command.class).name().equals(args[0])) {
          return List.of(command);
        }
      }
    }
    return SUBCOMMANDS;
  }
}
