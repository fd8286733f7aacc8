package dev.wheelwise.bench.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An image as {@code GET /images/{name}/json} and {@code GET /images/json} give it: id, size in
 * bytes (uncompressed, as {@code docker images} shows), tags, labels, OS and architecture.
 */
public record ImageJson(String id, long size, List<String> repoTags, Map<String, String> labels, String os, String architecture) {

  public ImageJson {
    repoTags = List.copyOf(repoTags);
    labels = Map.copyOf(labels);
  }

  public static ImageJson from(JsonNode node) {
    List<String> tags = new ArrayList<>();
    node.path("RepoTags").forEach(t -> tags.add(t.asText()));
    JsonNode labels = node.has("Labels") ? node.path("Labels") : node.path("Config").path("Labels");
    return new ImageJson(node.path("Id").asText(""), node.path("Size").asLong(-1), tags, strings(labels),
        node.path("Os").asText(""), node.path("Architecture").asText(""));
  }

  static Map<String, String> strings(JsonNode object) {
    Map<String, String> out = new LinkedHashMap<>();
    if (object.isObject()) {
      object.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
    }
    return out;
  }
}
