package dev.wheelwise.index;

import java.util.Objects;

/**
 * Where an answer came from, printed with every result: {@code index URL} (redacted), a
 * find-links location, or {@code snapshot DATE}.
 */
public record Source(Kind kind, String label) {

  public enum Kind {
    INDEX,
    FIND_LINKS,
    SNAPSHOT
  }

  public Source {
    Objects.requireNonNull(kind, "kind");
    label = Redaction.redactUrl(Objects.requireNonNull(label, "label"));
  }

  public static Source index(String url) {
    return new Source(Kind.INDEX, url);
  }

  public static Source findLinks(String location) {
    return new Source(Kind.FIND_LINKS, location);
  }

  public static Source snapshot(String date) {
    return new Source(Kind.SNAPSHOT, date);
  }

  @Override
  public String toString() {
    switch (kind) {
      case INDEX:
        return "index " + label;
      case FIND_LINKS:
        return "find-links " + label;
      default:
        return "snapshot " + label;
    }
  }
}
