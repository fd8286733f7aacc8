package dev.wheelwise.project;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The roots of a lock that keeps them outside itself (poetry.lock before 2.1, pdm.lock without
 * {@code inherit_metadata}): the pyproject.toml's main requirements, extras and groups as edges.
 */
record RootEdges(List<LockedDependency> roots, Map<String, List<LockedDependency>> extras,
    Map<String, List<LockedDependency>> groups) {

  static RootEdges of(Optional<RequirementSet> pyproject) throws InputParseError {
    if (pyproject.isEmpty()) {
      return new RootEdges(List.of(), Map.of(), Map.of());
    }
    RequirementSet set = pyproject.get();
    Map<String, List<LockedDependency>> extras = edgeMap(set.extras());
    Map<String, List<LockedDependency>> groups = edgeMap(set.groups());
    if (set.projectName().isPresent()) {
      String self = set.projectName().get();
      extras.replaceAll((k, v) -> withoutSelf(self, v, extras, new java.util.HashSet<>()));
      groups.replaceAll((k, v) -> withoutSelf(self, v, extras, new java.util.HashSet<>()));
    }
    return new RootEdges(edges(set.requirements()), extras, groups);
  }

  /**
   * A project may require itself with extras ({@code all = ["pdm[keyring,pytest]"]}); such an
   * edge stands for those extras' requirements (plus the main ones, already roots).
   */
  private static List<LockedDependency> withoutSelf(String self, List<LockedDependency> edges,
      Map<String, List<LockedDependency>> extras, java.util.Set<String> seen) {
    List<LockedDependency> out = new ArrayList<>();
    for (LockedDependency d : edges) {
      if (!d.name().equals(self)) {
        out.add(d);
        continue;
      }
      for (String extra : d.extras()) {
        if (seen.add(extra)) {
          out.addAll(withoutSelf(self, extras.getOrDefault(extra, List.of()), extras, seen));
        }
      }
    }
    return out;
  }

  private static List<LockedDependency> edges(List<LooseRequirement> requirements) throws InputParseError {
    List<LockedDependency> out = new ArrayList<>();
    for (LooseRequirement r : requirements) {
      out.add(Edges.fromPep508(r.text(), r.origin()));
    }
    return out;
  }

  private static Map<String, List<LockedDependency>> edgeMap(Map<String, List<LooseRequirement>> map)
      throws InputParseError {
    Map<String, List<LockedDependency>> out = new LinkedHashMap<>();
    for (var e : map.entrySet()) {
      out.put(e.getKey(), edges(e.getValue()));
    }
    return out;
  }
}
