package dev.wheelwise.cli;

import dev.wheelwise.ParseError;
import dev.wheelwise.advise.ImagePlan;
import dev.wheelwise.bench.Bench;
import dev.wheelwise.bench.BenchError;
import dev.wheelwise.bench.BenchEvent;
import dev.wheelwise.bench.BenchReport;
import dev.wheelwise.bench.BuildRecipe;
import dev.wheelwise.bench.Comparison;
import dev.wheelwise.bench.EngineClient;
import dev.wheelwise.bench.Generated;
import dev.wheelwise.bench.Measurement;
import dev.wheelwise.bench.Rebase;
import dev.wheelwise.bench.Recording;
import dev.wheelwise.image.ImageReference;
import dev.wheelwise.report.BenchHtml;
import dev.wheelwise.report.BenchJson;
import dev.wheelwise.report.BenchTable;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code wheelwise bench}: builds the project for real on each candidate image through the
 * container engine and prints the measurement beside check's prediction. The candidates and the
 * prediction come from {@link CheckCommand#compute}; the builds from {@link Bench}.
 */
@Command(name = "bench", description = "Build the project on candidate images with the container engine; measured beside predicted.")
final class BenchCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @picocli.CommandLine.Mixin OutputOptions verbosity = new OutputOptions();

  @Parameters(paramLabel = "PATH", arity = "0..1", description = "Project folder, Dockerfile or dependency file (default: .).")
  Path path;

  @Option(names = {"-f", "--file"}, paramLabel = "DOCKERFILE", description = "The Dockerfile, with PATH its build context.")
  Path file;

  @Option(names = "--image", paramLabel = "REF", description = "An image to build on (repeat; default: the Dockerfile's base, "
      + "check's recommendation and the next best two).")
  List<String> images = new ArrayList<>();

  @Option(names = "--platform", paramLabel = "OS/ARCH", description = "The platform to build for (default: the engine's).")
  String platform;

  @Option(names = "--index-url", paramLabel = "URL", description = "The package index, for the prediction and the builds.")
  String indexUrl;

  @Option(names = "--extra-index-url", paramLabel = "URL", description = "More indexes (repeat).")
  List<String> extraIndexUrls = new ArrayList<>();

  @Option(names = "--offline", description = "Predict from the embedded snapshot only (the builds still reach their index).")
  boolean offline;

  @Option(names = "--repeat", paramLabel = "N", description = "Builds per image (default: 1); median, min and max are shown.")
  int repeat = 1;

  @Option(names = "--jobs", paramLabel = "N", description = "Builds run at once on the engine (default: 1).")
  int jobs = 1;

  @Option(names = "--keep", description = "Keep the built images (labelled " + Bench.LABEL + "=RUN).")
  boolean keep;

  @Option(names = "--context", paramLabel = "NAME", description = "The docker context to use (default: DOCKER_HOST, DOCKER_CONTEXT, the current context).")
  String context;

  @Option(names = "--format", paramLabel = "FORMAT", description = "table, json, markdown or html (default: table).")
  String format = "table";

  @Option(names = "--output", paramLabel = "FILE", description = "Write the report to FILE instead of standard output.")
  Path output;

  @Option(names = "--record", paramLabel = "FILE", description = "Append the measured source builds to FILE in compile-times.tsv's columns.")
  Path record;

  @Option(names = "--timeout", paramLabel = "DURATION",
      description = "Stop (exit 3) if the prediction is still fetching from its index this long after the start, e.g. 120s, 5m (default: none); the builds are not bounded by it.")
  String timeout;

  @Override
  public Integer call() throws ParseError, IOException, BenchError {
    String renderer = format.toLowerCase(Locale.ROOT);
    if (!List.of("table", "json", "markdown", "html").contains(renderer)) {
      throw new UsageException("--format: expected table, json, markdown or html, got '" + format + "'");
    }
    if (repeat < 1 || jobs < 1) {
      throw new UsageException("--repeat and --jobs take a number of at least 1");
    }
    PrintWriter err = spec.commandLine().getErr();
    EngineClient engine = EngineImages.connect(System.getenv(), Optional.ofNullable(context), verbosity.trace(err));
    // Over ssh the engine holds processes: whatever happens below, they end with the command.
    try (EngineExitHook exit = new EngineExitHook(engine)) {
      return run(engine, exit, renderer, err);
    } finally {
      engine.close();
    }
  }

  private Integer run(EngineClient engine, EngineExitHook exit, String renderer, PrintWriter err) throws ParseError, IOException, BenchError {
    String engineLabel = engine.where() + ", Docker " + engine.version().version();

    CheckCommand check = new CheckCommand();
    check.paths = path == null ? List.of() : List.of(path);
    check.file = file;
    check.images = images;
    check.platforms = platform == null ? List.of() : List.of(platform);
    check.indexUrl = indexUrl;
    check.extraIndexUrls = extraIndexUrls;
    check.offline = offline;
    check.engineContext = Optional.ofNullable(context);
    // The build's pip sees no pip.conf or PIP_* of this machine: the prediction reads only the indexes given here too.
    check.connection.isolated = true;
    check.connection.timeout = timeout;
    check.verbosity = verbosity;
    PrintWriter notices = verbosity.notices(err);
    CheckCommand.Checked checked;
    try (IndexAccess access = new IndexAccess(check.indexOptions(), err)) {
      checked = check.compute(access, err);
    }
    List<ImagePlan> plans = checked.result().images();
    List<String> candidates = candidates(plans, checked.inUse());
    if (candidates.isEmpty()) {
      throw new UsageException("no image to build on: check placed none; name one with --image");
    }
    List<BuildRecipe> recipes = new ArrayList<>();
    for (String image : candidates) {
      Optional<ImagePlan> plan = plans.stream().filter(p -> p.image().image().equals(image)).findFirst();
      if (checked.dockerfile().isPresent()) {
        CheckCommand.ReadDockerfile d = checked.dockerfile().get();
        recipes.add(Rebase.of(d.file(), d.model(), d.context(), Optional.of(d.path()), image));
      } else if (plan.isPresent()) {
        recipes.add(Generated.of(plan.get(), Optional.ofNullable(indexUrl), extraIndexUrls));
      } else {
        throw new UsageException(image + ": check planned nothing for it, and there is no Dockerfile to build");
      }
    }

    String runId = UUID.randomUUID().toString().substring(0, 12);
    Bench bench = new Bench(engine, runId, keep, event -> progress(notices, event));
    // An interrupted run (SIGINT) removes what it made before the JVM exits (then the engine's connections end).
    exit.first(bench::cleanup);
    List<Measurement> measurements;
    try {
      notices.println("bench: run " + runId + " on " + engineLabel + ": " + candidates.size() + " image(s) × " + repeat);
      notices.flush();
      measurements = bench.run(recipes, Optional.ofNullable(platform), repeat, jobs);
    } finally {
      bench.cleanup();
      exit.first(() -> { });
    }
    BenchReport report = new BenchReport(runId, engineLabel, engine.cores(), checked.result().index(), repeat,
        Comparison.of(candidates, plans, measurements));
    String text = switch (renderer) {
      case "json" -> BenchJson.render(report);
      case "markdown" -> BenchTable.markdown(report);
      case "html" -> BenchHtml.render(report);
      default -> BenchTable.text(report);
    };
    if (output != null) {
      Files.writeString(output, text, StandardCharsets.UTF_8);
    } else {
      spec.commandLine().getOut().print(text);
      spec.commandLine().getOut().flush();
    }
    if (record != null) {
      List<String> rows = new ArrayList<>(Recording.rows(report));
      if (!Files.exists(record) || Files.size(record) == 0) {
        rows.add(0, Recording.HEADER);
      }
      Files.write(record, rows, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
    return Main.EXIT_OK;
  }

  /** The named images, else the Dockerfile's base, the recommended image and the next best two, each once. */
  private List<String> candidates(List<ImagePlan> ranked, Set<String> inUse) {
    if (!images.isEmpty()) {
      // Named as the plans name them (python:3.12-slim, private/app:latest), so prediction and measurement pair up.
      Set<String> named = new LinkedHashSet<>();
      for (String image : images) {
        named.add(ranked.stream().map(p -> p.image().image()).filter(n -> familiar(n).equals(familiar(image))).findFirst().orElse(image));
      }
      return List.copyOf(named);
    }
    Set<String> out = new LinkedHashSet<>();
    ranked.stream().map(p -> p.image().image()).filter(inUse::contains).forEach(out::add);
    int others = 0;
    for (ImagePlan p : ranked) {
      if (p.image().target().isPresent() && others < 3 && out.add(p.image().image())) {
        others++;
      }
    }
    return List.copyOf(out);
  }

  private static String familiar(String reference) {
    try {
      return ImageReference.parse(reference).familiar();
    } catch (ParseError unparsable) {
      return reference;
    }
  }

  private static void progress(PrintWriter err, BenchEvent event) {
    if (event instanceof BenchEvent.Started s) {
      err.println("bench: " + s.image() + " run " + s.run() + ": building");
    } else if (event instanceof BenchEvent.Step s) {
      err.println("bench: " + s.image() + " run " + s.run() + ": step " + s.number() + "/" + s.of() + " " + s.instruction());
    } else if (event instanceof BenchEvent.Finished f) {
      Measurement m = f.measurement();
      err.println("bench: " + m.image() + " run " + m.run() + ": " + (m.built() ? "built" : "failed"
          + m.failedStep().map(s -> " at step " + s.number()).orElse("") + m.errorLine().map(e -> ": " + e).orElse(""))
          + String.format(Locale.ROOT, " (%.1f s)", m.wallSeconds()));
    } else if (event instanceof BenchEvent.Cleaned c) {
      err.println("bench: removed " + c.images() + " image(s), " + c.containers() + " container(s)" + (c.kept() ? "; built images kept" : ""));
    }
    err.flush();
  }
}
