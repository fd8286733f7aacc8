package dev.wheelwise.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code wheelwise generate-docs fish|man}: what picocli's generate-completion does not make. */
@Command(name = "generate-docs", hidden = true, mixinStandardHelpOptions = true,
    description = "Print the fish completion script or the man page, generated from the command definitions.")
final class GenerateDocsCommand implements Callable<Integer> {

  @Spec CommandLine.Model.CommandSpec spec;

  @picocli.CommandLine.Mixin OutputOptions verbosity = new OutputOptions();

  @Parameters(paramLabel = "KIND", description = "fish or man")
  String kind;

  @Override
  public Integer call() {
    CommandLine root = spec.root().commandLine();
    String text = switch (kind) {
      case "fish" -> FishCompletion.render(root);
      case "man" -> ManPage.render(root, VersionProvider.version().orElse("unknown"));
      default -> throw new UsageException("generate-docs: expected fish or man, got '" + kind + "'");
    };
    spec.commandLine().getOut().print(text);
    spec.commandLine().getOut().flush();
    return Main.EXIT_OK;
  }
}
