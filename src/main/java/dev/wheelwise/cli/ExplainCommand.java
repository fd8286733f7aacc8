package dev.wheelwise.cli;

import dev.wheelwise.advise.ChooserTarget;
import dev.wheelwise.advise.Explainer;
import dev.wheelwise.advise.FileChooser;
import dev.wheelwise.advise.FormatControl;
import dev.wheelwise.index.FetchOutcome;
import dev.wheelwise.index.IndexError;
import dev.wheelwise.index.ProjectPage;
import dev.wheelwise.index.ProjectSource;
import dev.wheelwise.index.Source;
import dev.wheelwise.pep440.Version;
import dev.wheelwise.pep508.Names;
import dev.wheelwise.tags.Target;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code wheelwise explain PACKAGE[==VERSION]}: every file of the release, its tags, why each
 * is or is not usable on the target, and which one pip would take.
 */
@Command(name = "explain", mixinStandardHelpOptions = true,
    description = {"Show every file of a release, whether pip can use it on the target and why, and which file pip would take.",
        "Example: wheelwise explain matplotlib --python 3.8 --libc musl-1.1 --pip 19.3.1 --as-of 2020-01-20 --offline"})
final class ExplainCommand implements Callable<Integer> {

  @Parameters(paramLabel = "PACKAGE[==VERSION]", description = "a project, optionally pinned")
  String requirement;

  @Mixin TargetOptions target;

  @Mixin IndexOptions index;

  @picocli.CommandLine.Mixin OutputOptions verbosity = new OutputOptions();

  @Spec CommandSpec spec;

  /** A wheel's tags, sorted, or empty for an sdist or a name that does not parse. */
  private static Optional<String> tagsOf(String filename) {
    if (!filename.endsWith(".whl")) {
      return Optional.empty();
    }
    try {
      return Optional.of(dev.wheelwise.tags.WheelFilename.parse(filename).tags().stream().map(Object::toString).sorted()
          .collect(Collectors.joining(" ")));
    } catch (dev.wheelwise.tags.InvalidWheelFilename e) {
      return Optional.empty();
    }
  }

  @Override
  public Integer call() throws IndexError {
    String name = requirement;
    Optional<Version> pin = Optional.empty();
    int eq = requirement.indexOf("==");
    if (eq >= 0) {
      name = requirement.substring(0, eq).strip();
      String v = requirement.substring(eq + 2).strip();
      pin = Optional.ofNullable(Version.tryParse(v));
      if (pin.isEmpty()) {
        throw new UsageException("'" + v + "' is not a PEP 440 version (in " + requirement + ")");
      }
    }
    if (!Names.isValid(name)) {
      throw new UsageException("'" + name + "' is not a valid project name (PEP 508)");
    }
    Target t = target.toTarget();
    PrintWriter out = spec.commandLine().getOut();
    index.verbosity = verbosity;
    try (IndexAccess access = new IndexAccess(index, spec.commandLine().getErr())) {
      ProjectSource source = access.source();
      FetchOutcome o = access.fetch(source, List.of(name)).values().iterator().next();
      if (o.error().isPresent()) {
        throw o.error().get();
      }
      if (o.page().isEmpty()) {
        throw new UsageException(Names.canonicalize(name) + ": not found (" + source.describe() + ")");
      }
      ProjectPage page = access.dated(o.page().get());
      Explainer.Explanation e = new Explainer(new FileChooser(ChooserTarget.of(t, target.profile()), FormatControl.DEFAULT))
          .explain(page, pin);
      StringBuilder text = new StringBuilder();
      text.append(e.project()).append(' ').append(e.version().orElse("")).append(" on ").append(t)
          .append(" (pip profile ").append(target.profile()).append(")\n");
      text.append("source: ").append(page.sources().stream().map(Source::toString).collect(Collectors.joining(", ")));
      access.asOf().ifPresent(a -> text.append(", as of ").append(a.cutoff()));
      text.append('\n');
      Optional<dev.wheelwise.index.AsOf> asOf = access.asOf();
      for (Explainer.FileVerdict f : e.files()) {
        boolean chosen = e.chosen().map(c -> c.equals(f.file())).orElse(false);
        text.append(chosen ? "=> " : f.usable() ? " + " : " - ").append(f.file().filename());
        tagsOf(f.file().filename()).ifPresent(tags -> text.append("  [").append(tags).append(']'));
        text.append("\n      ").append(f.why());
        asOf.map(a -> a.date(page.name(), f.file()).mark()).filter(m -> !m.isEmpty()).ifPresent(m -> text.append("; ").append(m));
        text.append('\n');
      }
      text.append(e.summary()).append('\n');
      out.print(text);
      out.flush();
      return Main.EXIT_OK;
    }
  }
}
