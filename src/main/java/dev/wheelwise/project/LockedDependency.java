package dev.wheelwise.project;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An edge of a locked graph: "the package (or root) needs {@code name}[extras] when
 * {@code marker} holds". Marker and specifier stay raw strings here; the install-set
 * computation parses them.
 *
 * @param name the PEP 503-normalized name of the package depended on
 * @param version the exact locked version, when the lock pins the edge (uv does for names locked
 *     at several versions)
 * @param specifier a PEP 440 specifier the target version must satisfy, when the lock gives a
 *     range instead (poetry, pdm); Poetry constraints are already translated
 * @param source the source URL, when the lock disambiguates by it (uv)
 * @param marker the PEP 508 marker under which the edge exists
 * @param extras the extras requested of the target package, normalized
 */
public record LockedDependency(
    String name, Optional<String> version, Optional<String> specifier, Optional<String> source,
    Optional<String> marker, Set<String> extras) {

  public LockedDependency {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(specifier, "specifier");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(marker, "marker");
    extras = Set.copyOf(extras);
  }

  /** An unconditional edge to {@code name} with no extras. */
  public static LockedDependency on(String name) {
    return new LockedDependency(name, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Set.of());
  }

  public LockedDependency withExtras(Set<String> more) {
    return new LockedDependency(name, version, specifier, source, marker, more);
  }

  @Override
  public String toString() {
    return name + (extras.isEmpty() ? "" : extras.stream().sorted().toList().toString())
        + version.map(v -> "==" + v).orElse("") + specifier.map(s -> " (" + s + ")").orElse("")
        + marker.map(m -> " ; " + m).orElse("");
  }
}
