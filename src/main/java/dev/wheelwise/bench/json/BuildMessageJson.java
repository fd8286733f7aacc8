package dev.wheelwise.bench.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * One line of {@code POST /build}'s answer, a JSON object per line: {@code stream} (output
 * text), {@code error}/{@code errorDetail.message} (the build failed; the HTTP status is still
 * 200), {@code aux.ID} (the built image's id).
 */
public record BuildMessageJson(Optional<String> stream, Optional<String> error, Optional<String> imageId) {

  public static BuildMessageJson from(JsonNode node) {
    String error = node.path("errorDetail").path("message").textValue();
    if (error == null) {
      error = node.path("error").textValue();
    }
    return new BuildMessageJson(
        Optional.ofNullable(node.path("stream").textValue()),
        Optional.ofNullable(error),
        Optional.ofNullable(node.path("aux").path("ID").textValue()));
  }
}
