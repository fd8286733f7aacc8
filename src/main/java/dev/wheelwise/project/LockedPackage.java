package dev.wheelwise.project;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One locked release.
 *
 * @param name PEP 503-normalized name
 * @param version the exact version as locked (raw: old locks may hold non-PEP 440 versions)
 * @param source where it comes from
 * @param marker when the lock itself says under which environments the package is installed
 *     (pylock {@code marker}, poetry 2.1 {@code markers}, pdm {@code marker}, Pipfile.lock
 *     {@code markers}); may use {@code extras}/{@code dependency_groups} (PEP 751) or
 *     {@code extra} (poetry). Per-group poetry markers are in {@code groupMarkers}
 * @param groupMarkers poetry 2.1 markers given per group, group → marker
 * @param requiresPython the package's own Requires-Python, when the lock lists it
 * @param dependencies edges always followed (when their marker holds)
 * @param optionalDependencies extra → edges followed when the extra is requested
 * @param groupDependencies dependency group (uv dev-dependencies) → edges
 * @param groups the groups or categories the lock says the package belongs to (poetry
 *     {@code groups}/{@code category}, pdm {@code groups}, Pipfile.lock section)
 * @param files the distribution files the lock lists
 * @param hashes hashes given without file names (Pipfile.lock), {@code alg:hex}
 * @param origin where the lock lists the package (its {@code [[package]]} table), for reports
 *     that point a reader at it; empty when the text does not show it
 */
public record LockedPackage(
    String name,
    String version,
    PackageSource source,
    Optional<String> marker,
    Map<String, String> groupMarkers,
    Optional<String> requiresPython,
    List<LockedDependency> dependencies,
    Map<String, List<LockedDependency>> optionalDependencies,
    Map<String, List<LockedDependency>> groupDependencies,
    Set<String> groups,
    List<DistributionFile> files,
    List<String> hashes,
    Optional<Origin> origin) {

  public LockedPackage {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(marker, "marker");
    Objects.requireNonNull(requiresPython, "requiresPython");
    groupMarkers = Map.copyOf(groupMarkers);
    dependencies = List.copyOf(dependencies);
    optionalDependencies = Map.copyOf(optionalDependencies);
    groupDependencies = Map.copyOf(groupDependencies);
    groups = Set.copyOf(groups);
    files = List.copyOf(files);
    hashes = List.copyOf(hashes);
    Objects.requireNonNull(origin, "origin");
  }

  /** {@code name==version}. */
  public String pin() {
    return name + "==" + version;
  }
}
