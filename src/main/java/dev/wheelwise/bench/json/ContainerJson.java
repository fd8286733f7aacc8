package dev.wheelwise.bench.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** A container as {@code GET /containers/json?all=1} lists it. */
public record ContainerJson(String id, String image, Map<String, String> labels) {

  public ContainerJson {
    labels = Map.copyOf(labels);
  }

  public static ContainerJson from(JsonNode node) {
    return new ContainerJson(node.path("Id").asText(""), node.path("Image").asText(""), ImageJson.strings(node.path("Labels")));
  }
}
