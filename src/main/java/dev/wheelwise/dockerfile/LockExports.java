package dev.wheelwise.dockerfile;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Recognizes {@code uv export} and {@code poetry export} commands that write a requirements file
 * ({@link LockExport}). Option tables follow each tool's reference: uv's {@code export}
 * (docs.astral.sh/uv/reference/cli/#uv-export) and poetry-plugin-export's {@code export}.
 */
final class LockExports {
  private LockExports() {}

  private static final OptionTable UV_EXPORT =
      OptionTable.of(Set.of("--output-file", "--format", "--extra", "--group", "--only-group", "--no-group", "--package",
              "--prune", "--no-emit-package", "--project", "--directory", "--python", "--index", "--index-url",
              "--extra-index-url", "--default-index", "--find-links", "--index-strategy", "--keyring-provider",
              "--resolution", "--prerelease", "--fork-strategy", "--exclude-newer", "--cache-dir", "--config-file",
              "--color", "--allow-insecure-host", "--python-preference", "--script", "--no-binary-package",
              "--no-build-package", "--upgrade-package", "--refresh-package", "--config-setting", "--exclude-newer-package"),
          "-o", "--output-file", "-p", "--python", "-i", "--index-url", "-f", "--find-links", "-C", "--config-setting",
          "-P", "--upgrade-package", "-q", "--quiet", "-v", "--verbose", "-n", "--no-cache");
  private static final OptionTable POETRY_EXPORT =
      OptionTable.of(Set.of("--output", "--format", "--only", "--without", "--with", "--extras", "--directory", "--project"),
          "-o", "--output", "-f", "--format", "-E", "--extras", "-C", "--directory", "-P", "--project",
          "-n", "--no-interaction", "-q", "--quiet", "-v", "--verbose");

  /**
   * The export {@code command} runs, or null when it is none (or writes to the terminal). The
   * file is the output option's, else the file standard output is redirected to
   * ({@code uv export --no-hashes > requirements.txt}).
   */
  static LockExport recognize(ShellCommand command, RunContext ctx) {
    List<String> w = command.values();
    if (w.size() < 2) {
      return null;
    }
    String first = Shell.baseName(w.get(0));
    boolean module = w.size() > 3 && first.matches("python[0-9.]*") && w.get(1).equals("-m");
    String tool = module ? w.get(2) : first;
    int from = module ? 3 : 1;
    OptionTable table = switch (tool) {
      case "uv" -> UV_EXPORT;
      case "poetry" -> POETRY_EXPORT;
      default -> null;
    };
    if (table == null) {
      return null;
    }
    int sub = from;
    while (sub < w.size() && w.get(sub).startsWith("-")) {
      sub += table.consumesNext(w.get(sub)) ? 2 : 1;
    }
    if (sub >= w.size() || !w.get(sub).equals("export")) {
      return null;
    }
    List<CommandOption> options = new ArrayList<>(table.split(w.subList(from, sub)).options());
    options.addAll(table.split(w.subList(sub + 1, w.size())).options());
    String output = null;
    String format = null;
    String dir = null;
    for (CommandOption o : options) {
      switch (o.name()) {
        case "--output-file", "--output" -> output = o.value();
        case "--format" -> format = o.value();
        case "--project", "--directory" -> dir = o.value();
        default -> {}
      }
    }
    // Only a requirements file is what a later -r reads (uv also writes pylock.toml; poetry constraints.txt).
    boolean requirements = format == null || format.equals("requirements-txt") || format.equals("requirements.txt");
    if (output == null) {
      output = command.stdout();
    }
    if (output == null || output.contains("$") || output.startsWith("/dev/") || !requirements) {
      return null;
    }
    String base = dir == null ? ctx.workdir() : ctx.absolute(dir);
    List<DependencyInput> inputs = new ArrayList<>();
    for (String f : List.of("pyproject.toml", tool.equals("uv") ? "uv.lock" : "poetry.lock")) {
      String container = Paths.resolve(base, f);
      inputs.add(DependencyInput.traced("project", f, container, ctx.contextPathOf().apply(container)));
    }
    ShellWord word = command.words().get(0);
    return new LockExport(tool, String.join(" ", w.subList(0, sub + 1)), options, ctx.absolute(output), inputs,
        ctx.lines().line(word.offset()), ctx.lines().column(word.offset()), ctx.instructionLine(), command.conditional());
  }
}
