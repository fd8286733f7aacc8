package dev.wheelwise.cost;

import java.util.List;
import java.util.Objects;

/**
 * A pitfall whose triggers match a project, and why.
 *
 * @param pitfall the pitfall
 * @param because the triggers that matched, e.g. {@code "package python-magic"}
 * @param unverified every matching trigger is one the knowledge marks unverified or heuristic
 */
public record PitfallMatch(Pitfall pitfall, List<String> because, boolean unverified) {
  public PitfallMatch {
    Objects.requireNonNull(pitfall, "pitfall");
    because = List.copyOf(because);
  }

  public String id() {
    return pitfall.id();
  }
}
