package dev.wheelwise.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/**
 * {@link LazySnapshot} finds projects from the {@code projectSpans} table {@link SnapshotCodec#write}
 * puts ahead of them; a file written before the table existed is still read (by scanning), and a
 * table that does not match its text is refused. Run on the embedded snapshot.
 */
class LazySnapshotSpansTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void aSnapshotWithoutTheTableReadsTheSame() throws IOException {
    byte[] embedded = SnapshotCodec.embeddedBytes().orElseThrow();
    ObjectNode root = tree(embedded);
    assertThat(root.has("projectSpans")).as("the embedded snapshot carries the table").isTrue();
    // The layout before the table: no projectSpans, releaseDates after the projects.
    ObjectNode old = MAPPER.createObjectNode();
    root.properties().stream().filter(e -> !e.getKey().equals("projectSpans") && !e.getKey().equals("releaseDates"))
        .forEach(e -> old.set(e.getKey(), e.getValue()));
    old.set("releaseDates", root.get("releaseDates"));

    LazySnapshot withTable = LazySnapshot.of(embedded);
    LazySnapshot scanned = LazySnapshot.of(gzip(old));
    assertThat(scanned.projectCount()).isEqualTo(withTable.projectCount()).isGreaterThan(1000);
    assertThat(scanned.releaseDates()).isEqualTo(withTable.releaseDates()).isNotEmpty();
    List<String> names = new ArrayList<>();
    root.get("projects").fieldNames().forEachRemaining(names::add);
    for (int i = 0; i < names.size(); i += 37) {
      String name = names.get(i);
      assertThat(withTable.versions(name)).as(name).isEqualTo(scanned.versions(name)).isPresent();
    }
  }

  @Test
  void aTableThatPointsAtAnotherProjectIsRefused() throws IOException {
    ObjectNode root = tree(SnapshotCodec.embeddedBytes().orElseThrow());
    ObjectNode spans = (ObjectNode) root.get("projectSpans");
    spans.set("numpy", spans.get("six"));
    assertThatThrownBy(() -> LazySnapshot.of(gzip(root)))
        .isInstanceOf(IOException.class).hasMessageContaining("projectSpans").hasMessageContaining("numpy");
  }

  private static ObjectNode tree(byte[] gzipped) throws IOException {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
      return (ObjectNode) MAPPER.readTree(in);
    }
  }

  private static byte[] gzip(ObjectNode root) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      MAPPER.writeValue(gz, root);
    }
    return out.toByteArray();
  }
}
