package dev.wheelwise.advise;

import dev.wheelwise.image.PreinstalledDistribution;
import dev.wheelwise.pep440.PipProfile;
import dev.wheelwise.pep440.Specifier;
import dev.wheelwise.pep440.Version;
import dev.wheelwise.pep508.InvalidRequirement;
import dev.wheelwise.pep508.MarkerEnvironment;
import dev.wheelwise.pep508.Requirement;
import dev.wheelwise.resolve.MetadataSource;
import dev.wheelwise.resolve.Resolution;
import dev.wheelwise.resolve.ResolveTarget;
import dev.wheelwise.resolve.Resolver;
import dev.wheelwise.project.Origin;
import dev.wheelwise.tags.Target;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Requirements (a requirements file, a {@code pip install} command line) as the comparison's
 * input. A set whose every requirement pins one version ({@code ==V}) and whose pins need nothing
 * else (per the core metadata of the files pip takes, or what the source recorded) is planned as
 * written. A set with a loose requirement, or whose pins need packages it does not pin, is
 * resolved per image ({@link Resolver}) as pip would; what the source does not know (a project it
 * does not list, a release whose dependencies it did not record) is reported, never guessed.
 * Pages and the pins' metadata are fetched side by side first ({@link FileSource#prefetch}).
 */
public final class RequirementInputs {
  private RequirementInputs() {}

  /** One requirement as written and where. */
  public record Written(String text, Origin origin) {}

  /** Resolution gives up after this many rounds (pip's own bound is 200000; real sets need hundreds). */
  static final int MAX_ROUNDS = 20_000;

  public static CheckInput.Packages packagesOn(List<Written> requirements, FileSource source, ImageCandidate image) {
    return packagesOn(requirements, source, image, FormatControl.DEFAULT);
  }

  /** The packages pip installs on {@code image} for these requirements, under pip's format options. */
  public static CheckInput.Packages packagesOn(List<Written> requirements, FileSource source, ImageCandidate image,
      FormatControl formats) {
    if (image.target().isEmpty()) {
      return new CheckInput.Packages(List.of(), Optional.of("the image's Python or libc is unknown"), List.of());
    }
    PipProfile profile = image.target().get().profile();
    Target t = image.target().get().tags().target();
    MarkerEnvironment env = MarkerEnvironment.linuxCPython(t.pythonMajor(), t.pythonMinor(), Math.max(t.pythonMicro(), 0),
        t.arch().tagName());
    List<Wanted> wanted = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    List<Requirement> roots = new ArrayList<>();
    Map<String, Optional<Version>> versions = new HashMap<>();
    image.preinstalled().forEach(d -> versions.put(d.name(), d.version()));
    ResolveTarget resolveTarget = new ResolveTarget(env, profile, formats.pre(), image.target().get().description(), versions);
    Map<String, Origin> written = new HashMap<>();
    boolean loose = false;
    List<Requirement> parsed = new ArrayList<>();
    for (Written w : requirements) {
      try {
        parsed.add(Requirement.parse(w.text(), w.origin().file(), w.origin().line(), profile));
      } catch (InvalidRequirement e) {
        skipped.add(w.text() + " (" + w.origin() + ": not a PEP 508 requirement)");
        parsed.add(null);
      }
    }
    source.prefetch(parsed.stream().filter(Objects::nonNull).map(Requirement::canonicalName).toList());
    // A name given twice (pandas==2.2.0 pandas==2.1.0) is for pip's resolver to reconcile or refuse.
    Map<String, Long> named = new HashMap<>();
    for (int i = 0; i < requirements.size(); i++) {
      Written w = requirements.get(i);
      Requirement r = parsed.get(i);
      if (r == null) {
        continue;
      }
      if (r.marker().isPresent() && !r.marker().get().evaluate(env, profile)) {
        continue;
      }
      if (r.url().isPresent()) {
        skipped.add(r.canonicalName() + " (direct reference " + r.url().get() + ")");
        continue;
      }
      roots.add(r);
      written.putIfAbsent(r.canonicalName(), w.origin());
      named.merge(r.canonicalName(), 1L, Long::sum);
      List<Specifier> clauses = r.specifier().specifiers();
      boolean pinned = clauses.size() == 1 && clauses.get(0).operator().equals("==") && !clauses.get(0).version().endsWith(".*");
      if (!pinned || named.get(r.canonicalName()) > 1) {
        loose = true;
        continue;
      }
      VersionFilter filter = VersionFilter.of(r.specifier(), profile, formats.pre());
      List<CandidateFile> all = source.files(r.canonicalName());
      List<CandidateFile> files = all.stream().filter(f -> !filter.apply(List.of(f.version())).isEmpty()).toList();
      List<CandidateFile> others = all.stream().filter(f -> filter.apply(List.of(f.version())).isEmpty()).toList();
      boolean complete = filter.pin().map(v -> source.complete(r.canonicalName(), v)).orElse(false);
      // A pin of a project no index has: pip stops with this, a fact on a source that answered for every location.
      Optional<String> absent = all.isEmpty() && source.absent(r.canonicalName())
          ? Optional.of("No matching distribution found for " + r.canonicalName() + r.specifier() + " (no index lists " + r.canonicalName() + ")")
          : Optional.empty();
      wanted.add(new Wanted(r.canonicalName(), filter, files, complete, Optional.empty(), others, Optional.of(w.origin()), absent));
    }
    if (loose) {
      CheckInput.Packages r = resolved(roots, written, source, image, formats, skipped, resolveTarget);
      if (r.impossible().isEmpty() || source.listsEveryFile()) {
        return r;
      }
      // On a partial source (the snapshot) "no version satisfies" means none was seen: not
      // claimed. The pins are planned as written; the loose requirements stay unknown.
      List<Wanted> planned = new ArrayList<>(wanted.stream().filter(w -> named.get(w.name()) == 1).toList());
      List<String> plannedNames = planned.stream().map(Wanted::name).toList();
      named.keySet().stream().filter(n -> !plannedNames.contains(n)).sorted().forEach(n -> planned.add(new Wanted(n,
          VersionFilter.any(), List.of(), false, Optional.of("not resolved: " + r.impossible().get()
              + " among the files the source lists, and its lists are partial"), List.of(), Optional.ofNullable(written.get(n)))));
      return new CheckInput.Packages(planned, Optional.empty(), skipped);
    }
    Map<String, String> needed = needsMore(roots, wanted, source, image.target().get(), formats, resolveTarget);
    if (!needed.isEmpty()) {
      // A pin needs a package the set does not pin: pip resolves it, and so does this.
      CheckInput.Packages r = resolved(roots, written, source, image, formats, skipped, resolveTarget);
      if (r.impossible().isEmpty() || source.listsEveryFile()) {
        return r;
      }
      // The partial source found no solution: the pins stay as written, what they need is unknown.
      needed.forEach((name, by) -> wanted.add(new Wanted(name, VersionFilter.any(), List.of(), false,
          Optional.of(name + " is required by " + by + " but the requirements do not pin it, and resolving it on the source's "
              + "partial file lists found no solution: not known"), List.of(), Optional.empty())));
    }
    return new CheckInput.Packages(wanted, Optional.empty(), skipped);
  }

  /**
   * The packages the pinned releases need (per the core metadata of the file pip takes for each
   * here, or what the source recorded; extras' dependencies included) that the set does not list,
   * each with the pin that needs it.
   */
  private static Map<String, String> needsMore(List<Requirement> roots, List<Wanted> wanted, FileSource source, ChooserTarget target,
      FormatControl formats, ResolveTarget resolveTarget) {
    MarkerEnvironment env = resolveTarget.markers();
    Map<String, String> needed = new LinkedHashMap<>();
    FileChooser chooser = new FileChooser(target, formats);
    Set<String> listed = new HashSet<>();
    wanted.forEach(w -> listed.add(w.name()));
    List<CandidateFile> chosen = new ArrayList<>();
    for (Wanted w : wanted) {
      Choice c = chooser.choose(w.name(), w.versions(), w.files());
      if (c instanceof Choice.Wheel wheel) {
        chosen.add(wheel.file());
      } else if (c instanceof Choice.Sdist sdist) {
        chosen.add(sdist.file());
      }
    }
    source.prefetchMetadata(chosen);
    PipProfile profile = target.profile();
    for (CandidateFile file : chosen) {
      if (!(source.metadata(file) instanceof MetadataSource.Known known)) {
        continue;
      }
      Set<String> extras = new HashSet<>();
      roots.stream().filter(r -> r.canonicalName().equals(file.name())).forEach(r -> extras.addAll(r.extras()));
      for (String text : known.requirements()) {
        try {
          Requirement dep = Requirement.parse(text, known.from(), 1, profile);
          if (dep.appliesTo(env, extras, profile) && !listed.contains(dep.canonicalName())
              && !resolveTarget.keeps(dep.canonicalName(), dep.specifier(), dep.canonicalExtras())) {
            needed.putIfAbsent(dep.canonicalName(), file.name() + "==" + file.version() + " (per " + known.from() + ")");
          }
        } catch (InvalidRequirement | RuntimeException e) {
          // Unreadable here; the resolver reports it if the set is resolved for another reason.
        }
      }
    }
    return needed;
  }

  /**
   * The set resolved as pip would on this image; pins become plans of one version each. A
   * package keeps the line of the requirement that names it; a dependency nobody wrote has none.
   */
  private static CheckInput.Packages resolved(List<Requirement> roots, Map<String, Origin> written, FileSource source,
      ImageCandidate image, FormatControl formats, List<String> skipped, ResolveTarget resolveTarget) {
    ChooserTarget target = image.target().get();
    ChosenFiles index = new ChosenFiles(source, new FileChooser(target, formats));
    Resolution r = new Resolver(index, resolveTarget, MAX_ROUNDS, true).resolve(roots);
    List<String> notes = new ArrayList<>(skipped);
    for (Resolution.Kept k : r.kept()) {
      String basis = image.preinstalled().stream().filter(d -> d.name().equals(k.name())).map(PreinstalledDistribution::basis).findFirst().orElse("");
      notes.add(k.name() + " is already in the image" + k.version().map(v -> " (" + v + ")").orElse("") + ": pip keeps it for "
          + String.join(", ", k.requiredBy()) + (basis.isEmpty() ? "" : " (" + basis + ")"));
    }
    if (r.conflict().isPresent()) {
      return new CheckInput.Packages(List.of(), Optional.of("pip's resolver would find no solution here: " + r.conflict().get()), notes);
    }
    List<Wanted> wanted = new ArrayList<>();
    for (Resolution.Pinned p : r.pinned()) {
      List<CandidateFile> all = index.files(p.name());
      List<CandidateFile> files = all.stream().filter(f -> f.version().compareTo(p.version()) == 0).toList();
      List<CandidateFile> others = all.stream().filter(f -> f.version().compareTo(p.version()) != 0).toList();
      boolean complete = source.complete(p.name(), p.version());
      Optional<String> doubt = RequiresPythonDoubt.of(files, complete, target.tags().target());
      Optional<Origin> origin = Optional.ofNullable(written.get(p.name()));
      // In doubt, no version is claimed: which one pip takes is not decided here.
      wanted.add(doubt.isPresent() ? new Wanted(p.name(), VersionFilter.any(), List.of(), false, doubt, all, origin)
          : new Wanted(p.name(), VersionFilter.exactly(p.version()), files, complete, Optional.empty(), others, origin));
    }
    for (Resolution.Unavailable u : r.unavailable()) {
      List<CandidateFile> files = index.files(u.name());
      wanted.add(new Wanted(u.name(), VersionFilter.any(), files, false, Optional.empty(), List.of(),
          Optional.ofNullable(written.get(u.name())), files.isEmpty() && index.absent(u.name()) ? Optional.of(u.reason()) : Optional.empty()));
    }
    List<String> unknownDependencies = new ArrayList<>();
    for (Resolution.Unknown u : r.unknown()) {
      if (u.version().isEmpty()) {
        wanted.add(new Wanted(u.name(), VersionFilter.any(), List.of(), false, Optional.of(u.reason()), List.of(),
            Optional.ofNullable(written.get(u.name()))));
      } else {
        notes.add(u.reason());
        unknownDependencies.add(u.name() + " " + u.version().get());
      }
    }
    return new CheckInput.Packages(wanted, Optional.empty(), notes, unknownDependencies);
  }
}
