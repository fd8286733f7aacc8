package dev.wheelwise.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wheelwise.index.AsOf;
import dev.wheelwise.index.DistFile;
import dev.wheelwise.index.FetchOutcome;
import dev.wheelwise.index.ProjectPage;
import dev.wheelwise.index.ProjectSource;
import dev.wheelwise.index.Source;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code wheelwise files NAME…}: the files an index (or the snapshot) lists for each project,
 * with sizes, upload times, hashes and where the answer came from. Exit 3 when an index
 * answered badly; what was fetched is still printed.
 */
@Command(name = "files", mixinStandardHelpOptions = true,
    description = {"List the files the index (or the snapshot) has for each project, with their source.",
        "Example: wheelwise files numpy pandas --as-of 2020-01-20 --offline"})
final class FilesCommand implements Callable<Integer> {

  @Parameters(paramLabel = "NAME", arity = "1..*", description = "project names")
  List<String> names;

  @Mixin IndexOptions index;

  @picocli.CommandLine.Mixin OutputOptions verbosity = new OutputOptions();

  @Option(names = "--format", paramLabel = "text|json", description = "output format (default: ${DEFAULT-VALUE})")
  String format = "text";

  @Spec CommandSpec spec;

  /** One project's answer: found (with its dated files), not found, or an error message. */
  private record Listing(String name, Optional<ProjectPage> page, List<AsOf.Dated> files, Optional<String> error) {}

  @Override
  public Integer call() {
    if (!format.equals("text") && !format.equals("json")) {
      throw new UsageException("--format expects text or json, got '" + format + "'");
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    index.verbosity = verbosity;
    try (IndexAccess access = new IndexAccess(index, err)) {
      ProjectSource source = access.source();
      Map<String, FetchOutcome> outcomes = access.fetch(source, names);
      Optional<AsOf> asOf = access.asOf();
      List<Listing> listings = new ArrayList<>();
      for (FetchOutcome o : outcomes.values()) {
        o.error().ifPresent(e -> err.println("error: " + o.name() + ": " + e.getMessage()));
        List<AsOf.Dated> dated = o.page().map(p -> asOf.map(a -> a.date(p))
            .orElseGet(() -> p.files().stream().map(f -> new AsOf.Dated(f, AsOf.Status.UPLOADED, "")).toList())).orElse(List.of());
        listings.add(new Listing(o.name(), o.page(), dated, o.error().map(Exception::getMessage)));
      }
      String describe = source.describe();
      out.print(format.equals("json") ? json(listings, asOf, describe) : text(listings, asOf, describe));
      out.flush();
      return listings.stream().anyMatch(l -> l.error().isPresent()) ? Main.EXIT_INDEX : Main.EXIT_OK;
    }
  }

  private static String sources(ProjectPage page) {
    return page.sources().stream().map(Source::toString).collect(Collectors.joining(", "));
  }

  /** With --as-of, files after the cutoff are left out; unknown ones are shown, marked "?". */
  private static boolean shown(AsOf.Dated d, Optional<AsOf> asOf) {
    return asOf.isEmpty() || d.counted() || d.status() != AsOf.Status.AFTER;
  }

  private static String text(List<Listing> listings, Optional<AsOf> asOf, String describe) {
    StringBuilder text = new StringBuilder();
    for (Listing l : listings) {
      if (l.error().isPresent()) {
        continue; // on stderr already
      }
      if (l.page().isEmpty()) {
        text.append(l.name()).append(": not found (").append(describe).append(")\n");
        continue;
      }
      long counted = l.files().stream().filter(AsOf.Dated::counted).count();
      text.append(l.page().get().name()).append(" (").append(sources(l.page().get())).append("): ")
          .append(counted).append(" file").append(counted == 1 ? "" : "s");
      asOf.ifPresent(a -> text.append(" as of ").append(a.cutoff()));
      text.append('\n');
      for (AsOf.Dated d : l.files()) {
        if (!shown(d, asOf)) {
          continue;
        }
        DistFile f = d.file();
        text.append("  ").append(d.counted() ? "" : "? ").append(f.filename())
            .append("  ").append(f.size().isPresent() ? f.size().getAsLong() + " B" : "size unknown")
            .append("  ").append(f.uploadTime().map(Object::toString).orElse("upload time unknown"));
        f.requiresPython().ifPresent(r -> text.append("  requires-python ").append(r));
        if (f.yanked().isYanked()) {
          text.append("  ").append(f.yanked());
        }
        if (!d.mark().isEmpty()) {
          text.append("  [").append(d.mark()).append(']');
        }
        text.append('\n');
      }
    }
    return text.toString();
  }

  private static String json(List<Listing> listings, Optional<AsOf> asOf, String describe) {
    ObjectNode root = new ObjectMapper().createObjectNode().put("schema", "wheelwise.files/1");
    root.put("asOf", asOf.map(a -> a.cutoff().toString()).orElse(null));
    ArrayNode projects = root.putArray("projects");
    for (Listing l : listings) {
      ObjectNode p = projects.addObject().put("name", l.name());
      if (l.error().isPresent()) {
        p.put("error", l.error().get());
        continue;
      }
      p.put("found", l.page().isPresent()).put("source", l.page().map(FilesCommand::sources).orElse(describe));
      ArrayNode files = p.putArray("files");
      for (AsOf.Dated d : l.files()) {
        if (!shown(d, asOf)) {
          continue;
        }
        DistFile f = d.file();
        ObjectNode jf = files.addObject().put("filename", f.filename()).put("counted", d.counted());
        f.size().ifPresent(s -> jf.put("bytes", s));
        f.uploadTime().ifPresent(t -> jf.put("uploadTime", t.toString()));
        f.sha256().ifPresent(h -> jf.put("sha256", h));
        f.requiresPython().ifPresent(r -> jf.put("requiresPython", r));
        jf.put("yanked", f.yanked().state().name().toLowerCase(Locale.ROOT));
        if (!d.mark().isEmpty()) {
          jf.put("asOf", d.mark());
        }
      }
    }
    return root.toPrettyString() + "\n";
  }
}
