package dev.wheelwise.resolve;

import dev.wheelwise.pep440.InvalidSpecifier;
import dev.wheelwise.pep440.PipProfile;
import dev.wheelwise.pep440.SpecifierSet;
import dev.wheelwise.pep440.Version;
import dev.wheelwise.pep508.InvalidRequirement;
import dev.wheelwise.pep508.MarkerEnvironment;
import dev.wheelwise.pep508.Requirement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Resolves loose requirements for one target the way pip 23's resolver (resolvelib with pip's
 * provider) does: in each round the unsatisfied project pip prefers (pins first, then projects
 * that caused backtracking, then by depth from the roots, then by the order the user wrote
 * them, then bounded before unbounded, then by name) is pinned to its best candidate; a
 * project's candidates are its versions allowed by every requirement on it, highest first,
 * each represented by the file pip would take from it (the {@link MetadataSource}'s chooser), so
 * a version with no installable file for the target is skipped. A candidate whose dependencies
 * leave some project without any candidate is rejected. When every candidate of a project is
 * rejected, resolvelib's backjump: pins are dropped, newest first, down to the latest one whose
 * dependencies touch the conflict; its version is marked incompatible in the state before it
 * and the rounds go on from there (bounded in number). An already pinned project that a later
 * requirement excludes is pinned again, and what its old pin required is forgotten, as in
 * resolvelib.
 *
 * <p>A release's metadata {@code Requires-Python}, when the source read it, is one more
 * requirement of the candidate, as pip makes it ({@code RequiresPythonRequirement}, checked
 * after the {@code Requires-Dist} ones): a candidate whose metadata excludes the target's Python
 * is rejected even when its file's {@code requires-python} on the index page let the chooser
 * take it. The difference from pip kept on purpose: markers are evaluated for the target (pip
 * uses the host's, research §2.1), as is {@code Requires-Python} (pip checks the running
 * Python's, which in the image is the target's). When {@code
 * continuePastUnavailable} is set, a project with no installable file at all on the target is
 * reported in {@link Resolution#unavailable} and treated as satisfied instead of failing the
 * whole resolution, so that a comparison of images can still say what the rest would be.
 *
 * <p>One resolver serves one target and memoizes the metadata it reads; it is not thread-safe.
 */
public final class Resolver {

  private final MetadataSource source;
  private final ResolveTarget target;
  private final int maxRounds;
  private final boolean continuePastUnavailable;
  private final PipProfile profile;
  private final Map<String, MetadataSource.Metadata> metadataCache = new HashMap<>();
  private final Map<SpecifierSet, Map<Version, Boolean>> allowsCache = new java.util.IdentityHashMap<>();
  private final Map<String, List<Version>> candidatesCache = new HashMap<>();
  private final Map<List<Constraint>, Map<Pin, Boolean>> satisfiedCache = new java.util.IdentityHashMap<>();

  public Resolver(MetadataSource source, ResolveTarget target, int maxRounds, boolean continuePastUnavailable) {
    this.source = Objects.requireNonNull(source, "source");
    this.target = Objects.requireNonNull(target, "target");
    this.maxRounds = maxRounds;
    this.continuePastUnavailable = continuePastUnavailable;
    this.profile = target.profile();
  }

  /** A requirement on a project and who made it ({@code parent} empty for the user's own). */
  private record Constraint(String name, SpecifierSet specifier, String specifierText, Set<String> extras, String text,
      Optional<String> parent, Optional<String> parentName) {}

  private record Pin(Version version, String file, Set<String> extras) {}

  /** Everything a round changes; copied, never shared, so backtracking restores it exactly. */
  private record State(Map<String, List<Constraint>> criteria, Map<String, Pin> pins, Map<String, Set<Version>> incompatible) {
    State copy() {
      Map<String, Set<Version>> out = new LinkedHashMap<>();
      incompatible.forEach((k, v) -> out.put(k, new LinkedHashSet<>(v)));
      return new State(new LinkedHashMap<>(criteria), new LinkedHashMap<>(pins), out);
    }
  }

  /** A pin to come back to: the state before it, the project and the version pinned. */
  private record Frame(State before, String name, Version version) {}

  /** Why a candidate or a project failed: the project left without candidates and its requirements. */
  private record Cause(String name, List<Constraint> constraints) {}

  /** pip's name for the Python a {@code Requires-Python} constrains; no project can have it. */
  private static final String REQUIRES_PYTHON = "<Python from Requires-Python>";

  /**
   * Resolves the user's requirements ({@code pip install ROOTS…}); those whose markers exclude
   * the target are dropped, as pip drops them.
   */
  public Resolution resolve(List<Requirement> roots) {
    MarkerEnvironment env = target.markers();
    State state = new State(new LinkedHashMap<>(), new LinkedHashMap<>(), new LinkedHashMap<>());
    Map<String, Integer> requestedOrder = new HashMap<>();
    for (Requirement r : roots) {
      if (r.marker().isPresent() && !r.marker().get().evaluate(env, profile)) {
        continue;
      }
      requestedOrder.putIfAbsent(r.canonicalName(), requestedOrder.size());
      add(state.criteria(), new Constraint(r.canonicalName(), r.specifier(), r.specifier().toString(profile), r.canonicalExtras(),
          r.toString(), Optional.empty(), Optional.empty()));
    }
    Map<String, Resolution.Unknown> unknown = new LinkedHashMap<>();
    Map<String, String> unavailable = new LinkedHashMap<>();
    Deque<Frame> stack = new ArrayDeque<>();
    Set<String> backtrackCauses = new LinkedHashSet<>();
    Map<String, Double> depths = new HashMap<>();
    int rounds = 0;
    while (true) {
      if (++rounds > maxRounds) {
        return result(state, unknown, unavailable, Optional.of("gave up after " + maxRounds + " rounds of backtracking"), rounds);
      }
      String name = pick(state, requestedOrder, backtrackCauses, depths, unknown.keySet(), unavailable.keySet());
      if (name == null) {
        return result(state, unknown, unavailable, Optional.empty(), rounds);
      }
      List<Constraint> constraints = state.criteria().get(name);
      if (target.installed().containsKey(name) && target.installed().get(name).isEmpty()) {
        // pip keeps an installed distribution that satisfies every requirement; whether this one
        // does cannot be told without its version, and installing another is not certain either.
        unknown.put(name, new Resolution.Unknown(name, Optional.empty(), "the image already has " + name
            + " (version not recorded): whether it satisfies " + describeSpecifiers(constraints) + " is not known"));
        continue;
      }
      if (!source.listed(name) && source.absent(name)) {
        unavailable.put(name, noMatchingDistribution(name, constraints));
        continue;
      }
      if (!source.listed(name)) {
        unknown.put(name, new Resolution.Unknown(name, Optional.empty(), "no files known for " + name
            + " (required by " + describeParents(constraints) + ")"));
        continue;
      }
      if (continuePastUnavailable && versionsOf(name).isEmpty()) {
        unavailable.put(name, source.whyNotInstallable(name));
        continue;
      }
      List<Cause> causes = new ArrayList<>();
      State next = null;
      for (Version v : candidates(name, state)) {
        next = attempt(state, name, v, causes, unknown);
        if (next != null) {
          stack.push(new Frame(state, name, v));
          break;
        }
      }
      if (next == null && causes.isEmpty()) {
        causes.add(new Cause(name, constraints));
      }
      if (next == null) {
        next = backjump(state, stack, causes, unknown);
        backtrackCauses.clear();
        for (Cause c : causes) {
          backtrackCauses.add(c.name());
          c.constraints().forEach(k -> k.parentName().ifPresent(backtrackCauses::add));
        }
        if (next == null) {
          return result(state, unknown, unavailable, Optional.of(explain(causes, state)), rounds);
        }
      }
      state = next;
    }
  }

  /**
   * resolvelib's backjump: drop pins until one whose dependencies touch the conflict, mark
   * that pin's version incompatible in the state before it (with the incompatibilities learnt
   * since), and go on from there; null when no pin is left to revise.
   */
  private State backjump(State failed, Deque<Frame> stack, List<Cause> causes, Map<String, Resolution.Unknown> unknown) {
    Set<String> involved = new LinkedHashSet<>();
    for (Cause c : causes) {
      involved.add(c.name());
      c.constraints().forEach(k -> k.parentName().ifPresent(involved::add));
    }
    Map<String, Set<Version>> learnt = failed.incompatible();
    while (!stack.isEmpty()) {
      Frame f = stack.pop();
      Set<String> deps = new LinkedHashSet<>();
      for (Requirement r : dependencies(f.name(), f.version(), extrasOf(f.before(), f.name()), unknown)) {
        deps.add(r.canonicalName());
      }
      // pip's dependencies of a candidate include its Requires-Python, so a conflict over Python stops here too.
      requiresPython(f.name(), f.version()).ifPresent(p -> deps.add(REQUIRES_PYTHON));
      if (Collections.disjoint(deps, involved)) {
        continue;
      }
      State patched = f.before().copy();
      learnt.forEach((k, v) -> {
        if (patched.criteria().containsKey(k)) {
          patched.incompatible().computeIfAbsent(k, x -> new LinkedHashSet<>()).addAll(v);
        }
      });
      patched.incompatible().computeIfAbsent(f.name(), x -> new LinkedHashSet<>()).add(f.version());
      boolean viable = true;
      for (String k : patched.incompatible().keySet()) {
        if (patched.criteria().containsKey(k) && source.listed(k) && candidates(k, patched).isEmpty()) {
          viable = false;
          break;
        }
      }
      if (viable) {
        return patched;
      }
      learnt = patched.incompatible();
    }
    return null;
  }

  private static Set<String> extrasOf(State state, String name) {
    Set<String> extras = new LinkedHashSet<>();
    state.criteria().getOrDefault(name, List.of()).forEach(c -> extras.addAll(c.extras()));
    return extras;
  }

  private State attempt(State state, String name, Version version, List<Cause> causes, Map<String, Resolution.Unknown> unknown) {
    Set<String> extras = extrasOf(state, name);
    State next = state.copy();
    String parent = name + "==" + version;
    Set<String> touched = new LinkedHashSet<>();
    for (Requirement dep : dependencies(name, version, extras, unknown)) {
      if (dep.canonicalName().equals(name)) {
        continue;
      }
      add(next.criteria(), new Constraint(dep.canonicalName(), dep.specifier(), dep.specifier().toString(profile),
          dep.canonicalExtras(), dep.toString(), Optional.of(parent), Optional.of(name)));
      touched.add(dep.canonicalName());
    }
    for (String dep : touched) {
      if (source.listed(dep) && candidates(dep, next).isEmpty()
          && !(continuePastUnavailable && versionsOf(dep).isEmpty())) {
        causes.add(new Cause(dep, next.criteria().get(dep)));
        return null;
      }
    }
    Optional<Constraint> python = excludedPython(name, version);
    if (python.isPresent()) {
      causes.add(new Cause(REQUIRES_PYTHON, List.of(python.get())));
      return null;
    }
    // Only the projects this pin added requirements to can stop being satisfied by their pins.
    Set<String> broken = new LinkedHashSet<>();
    for (String k : touched) {
      if (satisfied(state.pins().get(k), state.criteria().getOrDefault(k, List.of()))
          && !satisfied(next.pins().get(k), next.criteria().get(k))) {
        broken.add(k);
      }
    }
    next.pins().remove(name);
    next.pins().put(name, new Pin(version, versionsOf(name).get(version), extras));
    if (!broken.isEmpty()) {
      next.criteria().replaceAll((k, list) -> list.stream().filter(c -> c.parentName().map(p -> !broken.contains(p)).orElse(true)).toList());
    }
    return next;
  }

  private static void add(Map<String, List<Constraint>> criteria, Constraint c) {
    List<Constraint> list = new ArrayList<>(criteria.getOrDefault(c.name(), List.of()));
    list.add(c);
    criteria.put(c.name(), List.copyOf(list));
  }

  /** The unsatisfied project pip's provider prefers, or null when every requirement is met. */
  private String pick(State state, Map<String, Integer> requestedOrder, Set<String> backtrackCauses, Map<String, Double> depths,
      Set<String> unknown, Set<String> unavailable) {
    Preference best = null;
    for (var e : state.criteria().entrySet()) {
      String name = e.getKey();
      if (unknown.contains(name) || unavailable.contains(name) || satisfied(state.pins().get(name), e.getValue())
          || keptByImage(name, e.getValue())) {
        continue;
      }
      boolean pinned = false;
      boolean bounded = false;
      double depth = Double.MAX_VALUE;
      for (Constraint c : e.getValue()) {
        for (var s : c.specifier().specifiers()) {
          bounded = true;
          pinned |= s.operator().startsWith("==");
        }
        depth = Math.min(depth, c.parentName().map(p -> depths.getOrDefault(p, 1.0)).orElse(0.0) + 1.0);
      }
      depths.put(name, depth);
      Preference k = new Preference(!pinned, !backtrackCauses.contains(name), depth, requestedOrder.getOrDefault(name, Integer.MAX_VALUE),
          !bounded, name);
      if (best == null || PREFERENCE.compare(k, best) < 0) {
        best = k;
      }
    }
    return best == null ? null : best.name();
  }

  /** pip's {@code get_preference} key (smallest first); direct URLs and Requires-Python never reach here. */
  private record Preference(boolean notPinned, boolean notCause, double depth, double order, boolean free, String name) {}

  private static final Comparator<Preference> PREFERENCE = Comparator.comparing(Preference::notPinned)
      .thenComparing(Preference::notCause)
      .thenComparingDouble(Preference::depth)
      .thenComparingDouble(Preference::order)
      .thenComparing(Preference::free)
      .thenComparing(Preference::name);

  /**
   * Whether pip keeps the target's installed distribution for every requirement on it
   * ({@link ResolveTarget#keeps}). Checked every round, so a requirement added later that the
   * installed one does not meet sends the project to resolution.
   */
  private boolean keptByImage(String name, List<Constraint> constraints) {
    return target.installed().containsKey(name)
        && constraints.stream().allMatch(c -> target.keeps(name, c.specifier(), c.extras()));
  }

  private String describeSpecifiers(List<Constraint> constraints) {
    return String.join(" and ", constraints.stream().map(c -> "'" + c.text() + "' (" + c.parent().map(p -> "required by " + p)
        .orElse("requested") + ")").distinct().toList());
  }

  /**
   * pip's {@code is_satisfied_by}: the specifier contains the version, pre-releases allowed.
   * Memoized: every round asks it of every requirement, and a specifier check is not cheap.
   */
  private boolean allows(Constraint c, Version v) {
    return allowsCache.computeIfAbsent(c.specifier(), k -> new HashMap<>())
        .computeIfAbsent(v, x -> c.specifier().contains(x, profile, Optional.of(true)));
  }

  private boolean satisfied(Pin pin, List<Constraint> constraints) {
    if (pin == null) {
      return false;
    }
    // Lists and pins are immutable and replaced when they change, so identity is a sound key.
    return satisfiedCache.computeIfAbsent(constraints, k -> new java.util.IdentityHashMap<>())
        .computeIfAbsent(pin, p -> meets(p, constraints));
  }

  private boolean meets(Pin pin, List<Constraint> constraints) {
    for (Constraint c : constraints) {
      if (!allows(c, pin.version()) || !pin.extras().containsAll(c.extras())) {
        return false;
      }
    }
    return true;
  }

  /** pip's candidates: installable versions allowed by every requirement, highest first. */
  private List<Version> candidates(String name, State state) {
    List<Constraint> constraints = state.criteria().getOrDefault(name, List.of());
    Set<Version> excluded = state.incompatible().getOrDefault(name, Set.of());
    NavigableMap<Version, String> versions = versionsOf(name);
    StringBuilder text = new StringBuilder();
    for (Constraint c : constraints) {
      String s = c.specifierText();
      if (!s.isEmpty()) {
        text.append(text.length() == 0 ? "" : ",").append(s);
      }
    }
    String key = name + " " + text + " " + excluded;
    List<Version> cached = candidatesCache.get(key);
    if (cached != null) {
      return cached;
    }
    SpecifierSet merged;
    try {
      merged = SpecifierSet.parse(text.toString(), profile);
    } catch (InvalidSpecifier e) {
      return List.of();
    }
    List<Version> allowed = new ArrayList<>(merged.filter(versions.keySet(), profile, target.pre() ? Optional.of(true) : Optional.empty()));
    allowed.removeIf(excluded::contains);
    allowed.sort(Comparator.reverseOrder());
    List<Version> out = List.copyOf(allowed);
    candidatesCache.put(key, out);
    return out;
  }

  private NavigableMap<Version, String> versionsOf(String name) {
    return source.installable(name);
  }

  private MetadataSource.Metadata metadata(String name, Version version) {
    return metadataCache.computeIfAbsent(name + "==" + version, k -> source.metadata(name, version));
  }

  /**
   * The release's metadata {@code Requires-Python} when pip makes a requirement of it: read by
   * the source, valid and not empty (pip ignores an invalid one and skips an empty one).
   */
  private Optional<SpecifierSet> requiresPython(String name, Version version) {
    if (!(metadata(name, version) instanceof MetadataSource.Known known) || known.requiresPython().isEmpty()) {
      return Optional.empty();
    }
    try {
      SpecifierSet spec = SpecifierSet.parse(known.requiresPython().get(), profile);
      return spec.specifiers().isEmpty() ? Optional.empty() : Optional.of(spec);
    } catch (InvalidSpecifier e) {
      return Optional.empty();
    }
  }

  /** That requirement when it excludes the target's Python (pip: {@code contains(python, prereleases=True)}). */
  private Optional<Constraint> excludedPython(String name, Version version) {
    Version python = Version.tryParse(target.markers().pythonFullVersion());
    return requiresPython(name, version).filter(spec -> python != null && !spec.contains(python, profile, Optional.of(true)))
        .map(spec -> {
          String text = spec.toString(profile);
          return new Constraint(REQUIRES_PYTHON, spec, text, Set.of(), "Python " + text, Optional.of(name + "==" + version),
              Optional.of(name));
        });
  }

  /** Requires-Dist of a release for the target and the extras asked for; unknown ones are recorded. */
  private List<Requirement> dependencies(String name, Version version, Set<String> extras, Map<String, Resolution.Unknown> unknown) {
    if (!(metadata(name, version) instanceof MetadataSource.Known deps)) {
      unknown.putIfAbsent(name + "==" + version, new Resolution.Unknown(name, Optional.of(version), "the dependencies of " + name + " "
          + version + " are not known (" + ((MetadataSource.Unknown) metadata(name, version)).reason() + "): packages it needs may be missing"));
      return List.of();
    }
    List<Requirement> out = new ArrayList<>();
    for (String text : deps.requirements()) {
      Requirement r;
      try {
        r = Requirement.parse(text, deps.from(), 1, profile);
      } catch (InvalidRequirement e) {
        unknown.putIfAbsent(name + "==" + version + " " + text, new Resolution.Unknown(name, Optional.of(version),
            "a dependency of " + name + " " + version + " cannot be read: '" + text + "'"));
        continue;
      }
      if (r.appliesTo(target.markers(), extras, profile)) {
        out.add(r);
      }
    }
    return out;
  }

  private Resolution result(State state, Map<String, Resolution.Unknown> unknown, Map<String, String> unavailable,
      Optional<String> conflict, int rounds) {
    List<Resolution.Pinned> pinned = new ArrayList<>();
    state.pins().forEach((name, pin) -> pinned.add(new Resolution.Pinned(name, pin.version(), pin.file(), pin.extras(),
        state.criteria().getOrDefault(name, List.of()).stream().map(c -> c.parent().orElse("requested")).distinct().toList())));
    // Unknown releases that were backtracked away are no longer part of the answer.
    List<Resolution.Unknown> still = unknown.values().stream()
        .filter(u -> u.version().isEmpty() || (state.pins().containsKey(u.name())
            && state.pins().get(u.name()).version().equals(u.version().get())))
        .toList();
    List<Resolution.Unavailable> none = new ArrayList<>();
    unavailable.forEach((n, why) -> none.add(new Resolution.Unavailable(n, why)));
    List<Resolution.Kept> kept = new ArrayList<>();
    state.criteria().forEach((name, constraints) -> {
      if (!state.pins().containsKey(name) && !unknown.containsKey(name) && keptByImage(name, constraints)) {
        kept.add(new Resolution.Kept(name, target.installed().get(name),
            constraints.stream().map(c -> c.parent().orElse("requested")).distinct().toList()));
      }
    });
    return new Resolution(pinned, still, none, conflict, rounds, kept);
  }

  private String explain(List<Cause> causes, State state) {
    if (causes.isEmpty()) {
      return "no solution";
    }
    Cause c = causes.get(causes.size() - 1);
    if (c.name().equals(REQUIRES_PYTHON)) {
      Constraint k = c.constraints().get(0);
      return k.parent().get() + " requires Python " + k.specifierText() + " (Requires-Python in its metadata), but "
          + target.description() + " has Python " + target.markers().pythonFullVersion();
    }
    List<Version> available = new ArrayList<>(versionsOf(c.name()).descendingKeySet());
    StringBuilder sb = new StringBuilder("no version of " + c.name() + " satisfies all of: ");
    List<String> parts = new ArrayList<>();
    for (Constraint k : c.constraints()) {
      parts.add("'" + k.text() + "' (" + chain(k, state, 0) + ")");
    }
    sb.append(String.join("; ", parts));
    sb.append(available.isEmpty() ? "; and no version has an installable file for " + target.description()
        : "; versions installable on " + target.description() + ": "
            + String.join(", ", available.stream().limit(8).map(Version::toString).toList()) + (available.size() > 8 ? ", …" : ""));
    return sb.toString();
  }

  /** {@code required by b==2.0 ← requested 'b>=2'}: the path from the user's requirements. */
  private String chain(Constraint k, State state, int depth) {
    if (k.parent().isEmpty()) {
      return "requested";
    }
    String out = "required by " + k.parent().get();
    List<Constraint> up = state.criteria().getOrDefault(k.parentName().get(), List.of());
    if (!up.isEmpty() && depth < 8) {
      Constraint first = up.get(0);
      out += " ← " + (first.parent().isEmpty() ? "requested as '" + first.text() + "'" : chain(first, state, depth + 1));
    }
    return out;
  }

  /** pip's words for a project no index has, with the requirement as written, and who asks for it. */
  private String noMatchingDistribution(String name, List<Constraint> constraints) {
    Constraint first = constraints.get(0);
    return "No matching distribution found for " + name + first.specifierText() + " (no index lists " + name
        + "; required by " + describeParents(constraints) + ")";
  }

  private String describeParents(List<Constraint> constraints) {
    return String.join(", ", constraints.stream().map(c -> c.parent().orElse("the requirements")).distinct().toList());
  }
}
