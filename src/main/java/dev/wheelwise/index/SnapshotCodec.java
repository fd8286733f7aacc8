package dev.wheelwise.index;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The snapshot's file format: gzip'd JSON ({@code wheelwise.snapshot/1}), keys sorted and
 * absent facts left out, so the same inputs always give the same bytes (Java's gzip header
 * carries no time stamp).
 */
public final class SnapshotCodec {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private SnapshotCodec() {}

  public static byte[] write(Snapshot s) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("schema", Snapshot.SCHEMA);
    root.put("date", s.date());
    ArrayNode inputs = root.putArray("inputs");
    s.inputs().forEach(inputs::add);
    ObjectNode projects = root.putObject("projects");
    s.projects().forEach((name, versions) -> {
      ObjectNode p = projects.putObject(name);
      versions.forEach((version, facts) -> {
        ObjectNode v = p.putObject(version);
        if (facts.complete()) {
          v.put("complete", true);
        }
        ArrayNode files = v.putArray("files");
        facts.files().forEach(f -> files.add(file(f)));
        if (!facts.dependencies().isEmpty()) {
          ArrayNode deps = v.putArray("dependencies");
          facts.dependencies().forEach(deps::add);
        }
        facts.dependenciesFrom().ifPresent(from -> v.put("dependenciesFrom", from));
      });
    });
    ObjectNode dates = root.putObject("releaseDates");
    s.releaseDates().forEach((name, versions) -> {
      ObjectNode p = dates.putObject(name);
      versions.forEach((version, d) -> p.putObject(version).put("date", d.date().toString()).put("source", d.source()).put("note", d.note()));
    });
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
      MAPPER.writeValue(gz, root);
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory cannot fail", e);
    }
    return bytes.toByteArray();
  }

  private static ObjectNode file(DistFile f) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("filename", f.filename());
    f.url().ifPresent(u -> n.put("url", u));
    if (!f.hashes().isEmpty()) {
      ObjectNode h = n.putObject("hashes");
      new TreeMap<>(f.hashes()).forEach(h::put);
    }
    f.requiresPython().ifPresent(r -> n.put("requiresPython", r));
    f.size().ifPresent(sz -> n.put("size", sz));
    f.uploadTime().ifPresent(t -> n.put("uploadTime", t.toString()));
    if (f.yanked().state() != Yanked.State.UNKNOWN) {
      n.put("yanked", f.yanked().isYanked() ? f.yanked().reason().orElse("") : null);
    }
    return n;
  }

  public static Snapshot read(InputStream in) throws IOException {
    JsonNode root;
    try (GZIPInputStream gz = new GZIPInputStream(in)) {
      root = MAPPER.readTree(gz);
    }
    if (!Snapshot.SCHEMA.equals(root.path("schema").asText())) {
      throw new IOException("not a " + Snapshot.SCHEMA + " file (schema '" + root.path("schema").asText() + "')");
    }
    List<String> inputs = new ArrayList<>();
    root.path("inputs").forEach(i -> inputs.add(i.asText()));
    Map<String, Map<String, Snapshot.VersionFacts>> projects = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> p : root.path("projects").properties()) {
      projects.put(p.getKey(), readProject(p.getValue()));
    }
    return new Snapshot(root.path("date").asText(), inputs, projects, readDates(root.path("releaseDates")));
  }

  static Map<String, Snapshot.VersionFacts> readProject(JsonNode project) {
    Map<String, Snapshot.VersionFacts> versions = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> v : project.properties()) {
      List<DistFile> files = new ArrayList<>();
      v.getValue().path("files").forEach(f -> files.add(readFile(f)));
      List<String> deps = new ArrayList<>();
      v.getValue().path("dependencies").forEach(d -> deps.add(d.asText()));
      versions.put(v.getKey(), new Snapshot.VersionFacts(v.getValue().path("complete").asBoolean(false), files, deps,
          Optional.ofNullable(v.getValue().path("dependenciesFrom").textValue())));
    }
    return versions;
  }

  static Map<String, Map<String, ReleaseDate>> readDates(JsonNode node) {
    Map<String, Map<String, ReleaseDate>> dates = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> p : node.properties()) {
      Map<String, ReleaseDate> versions = new LinkedHashMap<>();
      p.getValue().properties().forEach(v -> versions.put(v.getKey(),
          new ReleaseDate(LocalDate.parse(v.getValue().path("date").asText()), v.getValue().path("source").asText(), v.getValue().path("note").asText())));
      dates.put(p.getKey(), versions);
    }
    return dates;
  }

  private static DistFile readFile(JsonNode f) {
    Map<String, String> hashes = new TreeMap<>();
    f.path("hashes").properties().forEach(e -> hashes.put(e.getKey(), e.getValue().asText()));
    Yanked yanked = !f.has("yanked") ? Yanked.UNKNOWN : f.get("yanked").isNull() ? Yanked.NO : Yanked.yes(f.get("yanked").asText());
    return new DistFile(
        f.path("filename").asText(),
        Optional.ofNullable(f.path("url").textValue()),
        hashes,
        Optional.ofNullable(f.path("requiresPython").textValue()),
        DistFile.CoreMetadataRef.NONE,
        yanked,
        f.has("size") ? OptionalLong.of(f.get("size").asLong()) : OptionalLong.empty(),
        f.has("uploadTime") ? Optional.of(Instant.parse(f.get("uploadTime").asText())) : Optional.empty());
  }

  /** The embedded snapshot's gzip'd bytes, or empty when the jar carries none. */
  public static Optional<byte[]> embeddedBytes() throws IOException {
    try (InputStream in = SnapshotCodec.class.getResourceAsStream("snapshot.json.gz")) {
      return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
    }
  }

  /** The snapshot built into wheelwise, or empty when the jar carries none. */
  public static Optional<Snapshot> embedded() throws IOException {
    try (InputStream in = SnapshotCodec.class.getResourceAsStream("snapshot.json.gz")) {
      return in == null ? Optional.empty() : Optional.of(read(in));
    }
  }
}
