package dev.wheelwise.cost;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Classifications already made, one small JSON file per sdist named by its sha256 (the same hash
 * is the same bytes), so an sdist is downloaded and listed once, not on every run. Written
 * atomically; an unreadable or malformed entry counts as absent. Refusals are not cached: a
 * raised limit must be able to change the answer.
 */
public final class SdistClassCache {
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path dir;

  /** @param dir the folder of the entries, made on first write */
  public SdistClassCache(Path dir) {
    this.dir = dir;
  }

  public Optional<SdistClass> get(String sha256) {
    if (!SHA256.matcher(sha256).matches()) {
      return Optional.empty();
    }
    try {
      JsonNode node = JSON.readTree(dir.resolve(sha256 + ".json").toFile());
      SdistClass.Kind kind = SdistClass.Kind.valueOf(node.path("kind").asText());
      Set<SdistClass.Language> languages = EnumSet.noneOf(SdistClass.Language.class);
      node.path("languages").forEach(l -> languages.add(SdistClass.Language.valueOf(l.asText())));
      List<String> evidence = new ArrayList<>();
      node.path("evidence").forEach(e -> evidence.add(e.asText()));
      return Optional.of(new SdistClass(kind, languages, evidence, false));
    } catch (IOException | IllegalArgumentException e) {
      return Optional.empty(); // absent or unreadable: listed again
    }
  }

  public void put(String sha256, SdistClass value) {
    if (!SHA256.matcher(sha256).matches() || value.likely()) {
      return;
    }
    ObjectNode node = JSON.createObjectNode();
    node.put("kind", value.kind().name());
    value.languages().forEach(l -> node.withArray("languages").add(l.name()));
    value.evidence().forEach(e -> node.withArray("evidence").add(e));
    try {
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, sha256, ".tmp");
      JSON.writeValue(tmp.toFile(), node);
      try {
        Files.move(tmp, dir.resolve(sha256 + ".json"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, dir.resolve(sha256 + ".json"), StandardCopyOption.REPLACE_EXISTING);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      // a cache that cannot be written only costs the next run the same download
    }
  }
}
