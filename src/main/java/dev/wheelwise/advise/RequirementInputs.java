package dev.wheelwise.advise;

import dev.wheelwise.pep440.PipProfile;
import dev.wheelwise.pep440.Specifier;
import dev.wheelwise.pep508.InvalidRequirement;
import dev.wheelwise.pep508.MarkerEnvironment;
import dev.wheelwise.pep508.Requirement;
import dev.wheelwise.resolve.Resolution;
import dev.wheelwise.resolve.ResolveTarget;
import dev.wheelwise.resolve.Resolver;
import dev.wheelwise.tags.Target;
import dev.wheelwise.project.Origin;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Requirements (a requirements file, a {@code pip install} command line) as the comparison's
 * input. A set whose every requirement pins one version ({@code ==V}) is planned as written, with
 * the files the source knows of that version; the plan then holds for the packages listed (a
 * frozen set lists its dependencies too; a hand-written one may not). A set with a loose
 * requirement is resolved per image ({@link Resolver}) with the files and recorded dependencies
 * the source has; what the source does not know (a project it does not list, a release whose
 * dependencies it did not record) is reported, never guessed.
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
    Map<String, Origin> written = new HashMap<>();
    boolean loose = false;
    for (Written w : requirements) {
      Requirement r;
      try {
        r = Requirement.parse(w.text(), w.origin().file(), w.origin().line(), profile);
      } catch (InvalidRequirement e) {
        skipped.add(w.text() + " (" + w.origin() + ": not a PEP 508 requirement)");
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
      List<Specifier> clauses = r.specifier().specifiers();
      boolean pinned = clauses.size() == 1 && clauses.get(0).operator().equals("==") && !clauses.get(0).version().endsWith(".*");
      // A name given twice (pandas==2.2.0 pandas==2.1.0) is for pip's resolver to reconcile or refuse.
      boolean repeated = roots.stream().filter(o -> o.canonicalName().equals(r.canonicalName())).count() > 1;
      if (!pinned || repeated) {
        loose = true;
        continue;
      }
      VersionFilter filter = VersionFilter.of(r.specifier(), profile, false);
      List<CandidateFile> all = source.files(r.canonicalName());
      List<CandidateFile> files = all.stream().filter(f -> !filter.apply(List.of(f.version())).isEmpty()).toList();
      List<CandidateFile> others = all.stream().filter(f -> filter.apply(List.of(f.version())).isEmpty()).toList();
      boolean complete = filter.pin().map(v -> source.complete(r.canonicalName(), v)).orElse(false);
      wanted.add(new Wanted(r.canonicalName(), filter, files, complete, Optional.empty(), others, Optional.of(w.origin())));
    }
    if (loose) {
      return resolved(roots, written, source, image.target().get(), env, formats, skipped);
    }
    wanted.addAll(unlisted(wanted, source, env, profile));
    return new CheckInput.Packages(wanted, Optional.empty(), skipped);
  }

  /**
   * The set resolved as pip would on this image; pins become plans of one version each. A
   * package keeps the line of the requirement that names it; a dependency nobody wrote has none.
   */
  private static CheckInput.Packages resolved(List<Requirement> roots, Map<String, Origin> written, FileSource source,
      ChooserTarget target, MarkerEnvironment env, FormatControl formats, List<String> skipped) {
    ChosenFiles index = new ChosenFiles(source, new FileChooser(target, formats));
    Resolution r = new Resolver(index, new ResolveTarget(env, target.profile(), false, target.description()), MAX_ROUNDS, true)
        .resolve(roots);
    List<String> notes = new ArrayList<>(skipped);
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
      wanted.add(new Wanted(u.name(), VersionFilter.any(), index.files(u.name()), false, Optional.empty(), List.of(),
          Optional.ofNullable(written.get(u.name()))));
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

  /**
   * Dependencies a source recorded for the pinned releases that the set does not list: pip
   * would install them too, so they are reported as unknown rather than left out silently, at
   * the line of the pin that needs them (where a pin of their own would go).
   */
  private static List<Wanted> unlisted(List<Wanted> wanted, FileSource source, MarkerEnvironment env, PipProfile profile) {
    java.util.Set<String> listed = new java.util.HashSet<>();
    wanted.forEach(w -> listed.add(w.name()));
    Map<String, String> missing = new java.util.LinkedHashMap<>();
    Map<String, Optional<Origin>> neededAt = new HashMap<>();
    for (Wanted w : wanted) {
      if (w.versions().pin().isEmpty()) {
        continue;
      }
      Optional<FileSource.Dependencies> deps = source.dependencies(w.name(), w.versions().pin().get());
      if (deps.isEmpty()) {
        continue;
      }
      for (String text : deps.get().requirements()) {
        try {
          Requirement dep = Requirement.parse(text, deps.get().from(), 1, profile);
          if (dep.marker().isPresent() && !dep.marker().get().evaluate(env, profile)) {
            continue;
          }
          if (!listed.contains(dep.canonicalName())) {
            missing.putIfAbsent(dep.canonicalName(), w.name() + "==" + w.versions().pin().get() + " (per " + deps.get().from() + ")");
            neededAt.putIfAbsent(dep.canonicalName(), w.origin());
          }
        } catch (InvalidRequirement | RuntimeException e) {
          // A dependency string the source recorded but pep508 cannot read: not guessed at.
        }
      }
    }
    List<Wanted> out = new ArrayList<>();
    missing.forEach((name, by) -> out.add(new Wanted(name, VersionFilter.any(), List.of(), false,
        Optional.of(name + " is required by " + by + " but the requirements do not pin it: not resolved, so unknown"), List.of(),
        neededAt.get(name))));
    return out;
  }
}
