package dev.wheelwise.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wheelwise.advise.BuildNeed;
import dev.wheelwise.advise.CandidateFile;
import dev.wheelwise.advise.CheckResult;
import dev.wheelwise.index.IndexProvenance;
import dev.wheelwise.advise.Choice;
import dev.wheelwise.advise.CostPart;
import dev.wheelwise.advise.ImagePlan;
import dev.wheelwise.advise.Matrix;
import dev.wheelwise.advise.PackagePlan;
import java.io.UncheckedIOException;
import dev.wheelwise.advise.Range;
import java.util.List;
import java.util.Optional;

/**
 * {@code check --format json}: schema {@code wheelwise.check/1} exactly as DESIGN.md gives it.
 * Unknown numbers are {@code null}, never 0. Additive keys beyond the contract:
 * {@code images[].unavailable.reason} (and {@code images[].unknown.reason} with the verdict
 * {@code unknown}, when a build's needs or the image's facts are not known),
 * {@code images[].pip} (the pip whose choice is modelled), {@code images[].remarks}, {@code images[].skipped} (what is not compared: local and VCS packages, releases whose dependencies are unknown),
 * {@code install: "unknown"} for a release with no known files or an unresolved requirement,
 * {@code packages[].filesComplete: false} when the choice rests on a partial file list, {@code packages[].build.known}/{@code note},
 * {@code summary.unknownSizes}, {@code summary.estimatedImageBytesRange} ({@code low}, {@code high}
 * or null: the size model gives a range; {@code estimatedImageBytes} is a number only when the
 * range is one point, else null), {@code estimatedBuildSeconds.high} null when unbounded,
 * {@code summary.buildTimeUnknown} and {@code summary.sizeUnknown} (the packages whose share of
 * an open-ended range is unknown), {@code summary.sizeNotes} (what the size estimate rests on:
 * wheels measured from their zip directory or estimated from file size, and why),
 * {@code summary.estimatedSizes} (files among {@code unknownSizes} whose size was estimated),
 * {@code summary.sizeParts} and {@code summary.buildTimeParts} (each total's parts with their basis),
 * {@code remedies}, and (issue 13) {@code matrix}, {@code images[].variant},
 * {@code recommendation.setup} and {@code nearest}.
 */
public final class CheckJson {

  public static final String SCHEMA = "wheelwise.check/1";
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private CheckJson() {}

  public static String render(CheckResult result) {
    try {
      return JSON.writeValueAsString(tree(result)) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ObjectNode tree(CheckResult result) {
    ObjectNode root = JSON.createObjectNode();
    root.put("schema", SCHEMA);
    ObjectNode source = root.putObject("source");
    source.put("index", result.index());
    source.put("asOf", result.asOf().orElse(null));
    provenance(source, result.provenance());
    ArrayNode inputs = root.putArray("inputs");
    result.inputs().forEach(i -> inputs.addObject().put("path", i.path()).put("kind", i.kind()));
    ArrayNode images = root.putArray("images");
    for (ImagePlan plan : result.images()) {
      images.add(image(plan));
    }
    if (result.recommendation().isPresent()) {
      ObjectNode rec = root.putObject("recommendation");
      rec.put("image", result.recommendation().get().image());
      strings(rec.putArray("reasons"), result.recommendation().get().reasons());
      rec.put("setup", result.recommendation().get().setup().orElse(null));
    } else {
      root.putNull("recommendation");
    }
    if (result.nearest().isPresent()) {
      ObjectNode near = root.putObject("nearest");
      near.put("image", result.nearest().get().image());
      near.put("platform", result.nearest().get().platform());
      strings(near.putArray("blocking"), result.nearest().get().blocking());
    } else {
      root.putNull("nearest");
    }
    root.set("matrix", matrix(result.matrix()));
    ArrayNode remedies = root.putArray("remedies");
    result.remedies().forEach(r -> remedies.addObject().put("image", r.image()).put("platform", r.platform())
        .put("kind", r.kind()).put("text", r.text()));
    return root;
  }

  /** {@code source.pipConfig}, {@code source.indexFailures} and {@code source.notices}: additive keys. */
  private static void provenance(ObjectNode source, IndexProvenance p) {
    if (p.equals(IndexProvenance.NONE)) {
      source.putNull("pipConfig");
    } else {
      ObjectNode config = source.putObject("pipConfig");
      ArrayNode files = config.putArray("files");
      p.pipConfig().files().forEach(f -> files.addObject().put("kind", f.kind()).put("path", f.path().toString()));
      strings(config.putArray("variables"), p.pipConfig().variables());
      config.put("isolated", p.pipConfig().isolated());
      config.put("filesSkipped", p.pipConfig().skippedFiles().isEmpty() ? null : p.pipConfig().skippedFiles());
      strings(config.putArray("notApplied"), p.pipConfig().notApplied());
    }
    ArrayNode failures = source.putArray("indexFailures");
    p.outages().forEach(o -> strings(failures.addObject().put("location", o.location()).put("reason", o.reason())
        .putArray("projects"), o.projects()));
    strings(source.putArray("notices"), p.notices());
  }

  private static ObjectNode matrix(Matrix m) {
    ObjectNode o = JSON.createObjectNode();
    strings(o.putArray("rows"), m.rows());
    ArrayNode columns = o.putArray("columns");
    m.columns().forEach(c -> columns.addObject().put("variant", c.variant()).put("platform", c.platform()));
    ArrayNode cells = o.putArray("cells");
    for (Matrix.Cell c : m.cells()) {
      ObjectNode cell = cells.addObject();
      cell.put("python", c.row());
      cell.put("variant", c.column().variant());
      cell.put("platform", c.column().platform());
      cell.put("image", c.image());
      cell.put("verdict", c.verdict().json());
      cell.put("installs", c.installs());
      cell.put("sourceBuilds", c.sourceBuilds());
      range(cell, "estimatedImageBytesRange", c.imageBytes());
      range(cell, "estimatedBuildSeconds", c.buildSeconds());
      cell.put("rank", c.rank());
      cell.put("recommended", c.recommended());
    }
    return o;
  }

  private static void range(ObjectNode parent, String key, Optional<Range> range) {
    if (range.isEmpty()) {
      parent.putNull(key);
      return;
    }
    ObjectNode r = parent.putObject(key).put("low", range.get().low());
    if (range.get().high().isPresent()) {
      r.put("high", range.get().high().getAsLong());
    } else {
      r.putNull("high");
    }
  }

  private static ObjectNode image(ImagePlan plan) {
    ObjectNode o = JSON.createObjectNode();
    o.put("image", plan.image().image());
    o.put("platform", plan.image().platform());
    o.put("variant", plan.image().variant());
    o.put("python", plan.image().python());
    o.put("libc", plan.image().libc());
    o.put("libcVersion", plan.image().libcVersion().orElse(null));
    // The pip whose file choice is modelled (recorded, assumed or given with --pip: remarks say which).
    o.put("pip", plan.image().target().flatMap(t -> t.profile().pip()).map(Object::toString).orElse(null));
    strings(o.putArray("remarks"), plan.image().remarks());
    ArrayNode packages = o.putArray("packages");
    plan.packages().forEach(p -> packages.add(pkg(p)));
    o.put("verdict", plan.verdict().json());
    plan.failure().ifPresent(f -> {
      ObjectNode fails = o.putObject("fails");
      fails.put("package", f.packageName());
      strings(fails.putArray("missingSystemPackages"), f.missingSystemPackages());
      fails.put("error", f.error());
    });
    plan.reason().ifPresent(r -> o.putObject(plan.verdict().json()).put("reason", r));
    strings(o.putArray("skipped"), plan.skipped());
    ImagePlan.Summary s = plan.summary();
    ObjectNode summary = o.putObject("summary");
    summary.put("packages", s.packages());
    summary.put("wheels", s.wheels());
    summary.put("sourceBuilds", s.sourceBuilds());
    summary.put("unavailable", s.unavailable());
    if (s.unknownSizes() == 0) {
      summary.put("downloadBytes", s.downloadBytes());
    } else {
      summary.putNull("downloadBytes"); // a partial sum is not the download size
    }
    summary.put("unknownSizes", s.unknownSizes());
    // The contract's number only when the model gives one; the range beside it always when known.
    Optional<Range> size = s.estimatedImageBytes();
    if (size.isPresent() && size.get().high().isPresent() && size.get().high().getAsLong() == size.get().low()) {
      summary.put("estimatedImageBytes", size.get().low());
    } else {
      summary.putNull("estimatedImageBytes");
    }
    if (size.isPresent()) {
      ObjectNode range = summary.putObject("estimatedImageBytesRange").put("low", size.get().low());
      if (size.get().high().isPresent()) {
        range.put("high", size.get().high().getAsLong());
      } else {
        range.putNull("high");
      }
    } else {
      summary.putNull("estimatedImageBytesRange");
    }
    if (s.estimatedBuildSeconds().isPresent()) {
      ObjectNode seconds = summary.putObject("estimatedBuildSeconds").put("low", s.estimatedBuildSeconds().get().low());
      if (s.estimatedBuildSeconds().get().high().isPresent()) {
        seconds.put("high", s.estimatedBuildSeconds().get().high().getAsLong());
      } else {
        seconds.putNull("high");
      }
    } else {
      summary.putNull("estimatedBuildSeconds");
    }
    strings(summary.putArray("systemPackages"), s.systemPackages());
    strings(summary.putArray("pitfalls"), s.pitfalls());
    // Who the open upper ends are waiting on (empty when the ranges are complete).
    strings(summary.putArray("buildTimeUnknown"), s.buildTimeUnknown());
    strings(summary.putArray("sizeUnknown"), s.sizeUnknown());
    strings(summary.putArray("sizeNotes"), s.sizeNotes());
    summary.put("estimatedSizes", s.estimatedSizes());
    parts(summary.putArray("sizeParts"), s.sizeParts());
    parts(summary.putArray("buildTimeParts"), s.timeParts());
    return o;
  }

  /** Each part as {what, low, high, basis}: low null when nothing is known of it, high null when unbounded. */
  private static void parts(ArrayNode out, List<CostPart> parts) {
    for (CostPart part : parts) {
      ObjectNode n = out.addObject().put("what", part.what());
      if (part.range().isPresent()) {
        n.put("low", part.range().get().low());
      } else {
        n.putNull("low");
      }
      if (part.range().isPresent() && part.range().get().high().isPresent()) {
        n.put("high", part.range().get().high().getAsLong());
      } else {
        n.putNull("high");
      }
      n.put("basis", part.basis());
    }
  }

  private static ObjectNode pkg(PackagePlan p) {
    ObjectNode o = JSON.createObjectNode();
    o.put("name", p.name());
    o.put("version", p.version().orElse(null));
    o.put("install", p.choice().install());
    CandidateFile file = p.choice() instanceof Choice.Wheel w ? w.file() : p.choice() instanceof Choice.Sdist s ? s.file() : null;
    if (file != null) {
      o.put("file", file.filename());
      if (file.bytes().isPresent()) {
        o.put("bytes", file.bytes().getAsLong());
      } else {
        o.putNull("bytes");
      }
    } else {
      o.put("reason", p.choice() instanceof Choice.Nothing n ? n.reason() : ((Choice.Unknown) p.choice()).reason());
    }
    if (!p.filesComplete() && !(p.choice() instanceof Choice.Unknown)) {
      o.put("filesComplete", false);
    }
    if (p.build().isPresent()) {
      BuildNeed need = p.build().get();
      ObjectNode build = o.putObject("build");
      if (need.known()) {
        strings(build.putArray("toolchains"), need.toolchains());
        strings(build.putArray("systemPackages"), need.systemPackages());
      } else {
        build.putNull("toolchains");
        build.putNull("systemPackages");
      }
      build.put("known", need.known());
      need.note().ifPresent(n -> build.put("note", n));
      ObjectNode sdist = build.putObject("sdist");
      sdist.put("kind", need.sdist().kindName());
      strings(sdist.putArray("languages"), need.sdist().languages().stream().sorted().map(l -> l.label()).toList());
      sdist.put("likely", need.sdist().likely());
      strings(sdist.putArray("evidence"), need.sdist().evidence());
    }
    return o;
  }

  private static void strings(ArrayNode array, List<String> values) {
    values.forEach(array::add);
  }
}
