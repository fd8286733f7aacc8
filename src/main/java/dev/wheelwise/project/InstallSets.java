package dev.wheelwise.project;

import dev.wheelwise.pep440.InvalidSpecifier;
import dev.wheelwise.pep440.PipProfile;
import dev.wheelwise.pep440.SpecifierSet;
import dev.wheelwise.pep440.Version;
import dev.wheelwise.pep508.InvalidMarker;
import dev.wheelwise.pep508.Marker;
import dev.wheelwise.pep508.MarkerEnvironment;
import dev.wheelwise.pep508.MarkerEvaluationError;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The install set of a lock for a target environment (research §3.2, §4): for graph locks, the
 * packages reached from the roots over edges whose markers hold, activating the extras the edges
 * name and picking, among several locked versions of one name, the one the edge pins or its
 * specifier admits; for per-package locks, the packages of the selected groups whose own
 * markers hold (PEP 751's selection algorithm). A target outside the lock's
 * {@code requires-python} or its environments is an error, never an empty set.
 */
public final class InstallSets {

  private final LockedSet lock;
  private final MarkerEnvironment env;
  private final PipProfile profile;
  private final Map<String, Marker> markers = new HashMap<>();
  private final Set<String> notLocked = new TreeSet<>();
  private final Map<String, SpecifierSet> specifiers = new HashMap<>();

  /** Poetry's "unsafe" packages, left out of locks written before Poetry 1.4. */
  private static final Set<String> POETRY_UNLOCKED = Set.of("setuptools", "distribute", "pip", "wheel");

  private final Map<String, List<LockedPackage>> byName = new HashMap<>();

  private InstallSets(LockedSet lock, MarkerEnvironment env, PipProfile profile) {
    this.lock = lock;
    this.env = env;
    this.profile = profile;
    lock.packages().forEach(p -> byName.computeIfAbsent(p.name(), k -> new ArrayList<>()).add(p));
  }

  private List<LockedPackage> named(String name) {
    return byName.getOrDefault(name, List.of());
  }

  public static InstallSet compute(LockedSet lock, MarkerEnvironment env, GroupSelection selection)
      throws InstallSetError {
    return compute(lock, env, selection, PipProfile.DEFAULT);
  }

  public static InstallSet compute(LockedSet lock, MarkerEnvironment env, GroupSelection selection, PipProfile profile)
      throws InstallSetError {
    InstallSets run = new InstallSets(lock, env, profile);
    run.checkPython();
    run.checkEnvironments();
    List<InstallSet.Item> items = lock.selection() == LockedSet.Selection.GRAPH
        ? run.walk(selection) : run.perPackage(selection);
    List<InstallSet.Item> sorted = new ArrayList<>(items);
    sorted.sort(Comparator.comparing((InstallSet.Item i) -> i.pkg().name()).thenComparing(i -> i.pkg().version()));
    Map<String, InstallSet.Item> byName = new LinkedHashMap<>();
    for (InstallSet.Item item : sorted) {
      InstallSet.Item other = byName.putIfAbsent(item.pkg().name(), item);
      if (other != null) {
        throw new InstallSetError(lock.file() + ": both " + other.pkg().pin() + " (via " + other.via() + ") and "
            + item.pkg().pin() + " (via " + item.via() + ") are selected for " + run.describe());
      }
    }
    return new InstallSet(lock.file(), sorted, List.copyOf(run.notLocked));
  }

  private String describe() {
    return "Python " + env.pythonFullVersion() + " on " + env.sysPlatform() + " " + env.platformMachine();
  }

  private void checkPython() throws InstallSetError {
    if (lock.requiresPython().isEmpty()) {
      return;
    }
    String text = lock.requiresPython().get();
    Version python = Version.tryParse(env.pythonFullVersion());
    if (python == null) {
      throw new InstallSetError("target Python '" + env.pythonFullVersion() + "' is not a version");
    }
    if (!anyAlternativeContains(text, python)) {
      throw new InstallSetError(lock.file() + ": the lock requires Python " + text + "; the target has Python "
          + env.pythonFullVersion() + ", outside that range");
    }
  }

  private boolean anyAlternativeContains(String alternatives, Version version) throws InstallSetError {
    return anyAlternativeContains(lock.file(), alternatives, version, profile, specifiers);
  }

  /** True when a specifier (Poetry alternatives joined by {@code ||}) contains the version. */
  private static boolean anyAlternativeContains(String file, String alternatives, Version version, PipProfile profile,
      Map<String, SpecifierSet> cache) throws InstallSetError {
    for (String alternative : alternatives.split("\\|\\|")) {
      String text = alternative.strip();
      SpecifierSet set = cache.get(text);
      if (set == null) {
        try {
          set = SpecifierSet.parse(text, profile);
        } catch (InvalidSpecifier e) {
          throw new InstallSetError(file + ": invalid version specifier '" + text + "': " + e.plainMessage());
        }
        cache.put(text, set);
      }
      if (set.contains(version, profile, Optional.of(true))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Loose requirements have no install set without an index, but their project's
   * {@code requires-python} already says whether the target can install them at all.
   */
  public static void checkRequiresPython(RequirementSet project, MarkerEnvironment env, PipProfile profile)
      throws InstallSetError {
    if (project.requiresPython().isEmpty()) {
      return;
    }
    Version python = Version.tryParse(env.pythonFullVersion());
    if (python == null) {
      throw new InstallSetError("target Python '" + env.pythonFullVersion() + "' is not a version");
    }
    String text = project.requiresPython().get();
    if (!anyAlternativeContains(project.file(), text, python, profile, new HashMap<>())) {
      throw new InstallSetError(project.file() + ": the project requires Python " + text + "; the target has Python "
          + env.pythonFullVersion() + ", outside that range");
    }
  }

  private void checkEnvironments() throws InstallSetError {
    if (lock.environments().isEmpty()) {
      return;
    }
    for (String m : lock.environments()) {
      if (holds(m, env)) {
        return;
      }
    }
    throw new InstallSetError(lock.file() + ": the target (" + describe() + ") matches none of the lock's environments "
        + lock.environments());
  }

  // ---- graph locks -------------------------------------------------------------------------

  private record Step(LockedDependency edge, Set<String> contextExtras, String via) {}

  private List<InstallSet.Item> walk(GroupSelection selection) throws InstallSetError {
    if (!lock.rootsKnown()) {
      throw new InstallSetError(lock.file() + ": this " + lock.kind() + " (lock version " + lock.lockVersion()
          + ") keeps its roots in pyproject.toml, which was not found beside it; the install set is unknown");
    }
    Set<String> conflictContext = uvConflictContext(selection);
    Deque<Step> queue = new ArrayDeque<>();
    lock.roots().forEach(e -> queue.add(new Step(e, conflictContext, "<root>")));
    for (String extra : selection.extras()) {
      List<LockedDependency> edges = lock.rootExtras().get(extra);
      if (edges == null) {
        throw new InstallSetError(lock.file() + ": the project has no extra '" + extra + "'; it has "
            + new TreeSet<>(lock.rootExtras().keySet()));
      }
      edges.forEach(e -> queue.add(new Step(e, conflictContext, "<extra " + extra + ">")));
    }
    for (String group : groupsToAdd(selection, lock.rootGroups().keySet())) {
      List<LockedDependency> edges = lock.rootGroups().get(group);
      if (edges == null) {
        throw new InstallSetError(lock.file() + ": the project has no dependency group '" + group + "'; it has "
            + new TreeSet<>(lock.rootGroups().keySet()));
      }
      edges.forEach(e -> queue.add(new Step(e, conflictContext, "<group " + group + ">")));
    }

    // Keyed by identity: each locked release is one object, and record hashing would walk its
    // file lists on every lookup.
    Map<LockedPackage, Set<String>> extrasDone = new IdentityHashMap<>();
    Map<LockedPackage, String> via = new IdentityHashMap<>();
    List<LockedPackage> order = new ArrayList<>();
    while (!queue.isEmpty()) {
      Step step = queue.poll();
      LockedDependency edge = step.edge();
      if (edge.marker().isPresent() && !holdsWithExtras(edge.marker().get(), step.contextExtras())) {
        continue;
      }
      if (lock.kind() == InputKind.POETRY_LOCK && POETRY_UNLOCKED.contains(edge.name())
          && named(edge.name()).isEmpty()) {
        notLocked.add(edge.name());
        continue;
      }
      LockedPackage target = resolve(edge, step.via());
      boolean first = !extrasDone.containsKey(target);
      if (first) {
        order.add(target);
      }
      Set<String> done = extrasDone.computeIfAbsent(target, k -> new LinkedHashSet<>());
      via.putIfAbsent(target, step.via());
      Set<String> context = lock.kind() == InputKind.UV_LOCK ? conflictContext : null;
      if (first) {
        Set<String> ctx = context != null ? context : Set.of();
        target.dependencies().forEach(d -> queue.add(new Step(d, ctx, target.name())));
      }
      for (String extra : edge.extras()) {
        if (done.add(extra)) {
          Set<String> ctx = context != null ? context : Set.of(extra);
          target.optionalDependencies().getOrDefault(extra, List.of())
              .forEach(d -> queue.add(new Step(d, ctx, target.name() + "[" + extra + "]")));
          if (context == null) {
            // Requires-Dist style edges (pdm, poetry) carry `extra == "x"` in their markers.
            target.dependencies().forEach(d -> queue.add(new Step(d, ctx, target.name() + "[" + extra + "]")));
          }
        }
      }
    }
    List<InstallSet.Item> out = new ArrayList<>();
    order.forEach(p -> out.add(new InstallSet.Item(p, extrasDone.get(p), via.get(p))));
    return out;
  }

  /**
   * uv encodes conflicting extras and groups in markers as {@code extra == 'extra-<n>-<project>-<name>'}
   * and {@code 'group-<n>-<project>-<name>'} (n = length of the project name); those of the
   * root projects the user activated hold.
   */
  private Set<String> uvConflictContext(GroupSelection selection) {
    if (lock.kind() != InputKind.UV_LOCK) {
      return Set.of();
    }
    Set<String> out = new LinkedHashSet<>();
    for (LockedDependency root : lock.roots()) {
      String project = root.name();
      for (String extra : selection.extras()) {
        out.add("extra-" + project.length() + "-" + project + "-" + extra);
      }
      for (String group : groupsToAdd(selection, lock.rootGroups().keySet())) {
        out.add("group-" + project.length() + "-" + project + "-" + group);
      }
    }
    return out;
  }

  private Set<String> groupsToAdd(GroupSelection selection, Set<String> known) {
    Set<String> out = new LinkedHashSet<>(selection.groups());
    if (selection.dev()) {
      lock.devGroups().stream().filter(known::contains).forEach(out::add);
    }
    return out;
  }

  private LockedPackage resolve(LockedDependency edge, String from) throws InstallSetError {
    List<LockedPackage> candidates = new ArrayList<>(named(edge.name()));
    if (candidates.isEmpty()) {
      throw new InstallSetError(lock.file() + ": " + from + " depends on '" + edge.name()
          + "', which the lock does not contain");
    }
    if (edge.version().isPresent()) {
      candidates.removeIf(p -> !p.version().equals(edge.version().get()));
    }
    if (edge.source().isPresent() && candidates.size() > 1) {
      candidates.removeIf(p -> !p.source().toString().equals(edge.source().get()));
    }
    if (edge.specifier().isPresent() && candidates.size() > 1) {
      List<LockedPackage> admitted = new ArrayList<>();
      for (LockedPackage p : candidates) {
        Version v = Version.tryParse(p.version());
        if (v != null && anyAlternativeContains(edge.specifier().get(), v)) {
          admitted.add(p);
        }
      }
      candidates = admitted;
    }
    if (candidates.size() > 1) {
      List<LockedPackage> byMarker = new ArrayList<>();
      for (LockedPackage p : candidates) {
        if (p.marker().isEmpty() || holds(p.marker().get(), env)) {
          byMarker.add(p);
        }
      }
      candidates = byMarker;
    }
    if (candidates.size() != 1) {
      throw new InstallSetError(lock.file() + ": " + from + " depends on " + edge + ", which matches "
          + (candidates.isEmpty() ? "no locked version" : candidates.stream().map(LockedPackage::pin).toList())
          + " of " + named(edge.name()).stream().map(LockedPackage::pin).toList());
    }
    return candidates.get(0);
  }

  // ---- per-package locks -------------------------------------------------------------------

  private List<InstallSet.Item> perPackage(GroupSelection selection) throws InstallSetError {
    Set<String> groups = new LinkedHashSet<>(lock.defaultGroups());
    Set<String> known = new HashSet<>(lock.defaultGroups());
    lock.packages().forEach(p -> known.addAll(p.groups()));
    known.addAll(lock.devGroups());
    for (String g : selection.groups()) {
      if (lock.kind() != InputKind.PYLOCK && !known.contains(g)) {
        throw new InstallSetError(lock.file() + ": the lock has no group '" + g + "'; it has " + new TreeSet<>(known));
      }
    }
    groups.addAll(groupsToAdd(selection, known));
    Set<String> markerGroups = new LinkedHashSet<>(groups);
    if (lock.kind() == InputKind.PIPFILE_LOCK && groups.contains("develop")) {
      // pipenv writes PEP 751 markers into Pipfile.lock ('dev' in dependency_groups): the
      // develop section is the "dev" group there.
      markerGroups.add("dev");
    }
    MarkerEnvironment selected = env.withExtras(selection.extras()).withDependencyGroups(markerGroups);
    List<InstallSet.Item> out = new ArrayList<>();
    for (LockedPackage p : lock.packages()) {
      if (lock.kind() == InputKind.PYLOCK) {
        if (p.marker().isPresent() && !holds(p.marker().get(), selected)) {
          continue;
        }
        if (p.requiresPython().isPresent()) {
          Version python = Version.tryParse(env.pythonFullVersion());
          if (python != null && !anyAlternativeContains(p.requiresPython().get(), python)) {
            throw new InstallSetError(lock.file() + ": package " + p.pin() + " requires Python " + p.requiresPython().get()
                + "; the target has " + env.pythonFullVersion());
          }
        }
        out.add(new InstallSet.Item(p, Set.of(), "<lock>"));
        continue;
      }
      boolean take = false;
      for (String g : p.groups()) {
        if (!groups.contains(g)) {
          continue;
        }
        Optional<String> marker = Optional.ofNullable(p.groupMarkers().get(g)).or(p::marker);
        if (marker.isEmpty() || holdsWithExtras(marker.get(), selection.extras(), selected)) {
          take = true;
          break;
        }
      }
      if (p.groups().isEmpty() && lock.kind() == InputKind.PDM_LOCK) {
        take = p.marker().isEmpty() || holds(p.marker().get(), selected);
      }
      if (take) {
        out.add(new InstallSet.Item(p, Set.of(), "<group>"));
      }
    }
    return out;
  }

  // ---- markers -----------------------------------------------------------------------------

  private boolean holdsWithExtras(String marker, Set<String> extras) throws InstallSetError {
    return holdsWithExtras(marker, extras, env);
  }

  /** pip's reading of {@code extra}: the marker holds for no extra or for any one requested. */
  private boolean holdsWithExtras(String marker, Set<String> extras, MarkerEnvironment base) throws InstallSetError {
    if (lock.kind() == InputKind.UV_LOCK && !extras.isEmpty()) {
      for (String extra : extras) {
        if (holds(marker, base.withExtra(extra))) {
          return true;
        }
      }
      return false;
    }
    if (holds(marker, base.withExtra(""))) {
      return true;
    }
    for (String extra : extras) {
      if (holds(marker, base.withExtra(extra))) {
        return true;
      }
    }
    return false;
  }

  private boolean holds(String text, MarkerEnvironment environment) throws InstallSetError {
    Marker marker = markers.get(text);
    if (marker == null) {
      try {
        marker = Marker.parse(text, profile);
      } catch (InvalidMarker e) {
        throw new InstallSetError(lock.file() + ": invalid marker '" + text + "': " + e.plainMessage());
      }
      markers.put(text, marker);
    }
    try {
      return marker.evaluate(environment, profile);
    } catch (MarkerEvaluationError e) {
      throw new InstallSetError(lock.file() + ": marker '" + text + "' cannot be evaluated for " + describe() + ": "
          + e.getMessage());
    }
  }
}
