package dev.wheelwise.cli;

import dev.wheelwise.Finding;
import dev.wheelwise.ParseError;
import dev.wheelwise.dockerfile.Dockerfile;
import dev.wheelwise.dockerfile.DockerfileModel;
import dev.wheelwise.index.IndexError;
import dev.wheelwise.lint.LintConfig;
import dev.wheelwise.lint.Linter;
import dev.wheelwise.lint.Rules;
import dev.wheelwise.lint.Subject;
import dev.wheelwise.lint.Wheels;
import dev.wheelwise.lint.fix.ApkToApt;
import dev.wheelwise.lint.fix.Fixer;
import dev.wheelwise.lint.fix.Plan;
import dev.wheelwise.report.FixDiff;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code wheelwise fix [DOCKERFILE|-]}: lint's fixable findings (WW1001 base switch, DL3042,
 * DL3019) as a unified diff, or applied with {@code --write}. Exit 0 when nothing needed fixing
 * or everything was fixed, 1 when a fix was refused (the reason on standard error), 2 for usage
 * and parse errors, 3 when the index fails.
 */
@Command(name = "fix", mixinStandardHelpOptions = true,
    description = "Fix a Dockerfile: switch an Alpine base to the slim image of the same Python when check recommends it (apk "
        + "lines become apt-get lines), add --no-cache-dir/--no-cache, and keep build dependencies (apk or apt) out of the "
        + "final image. Prints a unified diff; --write applies it.")
public final class FixCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "DOCKERFILE", arity = "0..1", description = "The Dockerfile; - reads standard input (default ./Dockerfile).")
  String file = "Dockerfile";

  @Option(names = "--write", description = "Write the fixed file in place instead of printing the diff (not with -).")
  boolean write;

  @Option(names = "--no-wheels", description = "Only the fixes that need no index: no base-image switch.")
  boolean noWheels;

  @Option(names = "--keep-base", description = "Keep the base image (no Alpine-to-slim switch); build dependencies left in the final "
      + "stage go into an apk --virtual group deleted after the install (apk), are purged after it (apt-get), or move to a "
      + "builder stage.")
  boolean keepBase;

  @Option(names = {"-c", "--config"}, paramLabel = "FILE", description = "The .hadolint.yaml to read (default: ./.hadolint.yaml, then "
      + "hadolint's user config paths); a rule it ignores is not fixed either.")
  Path config;

  @Option(names = "--ignore", paramLabel = "CODE", description = "A rule not to fix (repeat), as lint's --ignore.")
  List<String> ignore = new ArrayList<>();

  /** The rules fix has edits for: an ignored finding of one of these is named on standard error. */
  private static final Set<String> FIXABLE = Set.of("WW1001", "WW1003", "DL3042", "DL3019");

  @Mixin WheelCheckOptions wheels = new WheelCheckOptions();

  @Mixin OutputOptions verbosity = new OutputOptions();

  @Override
  public Integer call() throws IOException, ParseError, IndexError {
    boolean stdin = file.equals("-");
    if (stdin && write) {
      throw new UsageException("--write needs a file, not standard input");
    }
    Path path = Path.of(stdin ? "Dockerfile" : file);
    if (!stdin && !Files.isRegularFile(path)) {
      throw new UsageException(file + ": no such Dockerfile");
    }
    for (String code : ignore) {
      if (!code.matches("[A-Za-z]+[0-9]+")) {
        throw new UsageException("'" + code + "' is not a rule code (DL3042, WW1003)");
      }
    }
    LintConfig settings = LintConfig.of(ignore, Map.of(), Optional.empty(), List.of(), List.of(), Optional.empty(), Optional.empty())
        .over(LintConfigFiles.read(config, stdin ? "-" : file, verbosity.trace(spec.commandLine().getErr())));
    byte[] bytes = stdin ? System.in.readAllBytes() : Files.readAllBytes(path);
    Dockerfile parsed = Dockerfile.parse(stdin ? "-" : file, bytes);
    Path context = stdin ? Path.of(".") : Optional.ofNullable(path.toAbsolutePath().getParent()).orElse(Path.of("."));
    Path contextOrNull = stdin ? null : context;
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter notices = verbosity.notices(err);
    verbosity.trace(err).println("verbose: input: " + (stdin ? "standard input" : file));
    Fixer.Outcome outcome;
    try (WheelCheckOptions.Session session = noWheels ? null : wheels.open(err, verbosity)) {
      DockerfileModel model = DockerfileModel.of(parsed, Map.of(), contextOrNull);
      Optional<Wheels> facts = Optional.empty();
      if (session != null && model.finalStage() != null) {
        try {
          facts = Optional.of(session.check(model, path, context));
        } catch (UsageException | ParseError cannot) {
          notices.println("note: " + file + ": no base-image switch: " + (cannot instanceof ParseError p ? p.render() : cannot.getMessage()));
        }
      }
      Subject subject = new Subject(parsed, model, Set.of(), facts, Set.of());
      List<Finding> findings = new Linter(Rules.ALL, settings, facts.isPresent()).lint(subject, List.of());
      skipped(subject, findings, settings, facts.isPresent(), err);
      Plan plan = Fixer.plan(subject, findings, ApkToApt.standard(), keepBase);
      Optional<Fixer.Checker> checker = session == null ? Optional.empty()
          : Optional.of(after -> session.check(DockerfileModel.of(after, Map.of(), contextOrNull), path, context));
      outcome = Fixer.judge(parsed, facts, plan, checker);
    }
    Plan plan = outcome.plan();
    PrintWriter out = spec.commandLine().getOut();
    if (write) {
      if (!plan.edits().isEmpty()) {
        Files.write(path, outcome.text().getBytes(Charset.forName(parsed.charset())));
      }
      plan.edits().forEach(e -> notices.println("fixed " + e.code() + ": " + e.why()));
    } else {
      // a/ and b/ names patch -p1 and git apply take: the path as given, or the file name when absolute
      String name = stdin ? "Dockerfile" : path.isAbsolute() ? path.getFileName().toString() : path.normalize().toString();
      out.print(FixDiff.render(name, parsed.text(), plan));
      out.flush();
    }
    for (Plan.Refusal r : plan.refused()) {
      err.println("fix: refused " + r.code() + " at " + file + ":" + r.line() + ": " + r.reason());
    }
    return plan.refused().isEmpty() ? Main.EXIT_OK : Main.EXIT_POLICY;
  }

  /**
   * Names the fixable findings the settings silence (an ignored rule, an inline ignore pragma):
   * fix obeys lint's ignores, and says which fixes that skipped, so a missing fix is not a mystery.
   */
  private void skipped(Subject subject, List<Finding> kept, LintConfig settings, boolean wheelRules, PrintWriter err) {
    LintConfig everything = LintConfig.of(List.of(), Map.of(), Optional.empty(), List.of(), List.of(), Optional.of(true), Optional.empty());
    for (Finding f : new Linter(Rules.ALL, everything, wheelRules).lint(subject, List.of())) {
      boolean stays = kept.stream().anyMatch(k -> k.code().equals(f.code()) && k.span().line() == f.span().line()
          && k.span().column() == f.span().column());
      if (FIXABLE.contains(f.code()) && !stays) {
        String why = settings.ignored().contains(f.code())
            ? "the rule is ignored (--ignore, .hadolint.yaml `ignored` or [tool.wheelwise.lint])"
            : "an inline `# hadolint ignore=` / `# wheelwise ignore=` pragma silences it";
        err.println("fix: skipped " + f.code() + " at " + file + ":" + f.span().line() + ": " + why);
      }
    }
  }
}
