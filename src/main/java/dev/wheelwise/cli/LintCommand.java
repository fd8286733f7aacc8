package dev.wheelwise.cli;

import dev.wheelwise.LocalFiles;
import dev.wheelwise.Finding;
import dev.wheelwise.Finding.Severity;
import dev.wheelwise.ParseError;
import dev.wheelwise.dockerfile.Dockerfile;
import dev.wheelwise.dockerfile.DockerfileModel;
import dev.wheelwise.index.IndexError;
import dev.wheelwise.lint.ConfigFiles;
import dev.wheelwise.lint.LintConfig;
import dev.wheelwise.lint.LintResult;
import dev.wheelwise.lint.Linter;
import dev.wheelwise.lint.Rules;
import dev.wheelwise.lint.ShellCheck;
import dev.wheelwise.lint.Subject;
import dev.wheelwise.lint.Wheels;
import dev.wheelwise.report.LintCodeclimate;
import dev.wheelwise.report.LintJson;
import dev.wheelwise.report.LintSarif;
import dev.wheelwise.report.LintText;
import dev.wheelwise.report.LintXml;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code wheelwise lint [DOCKERFILE…|-]}: the rules of {@link Rules#ALL} (hadolint's codes where
 * they are hadolint's), ShellCheck on RUN scripts when it is installed, and the wheel-aware
 * rules on check's answer for the base image. Settings: flags over pyproject.toml's
 * {@code [tool.wheelwise.lint]} over {@code .hadolint.yaml} over defaults. Exit 0 below the
 * failure threshold, 1 at or above it, 2 for usage, config or parse errors, 3 when the index fails.
 */
@Command(name = "lint", mixinStandardHelpOptions = true,
    description = "Lint Dockerfiles: hadolint-compatible rules and codes, ShellCheck on RUN, and Python-aware rules that know "
        + "which packages compile on the base image.")
public final class LintCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "DOCKERFILE", arity = "0..*", description = "Dockerfiles to lint; - reads standard input (default ./Dockerfile).")
  List<String> files = new ArrayList<>();

  @Option(names = "--show-config", description = "Print each option's value and where it came from (flag, WHEELWISE_* "
      + "variable, [tool.wheelwise] in pyproject.toml, default), then exit.")
  boolean showConfig;

  @Option(names = "--format", paramLabel = "FORMAT",
      description = "tty, json, sarif, checkstyle, gitlab_codeclimate (also codeclimate) or junit (default tty).")
  String format = "tty";

  @Option(names = {"-c", "--config"}, paramLabel = "FILE", description = "The .hadolint.yaml to read (default: ./.hadolint.yaml, then hadolint's user config paths).")
  Path config;

  @Option(names = "--ignore", paramLabel = "CODE", description = "A rule to skip (repeat).")
  List<String> ignore = new ArrayList<>();

  @Option(names = "--enable", paramLabel = "CODE", description = "A rule that is off by default to run (DL3008; repeat).")
  List<String> enable = new ArrayList<>();

  @Option(names = "--error", paramLabel = "CODE", description = "Report CODE as an error (repeat).")
  List<String> asError = new ArrayList<>();

  @Option(names = "--warning", paramLabel = "CODE", description = "Report CODE as a warning (repeat).")
  List<String> asWarning = new ArrayList<>();

  @Option(names = "--info", paramLabel = "CODE", description = "Report CODE as info (repeat).")
  List<String> asInfo = new ArrayList<>();

  @Option(names = "--style", paramLabel = "CODE", description = "Report CODE as style (repeat).")
  List<String> asStyle = new ArrayList<>();

  @Option(names = {"-t", "--failure-threshold"}, paramLabel = "LEVEL",
      description = "Exit 1 from this level up: error, warning, info, style or none (default info, as hadolint).")
  String failureThreshold;

  @Option(names = "--trusted-registry", paramLabel = "REGISTRY", description = "A registry FROM may use (repeat; enables DL3026).")
  List<String> trustedRegistries = new ArrayList<>();

  @Option(names = "--no-fail", description = "Exit 0 whatever is found (errors in the input still exit 2).")
  boolean noFail;

  @Option(names = "--disable-ignore-pragma", description = "Do not obey inline # hadolint ignore= / # wheelwise ignore= comments.")
  boolean disableIgnorePragma;

  @Option(names = "--no-color", description = "No colours in tty output (also NO_COLOR, or when not a terminal).")
  boolean noColor;

  @Option(names = "--no-wheels", description = "Skip the wheel-aware rules (no index or snapshot is read).")
  boolean noWheels;

  @Option(names = "--no-shellcheck", description = "Do not run ShellCheck on RUN scripts even when it is installed.")
  boolean noShellcheck;

  @Option(names = "--output", paramLabel = "FILE", description = "Write the report to FILE instead of standard output.")
  Path output;

  @Mixin WheelCheckOptions wheels = new WheelCheckOptions();

  @Mixin OutputOptions verbosity = new OutputOptions();

  @Override
  public Integer call() throws IOException, ParseError, IndexError {
    String renderer = format.toLowerCase(Locale.ROOT).replace('-', '_');
    if (!List.of("tty", "json", "sarif", "checkstyle", "gitlab_codeclimate", "codeclimate", "junit").contains(renderer)) {
      throw new UsageException("--format: expected tty, json, sarif, checkstyle, gitlab_codeclimate or junit, got '" + format + "'");
    }
    LintConfig settings = settings();
    Linter linter = new Linter(Rules.ALL, settings, !noWheels);
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter notices = verbosity.notices(err);
    Optional<ShellCheck> shellcheck = noShellcheck ? Optional.empty() : ShellCheck.onPath(System.getenv("PATH"));
    if (!noShellcheck && shellcheck.isEmpty()) {
      notices.println("note: shellcheck is not on PATH: RUN scripts are not checked by ShellCheck (Debian: apt-get install shellcheck)");
    }
    List<LintResult> results = new ArrayList<>();
    try (WheelCheckOptions.Session session = noWheels ? null : wheels.open(err, verbosity)) {
      for (String name : files.isEmpty() ? List.of("Dockerfile") : files) {
        verbosity.trace(err).println("verbose: input: " + (name.equals("-") ? "standard input" : name));
        results.add(lintOne(name, linter, settings, session, shellcheck, notices));
      }
    }
    render(results, renderer);
    boolean failed = results.stream().anyMatch(r -> linter.fails(r.findings()));
    return failed && !settings.noFail().orElse(false) ? Main.EXIT_POLICY : Main.EXIT_OK;
  }

  private LintResult lintOne(String name, Linter linter, LintConfig settings, WheelCheckOptions.Session session,
      Optional<ShellCheck> shellcheck, PrintWriter notices) throws IOException, ParseError, IndexError {
    boolean stdin = name.equals("-");
    Path path = Path.of(stdin ? "Dockerfile" : name);
    if (!stdin && !Files.isRegularFile(path)) {
      throw new UsageException(name + ": no such Dockerfile");
    }
    byte[] bytes = stdin ? LocalFiles.read(System.in, "standard input") : LocalFiles.read(path);
    Dockerfile file = Dockerfile.parse(stdin ? "-" : name, bytes);
    Path context = stdin ? Path.of(".") : Optional.ofNullable(path.toAbsolutePath().getParent()).orElse(Path.of("."));
    DockerfileModel model = DockerfileModel.of(file, Map.of(), stdin ? null : context);
    Optional<Wheels> facts = Optional.empty();
    if (session != null && model.finalStage() != null) {
      try {
        facts = Optional.of(session.checkBase(model, path, context));
      } catch (UsageException | ParseError cannot) {
        notices.println("note: " + name + ": wheel-aware rules skipped: " + (cannot instanceof ParseError p ? p.render() : cannot.getMessage()));
      }
    }
    Set<String> contextFiles = new HashSet<>();
    if (!stdin) {
      try (Stream<Path> entries = Files.list(context)) {
        entries.forEach(p -> contextFiles.add(p.getFileName().toString()));
      }
    }
    Subject subject = new Subject(file, model, contextFiles, facts, settings.trustedRegistries());
    List<Finding> external = shellcheck.isPresent() ? shellcheck.get().check(subject) : List.of();
    return new LintResult(file.source(), linter.lint(subject, external));
  }

  /** Flags over pyproject.toml over .hadolint.yaml. */
  private LintConfig settings() throws IOException {
    Map<Severity, List<String>> override = new LinkedHashMap<>();
    override.put(Severity.ERROR, asError);
    override.put(Severity.WARNING, asWarning);
    override.put(Severity.INFO, asInfo);
    override.put(Severity.STYLE, asStyle);
    Optional<Severity> threshold = Optional.empty();
    if (failureThreshold != null) {
      threshold = Optional.of(Severity.parse(failureThreshold).orElseThrow(() -> new UsageException(
          "--failure-threshold: expected error, warning, info, style or none, got '" + failureThreshold + "'")));
    }
    for (String code : Stream.of(ignore, enable, asError, asWarning, asInfo, asStyle).flatMap(List::stream).toList()) {
      if (!code.matches("[A-Za-z]+[0-9]+")) {
        throw new UsageException("'" + code + "' is not a rule code (DL3008, WW1001, SC2086)");
      }
    }
    LintConfig flags = LintConfig.of(ignore, override, threshold, trustedRegistries, enable,
        disableIgnorePragma ? Optional.of(true) : Optional.empty(), noFail ? Optional.of(true) : Optional.empty());
    return flags.over(LintConfigFiles.read(config, files.isEmpty() ? "Dockerfile" : files.get(0),
        verbosity.trace(spec.commandLine().getErr())));
  }

  private void render(List<LintResult> results, String renderer) throws IOException {
    String text = switch (renderer) {
      case "json" -> LintJson.render(results);
      case "sarif" -> LintSarif.render(results, VersionProvider.version(), Path.of(""));
      case "checkstyle" -> LintXml.checkstyle(results);
      case "junit" -> LintXml.junit(results);
      case "gitlab_codeclimate", "codeclimate" -> LintCodeclimate.render(results);
      default -> LintText.render(results, colour());
    };
    if (output != null) {
      Files.writeString(output, text, StandardCharsets.UTF_8);
    } else {
      spec.commandLine().getOut().print(text);
      spec.commandLine().getOut().flush();
    }
  }

  /** Colour only on a terminal, never with --no-color or NO_COLOR (https://no-color.org: any non-empty value). */
  private boolean colour() {
    String noColour = System.getenv("NO_COLOR");
    return !noColor && output == null && (noColour == null || noColour.isEmpty()) && System.console() != null;
  }
}
