package dev.wheelwise.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wheelwise.index.AsOf;
import dev.wheelwise.index.DistFile;
import dev.wheelwise.index.FetchOutcome;
import dev.wheelwise.index.IndexError;
import dev.wheelwise.index.ProjectPage;
import dev.wheelwise.index.ProjectSource;
import dev.wheelwise.index.Source;
import java.io.PrintWriter;
import java.util.List;
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

  @Option(names = "--format", paramLabel = "text|json", description = "output format (default: ${DEFAULT-VALUE})")
  String format = "text";

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    if (!format.equals("text") && !format.equals("json")) {
      throw new UsageException("--format expects text or json, got '" + format + "'");
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try (IndexAccess access = new IndexAccess(index, err)) {
      ProjectSource source = access.source();
      Map<String, FetchOutcome> outcomes = access.fetch(source, names);
      Optional<AsOf> asOf = access.asOf();
      boolean failed = false;
      ObjectNode json = new ObjectMapper().createObjectNode().put("schema", "wheelwise.files/1");
      json.put("asOf", asOf.map(a -> a.cutoff().toString()).orElse(null));
      ArrayNode projects = json.putArray("projects");
      StringBuilder text = new StringBuilder();
      for (FetchOutcome o : outcomes.values()) {
        if (o.error().isPresent()) {
          failed = true;
          IndexError e = o.error().get();
          err.println("error: " + o.name() + ": " + e.getMessage());
          projects.addObject().put("name", o.name()).put("error", e.getMessage());
          continue;
        }
        if (o.page().isEmpty()) {
          text.append(o.name()).append(": not found (").append(source.describe()).append(")\n");
          projects.addObject().put("name", o.name()).put("found", false).put("source", source.describe());
          continue;
        }
        ProjectPage page = o.page().get();
        String sources = page.sources().stream().map(Source::toString).collect(Collectors.joining(", "));
        List<AsOf.Dated> dated = asOf.map(a -> a.date(page)).orElse(page.files().stream().map(f -> new AsOf.Dated(f, AsOf.Status.UPLOADED, "")).toList());
        ObjectNode p = projects.addObject().put("name", page.name()).put("found", true).put("source", sources);
        ArrayNode files = p.putArray("files");
        long counted = dated.stream().filter(AsOf.Dated::counted).count();
        text.append(page.name()).append(" (").append(sources).append("): ").append(counted).append(" file").append(counted == 1 ? "" : "s");
        asOf.ifPresent(a -> text.append(" as of ").append(a.cutoff()));
        text.append('\n');
        for (AsOf.Dated d : dated) {
          if (asOf.isPresent() && !d.counted() && d.status() == AsOf.Status.AFTER) {
            continue;
          }
          DistFile f = d.file();
          ObjectNode jf = files.addObject().put("filename", f.filename());
          f.size().ifPresent(s -> jf.put("bytes", s));
          f.uploadTime().ifPresent(t -> jf.put("uploadTime", t.toString()));
          f.sha256().ifPresent(h -> jf.put("sha256", h));
          f.requiresPython().ifPresent(r -> jf.put("requiresPython", r));
          jf.put("yanked", f.yanked().state().name().toLowerCase(java.util.Locale.ROOT));
          if (!d.mark().isEmpty()) {
            jf.put("asOf", d.mark());
          }
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
      out.print(format.equals("json") ? json.toPrettyString() + "\n" : text);
      out.flush();
      return failed ? Main.EXIT_INDEX : Main.EXIT_OK;
    }
  }
}
