package dev.wheelwise.index;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The locations that failed during one run, the projects decided without each, and the ones
 * that could not be reached at all: those are not asked again in the run (pip asks again for
 * every project and waits each time; the answer would be the same). Thread-safe.
 */
final class Outages {
  private final Map<String, IndexError> first = new LinkedHashMap<>();
  private final Map<String, Set<String>> projects = new LinkedHashMap<>();
  private final Map<String, IndexError> dead = new LinkedHashMap<>();
  private final Set<String> partial = new LinkedHashSet<>();
  private final List<String> notices = new ArrayList<>();

  /** The error this location gave when it could not be reached, if it could not. */
  synchronized Optional<IndexError> dead(String location) {
    return Optional.ofNullable(dead.get(location));
  }

  synchronized void failed(String location, IndexError e) {
    first.putIfAbsent(location, e);
    if (e.unreachable()) {
      dead.putIfAbsent(location, e);
    }
  }

  /** {@code project} was decided without these locations. */
  synchronized void decidedWithout(String project, List<String> locations) {
    partial.add(project);
    locations.forEach(l -> projects.computeIfAbsent(l, k -> new LinkedHashSet<>()).add(project));
  }

  synchronized boolean partial(String project) {
    return partial.contains(project);
  }

  synchronized void notice(String line) {
    if (!notices.contains(line)) {
      notices.add(line);
    }
  }

  synchronized List<String> notices() {
    return List.copyOf(notices);
  }

  synchronized List<IndexOutage> list() {
    List<IndexOutage> out = new ArrayList<>();
    projects.forEach((l, ps) -> out.add(new IndexOutage(l, first.get(l).reason(), List.copyOf(ps))));
    return out;
  }
}
