package dev.wheelwise.cost;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One musl runtime (or build) pitfall from musl-pitfalls.md.
 *
 * @param id stable kebab-case id, e.g. {@code musl-thread-stack}
 * @param section the section number in musl-pitfalls.md
 * @param title the section title
 * @param whatHappens what goes wrong
 * @param mitigation what fixes or softens it, when the knowledge says
 * @param detection how exposure can be detected (the knowledge's words)
 * @param triggerPackages PEP 503 names whose presence exposes a project (named in the section)
 * @param unverifiedTriggerPackages names the section lists as unverified or heuristic
 * @param triggerUses kinds of use that expose a project (see {@link Exposure.Use})
 * @param sources the section's source keys (SOURCES.md expands them)
 */
public record Pitfall(
    String id,
    int section,
    String title,
    String whatHappens,
    Optional<String> mitigation,
    Optional<String> detection,
    Set<String> triggerPackages,
    Set<String> unverifiedTriggerPackages,
    Set<Exposure.Use> triggerUses,
    List<String> sources) {

  public Pitfall {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(whatHappens, "whatHappens");
    Objects.requireNonNull(mitigation, "mitigation");
    Objects.requireNonNull(detection, "detection");
    triggerPackages = Set.copyOf(triggerPackages);
    unverifiedTriggerPackages = Set.copyOf(unverifiedTriggerPackages);
    triggerUses = Set.copyOf(triggerUses);
    sources = List.copyOf(sources);
  }
}
