package dev.wheelwise.index;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wheelwise.pep508.Names;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * A snapshot file read on demand: a project is parsed only when asked for. Reading all 45,000
 * files of the embedded snapshot costs more than the rest of a typical run; most runs ask for a
 * few dozen projects. Where each project's facts lie comes from the {@code projectSpans} table
 * written ahead of them, so the projects are not even scanned; a file without the table (written
 * before it existed) is scanned once for it.
 */
public final class LazySnapshot implements ProjectSource {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private final byte[] json;
  private final Map<String, long[]> spans = new HashMap<>();
  private final String date;
  private final Map<String, Map<String, ReleaseDate>> releaseDates;

  private LazySnapshot(byte[] json) throws IOException {
    this.json = json;
    String d = null;
    String schema = null;
    JsonNode dates = null;
    JsonNode stated = null;
    try (JsonParser p = new JsonFactory().createParser(json)) {
      expect(p.nextToken(), JsonToken.START_OBJECT);
      fields:
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        p.nextToken();
        switch (field) {
          case "schema":
            schema = p.getText();
            break;
          case "date":
            d = p.getText();
            break;
          case "releaseDates":
            dates = MAPPER.readTree(p);
            break;
          case "projectSpans":
            stated = MAPPER.readTree(p);
            break;
          case "projects":
            if (stated != null && dates != null) {
              // Everything else came before: the table says where each project lies, and the
              // rest of the text is left unread.
              placeStated(stated, p.currentTokenLocation().getByteOffset());
              break fields;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
              String name = p.currentName();
              p.nextToken();
              long start = p.currentTokenLocation().getByteOffset();
              p.skipChildren();
              long end = p.currentTokenLocation().getByteOffset() + 1;
              spans.put(name, new long[] {start, end});
            }
            break;
          default:
            p.skipChildren();
        }
      }
    }
    if (!Snapshot.SCHEMA.equals(schema)) {
      throw new IOException("not a " + Snapshot.SCHEMA + " file (schema '" + schema + "')");
    }
    this.date = d == null ? "unknown" : d;
    this.releaseDates = SnapshotCodec.readDates(dates != null ? dates : MAPPER.createObjectNode());
  }

  /**
   * The spans {@link SnapshotCodec#write} recorded, relative to the projects object at {@code base}.
   * Checked before use, so a table that does not match its text is an error here rather than a
   * wrong project later: each span lies inside the text, follows its own name's key and is
   * braced as one JSON object.
   */
  private void placeStated(JsonNode stated, long base) throws IOException {
    for (Map.Entry<String, JsonNode> e : stated.properties()) {
      long start = base + e.getValue().path(0).asLong(-1);
      long end = base + e.getValue().path(1).asLong(-1);
      byte[] key = ("\"" + e.getKey() + "\":").getBytes(StandardCharsets.UTF_8);
      if (start - key.length <= base || end <= start || end > json.length || json[(int) start] != '{' || json[(int) end - 1] != '}'
          || !Arrays.equals(json, (int) start - key.length, (int) start, key, 0, key.length)) {
        throw new IOException("snapshot: projectSpans gives " + e.getKey() + " a span that is not one of the projects");
      }
      spans.put(e.getKey(), new long[] {start, end});
    }
  }

  /** Reads gzip'd snapshot bytes ({@link SnapshotCodec#write}). */
  public static LazySnapshot of(byte[] gzipped) throws IOException {
    return new LazySnapshot(gunzip(gzipped));
  }

  /**
   * The inflated bytes, in one array of the size the gzip trailer states (ISIZE, RFC 1952 2.3.1).
   * A size deflate could not reach from this input (over ~1032:1, a corrupt trailer) is ignored
   * rather than allocated.
   */
  private static byte[] gunzip(byte[] gzipped) throws IOException {
    long stated = gzipped.length < 18 ? -1 : Integer.toUnsignedLong(
        ByteBuffer.wrap(gzipped, gzipped.length - 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt());
    if (stated > 1032L * gzipped.length) {
      stated = -1;
    }
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped), 1 << 16)) {
      return SizedRead.readAll(in, stated);
    }
  }

  private static void expect(JsonToken actual, JsonToken expected) throws IOException {
    if (actual != expected) {
      throw new IOException("snapshot: expected " + expected + ", found " + actual);
    }
  }

  public String date() {
    return date;
  }

  public Source source() {
    return Source.snapshot(date);
  }

  public Map<String, Map<String, ReleaseDate>> releaseDates() {
    return releaseDates;
  }

  public int projectCount() {
    return spans.size();
  }

  @Override
  public Optional<ProjectPage> project(String name) {
    String canonical = Names.canonicalize(name);
    return versions(canonical).flatMap(v -> new Snapshot(date, java.util.List.of(), Map.of(canonical, v), Map.of()).page(canonical));
  }

  /**
   * Every version's facts for a project (files, and the dependencies a lockfile recorded),
   * keyed by normalized version; empty when the snapshot does not know the project.
   */
  public Optional<Map<String, Snapshot.VersionFacts>> versions(String name) {
    String canonical = Names.canonicalize(name);
    long[] span = spans.get(canonical);
    if (span == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(SnapshotCodec.readProject(MAPPER.readTree(json, (int) span[0], (int) (span[1] - span[0]))));
    } catch (IOException e) {
      throw new IllegalStateException("snapshot entry for " + canonical + " is unreadable", e);
    }
  }

  @Override
  public String describe() {
    return source().toString();
  }
}
