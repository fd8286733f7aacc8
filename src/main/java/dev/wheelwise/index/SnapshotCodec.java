package dev.wheelwise.index;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
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
 * carries no time stamp). Sdist classifications (a build from a live index) are an optional
 * {@code sdists} object per version, announced by {@code sdistsRecorded} ahead of the projects
 * so a reader learns from the first few KiB whether there are any; a reader that predates them
 * ignores both keys, so the schema name stays. Likewise {@code releaseDates} and
 * {@code projectSpans} (each project's start and end in the text, relative to the projects
 * object's opening brace) come before {@code projects}, so {@link LazySnapshot} reads the head
 * and leaves the projects unscanned.
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
    int recorded = s.sdistsRecorded();
    if (recorded > 0) {
      root.put("sdistsRecorded", recorded);
    }
    ObjectNode dates = root.putObject("releaseDates");
    s.releaseDates().forEach((name, versions) -> {
      ObjectNode p = dates.putObject(name);
      versions.forEach((version, d) -> p.putObject(version).put("date", d.date().toString()).put("source", d.source()).put("note", d.note()));
    });
    // Each project is written on its own, so where it lies in the text is known: projectSpans
    // (ahead of the projects) lets LazySnapshot find one without scanning them all.
    ObjectNode spans = root.putObject("projectSpans");
    ByteArrayOutputStream projects = new ByteArrayOutputStream();
    projects.write('{');
    for (Map.Entry<String, Map<String, Snapshot.VersionFacts>> e : s.projects().entrySet()) {
      if (projects.size() > 1) {
        projects.write(',');
      }
      projects.writeBytes(json(MAPPER.getNodeFactory().textNode(e.getKey())));
      projects.write(':');
      int start = projects.size();
      projects.writeBytes(json(project(e.getValue())));
      spans.putArray(e.getKey()).add(start).add(projects.size());
    }
    projects.write('}');
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
      // the head as a tree, the projects as written above: {"schema":…,"projectSpans":{…},"projects":{…}}
      byte[] head = json(root);
      gz.write(head, 0, head.length - 1);
      gz.write(",\"projects\":".getBytes(StandardCharsets.UTF_8));
      projects.writeTo(gz);
      gz.write('}');
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory cannot fail", e);
    }
    return bytes.toByteArray();
  }

  private static byte[] json(JsonNode node) {
    try {
      return MAPPER.writeValueAsBytes(node);
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory cannot fail", e);
    }
  }

  private static ObjectNode project(Map<String, Snapshot.VersionFacts> versions) {
    ObjectNode p = MAPPER.createObjectNode();
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
      if (!facts.sdists().isEmpty()) {
        ObjectNode sdists = v.putObject("sdists");
        facts.sdists().forEach((filename, r) -> sdists.set(filename, sdist(r)));
      }
    });
    return p;
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

  private static ObjectNode sdist(RecordedSdist r) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("kind", r.kind());
    if (!r.languages().isEmpty()) {
      ArrayNode languages = n.putArray("languages");
      r.languages().forEach(languages::add);
    }
    ArrayNode evidence = n.putArray("evidence");
    r.evidence().forEach(evidence::add);
    n.put("index", r.index());
    n.put("date", r.date().toString());
    return n;
  }

  private static RecordedSdist readSdist(JsonNode n) {
    List<String> languages = new ArrayList<>();
    n.path("languages").forEach(l -> languages.add(l.asText()));
    List<String> evidence = new ArrayList<>();
    n.path("evidence").forEach(e -> evidence.add(e.asText()));
    return new RecordedSdist(n.path("kind").asText(), languages, evidence, n.path("index").asText(), LocalDate.parse(n.path("date").asText()));
  }

  /**
   * The number of sdist classifications a snapshot announces, read from its head only (the
   * key comes before the projects): 0 when it has none, without unpacking the rest.
   */
  public static int sdistsRecorded(byte[] gzipped) throws IOException {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped));
        JsonParser p = MAPPER.getFactory().createParser(in)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return 0;
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        p.nextToken();
        if (field.equals("sdistsRecorded")) {
          return p.getIntValue();
        }
        if (field.equals("projects")) {
          return 0;
        }
        p.skipChildren();
      }
      return 0;
    }
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
      Map<String, RecordedSdist> sdists = new TreeMap<>();
      v.getValue().path("sdists").properties().forEach(e -> sdists.put(e.getKey(), readSdist(e.getValue())));
      versions.put(v.getKey(), new Snapshot.VersionFacts(v.getValue().path("complete").asBoolean(false), files, deps,
          Optional.ofNullable(v.getValue().path("dependenciesFrom").textValue()), sdists));
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
    URL resource = SnapshotCodec.class.getResource("snapshot.json.gz");
    if (resource == null) {
      return Optional.empty();
    }
    URLConnection entry = resource.openConnection();
    try (InputStream in = entry.getInputStream()) {
      return Optional.of(SizedRead.readAll(in, entry.getContentLengthLong()));
    }
  }

  /** The snapshot built into wheelwise, or empty when the jar carries none. */
  public static Optional<Snapshot> embedded() throws IOException {
    try (InputStream in = SnapshotCodec.class.getResourceAsStream("snapshot.json.gz")) {
      return in == null ? Optional.empty() : Optional.of(read(in));
    }
  }
}
