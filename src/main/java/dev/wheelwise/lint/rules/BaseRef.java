package dev.wheelwise.lint.rules;

import dev.wheelwise.dockerfile.Stage;
import java.util.Optional;

/**
 * A FROM image as written after ARG expansion, split as Docker reads a reference
 * ({@code [registry/]path[:tag][@digest]}); empty for {@code scratch}, an earlier stage, or a
 * FROM whose ARGs have no value (then the image is unknown, not untagged: hadolint#219).
 */
record BaseRef(String registry, String path, Optional<String> tag, Optional<String> digest) {

  static Optional<BaseRef> of(Stage stage) {
    String base = stage.base();
    if (base == null || stage.baseStage() != null || base.equalsIgnoreCase("scratch") || base.isBlank() || base.contains("$")) {
      return Optional.empty();
    }
    String rest = base;
    Optional<String> digest = Optional.empty();
    int at = rest.indexOf('@');
    if (at >= 0) {
      digest = Optional.of(rest.substring(at + 1));
      rest = rest.substring(0, at);
    }
    Optional<String> tag = Optional.empty();
    int colon = rest.lastIndexOf(':');
    if (colon > rest.lastIndexOf('/')) {
      tag = Optional.of(rest.substring(colon + 1));
      rest = rest.substring(0, colon);
    }
    String registry = "docker.io";
    int slash = rest.indexOf('/');
    if (slash > 0) {
      String first = rest.substring(0, slash);
      if (first.contains(".") || first.contains(":") || first.equals("localhost")) {
        registry = first;
        rest = rest.substring(slash + 1);
      }
    }
    return Optional.of(new BaseRef(registry, rest, tag, digest));
  }
}
