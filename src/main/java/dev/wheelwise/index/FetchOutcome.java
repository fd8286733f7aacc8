package dev.wheelwise.index;

import java.util.Optional;

/** The answer for one project in a batch: its page, "not found" (both empty), or the error. */
public record FetchOutcome(String name, Optional<ProjectPage> page, Optional<IndexError> error) {
  public static FetchOutcome of(String name, ProjectSource source) {
    try {
      return new FetchOutcome(name, source.project(name), Optional.empty());
    } catch (IndexError e) {
      return new FetchOutcome(name, Optional.empty(), Optional.of(e));
    }
  }
}
