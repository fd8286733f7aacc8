package dev.wheelwise.bench.json;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code GET /version}: the engine's version, API version, OS and architecture. */
public record VersionJson(String version, String apiVersion, String os, String arch) {

  public static VersionJson from(JsonNode node) {
    return new VersionJson(node.path("Version").asText(""), node.path("ApiVersion").asText(""),
        node.path("Os").asText(""), node.path("Arch").asText(""));
  }
}
