package dev.wheelwise.advise;

import java.util.List;
import java.util.Objects;

/**
 * One package the project installs: its name, the versions it allows (a lock pins one) and
 * the files known for it.
 */
public record Wanted(String name, VersionFilter versions, List<CandidateFile> files) {
  public Wanted {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(versions, "versions");
    files = List.copyOf(files);
  }
}
