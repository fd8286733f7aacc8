package dev.wheelwise.advise;

import dev.wheelwise.cost.SdistClass;
import dev.wheelwise.cost.SdistClassifier;
import dev.wheelwise.pep440.PipProfile;
import dev.wheelwise.pep440.Version;
import dev.wheelwise.pep508.Names;
import dev.wheelwise.tags.Target;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The install plan of one project on one image: pip's choice per package, what each source
 * build needs, whether the build goes through as written, and the totals. Pure: inputs in, a
 * plan out.
 */
public final class Planner {

  /** Packages that stand for "a C/C++ compiler" on each distro. */
  private static final Set<String> COMPILER_META = Set.of("build-base", "build-essential", "gcc", "g++", "gfortran",
      "musl-dev", "libc6-dev", "libc-dev", "cargo", "rust");

  private final CostModel cost;
  private final SdistContents contents;
  private final Optional<FileSource> releases;

  /**
   * Choices already made, per tag list (target, pip, Python, formats) and per wanted package:
   * the images of a search share tag lists (slim and full of one Python and glibc) and, for a
   * lock, the very same {@link Wanted} values, so each distinct file list is judged once per
   * distinct tag list. The chooser is pure, so the memo changes no answer.
   */
  private final Map<ChoiceKey, Map<Wanted, Choice>> choices = new HashMap<>();

  /** Wheel names parsed once for all the plans of a check. */
  private final WheelNames wheelNames = new WheelNames();

  private record ChoiceKey(Target target, PipProfile profile, Version python, FormatControl formats) {}

  public Planner(CostModel cost) {
    this(cost, SdistContents.NONE);
  }

  /** @param contents what is known of an sdist's contents (a live index reads them; the snapshot recorded some) */
  public Planner(CostModel cost, SdistContents contents) {
    this(cost, contents, Optional.empty());
  }

  /**
   * @param releases where the project's other releases are seen when the input lists only the
   *     chosen one's files (a lock): their wheels decide the likely-pure guess for its sdist
   */
  public Planner(CostModel cost, SdistContents contents, Optional<FileSource> releases) {
    this.cost = Objects.requireNonNull(cost, "cost");
    this.contents = Objects.requireNonNull(contents, "contents");
    this.releases = Objects.requireNonNull(releases, "releases");
  }

  public ImagePlan plan(CheckInput input, ImageCandidate image) {
    if (image.target().isEmpty()) {
      String reason = "the catalog lacks what pip's choice depends on here"
          + (image.remarks().isEmpty() ? "" : ": " + String.join("; ", image.remarks()));
      return new ImagePlan(image, List.of(), Verdict.UNKNOWN, Optional.empty(), Optional.of(reason), List.of(), empty());
    }
    ChooserTarget target = image.target().get();
    if (input.requiresPython().isPresent() && !target.requiresPythonAllows(input.requiresPython().get())) {
      String reason = "the project requires Python " + input.requiresPython().get().trim() + "; the image has " + image.python();
      return new ImagePlan(image, List.of(), Verdict.UNAVAILABLE, Optional.empty(), Optional.of(reason), List.of(), empty());
    }
    CheckInput.Packages wantedHere = input.packages().on(image);
    if (wantedHere.impossible().isPresent()) {
      return new ImagePlan(image, List.of(), Verdict.UNAVAILABLE, Optional.empty(), wantedHere.impossible(), List.of(), empty());
    }
    FileChooser chooser = new FileChooser(target, input.formats(), wheelNames);
    Map<Wanted, Choice> made = choices.computeIfAbsent(
        new ChoiceKey(target.tags().target(), target.profile(), target.python(), input.formats()), k -> new IdentityHashMap<>());
    List<PackagePlan> packages = new ArrayList<>();
    for (Wanted wanted : wantedHere.wanted()) {
      Choice choice = wanted.unresolved().isPresent() ? new Choice.Unknown(wanted.unresolved().get())
          : wanted.absent().isPresent() ? new Choice.Nothing(wanted.absent().get())
          : made.computeIfAbsent(wanted, w -> chooser.choose(w.name(), w.versions(), w.files()));
      Optional<String> version = choice instanceof Choice.Wheel w ? Optional.of(w.file().version().toString())
          : choice instanceof Choice.Sdist s ? Optional.of(s.file().version().toString())
          : wanted.versions().pin().map(Object::toString);
      Optional<BuildNeed> build = choice instanceof Choice.Sdist s
          ? Optional.of(cost.buildNeed(s.file(), classify(s.file(), wanted), image.packageManager())) : Optional.empty();
      packages.add(new PackagePlan(wanted.name(), version, choice, build, wanted.filesComplete(), wanted.origin()));
    }
    return judge(input, image, packages, wantedHere.skipped(), wantedHere.unknownDependencies(), wantedHere.unread());
  }

  /**
   * Whether the sdist compiles: from its contents where a source read or recorded them, else
   * the guess from the project's wheels (every one seen none-any: likely pure).
   */
  private SdistClass classify(CandidateFile sdist, Wanted wanted) {
    Optional<SdistClass> read = contents.of(sdist);
    if (read.isPresent() && read.get().kind() != SdistClass.Kind.UNKNOWN) {
      return read.get();
    }
    List<String> wheels = new ArrayList<>();
    for (CandidateFile f : wanted.files()) {
      if (f.isWheel()) {
        wheels.add(f.filename());
      }
    }
    for (CandidateFile f : wanted.otherReleases()) {
      if (f.isWheel()) {
        wheels.add(f.filename());
      }
    }
    if (wheels.isEmpty() && releases.isPresent()) {
      // A lock lists the locked release's files alone (often just the sdist); the source may
      // have seen the project's other releases, and "every wheel ever seen is none-any" is about them.
      for (CandidateFile f : releases.get().files(Names.canonicalize(sdist.name()))) {
        if (f.isWheel()) {
          wheels.add(f.filename());
        }
      }
    }
    SdistClass guess = SdistClassifier.fromWheels(wheels);
    if (read.isEmpty()) {
      return guess;
    }
    if (guess.kind() == SdistClass.Kind.UNKNOWN) {
      return read.get();
    }
    // The sdist could not be read (too large, refused): the guess stands, with why it is one.
    List<String> evidence = new ArrayList<>(guess.evidence());
    evidence.addAll(read.get().evidence());
    return new SdistClass(guess.kind(), guess.languages(), evidence, true);
  }

  private static ImagePlan.Summary empty() {
    return new ImagePlan.Summary(0, 0, 0, 0, 0, 0, Optional.empty(), Optional.empty(), List.of(), List.of(), List.of(), List.of(),
        List.of(), List.of(), List.of(), 0);
  }

  private ImagePlan judge(CheckInput input, ImageCandidate image, List<PackagePlan> packages, List<String> skipped,
      List<String> unknownDependencies, List<String> unread) {
    int wheels = 0;
    int sdists = 0;
    int nothing = 0;
    int unknown = 0;
    long bytes = 0;
    int unknownSizes = 0;
    Optional<String> unavailable = Optional.empty();
    Set<String> systemPackages = new LinkedHashSet<>();
    for (PackagePlan p : packages) {
      Choice c = p.choice();
      CandidateFile file = c instanceof Choice.Wheel w ? w.file() : c instanceof Choice.Sdist s ? s.file() : null;
      if (c instanceof Choice.Unknown) {
        unknown++;
        continue;
      }
      if (file == null) {
        nothing++;
        if (unavailable.isEmpty()) {
          unavailable = Optional.of(p.name() + p.version().map(v -> " " + v).orElse("") + ": " + ((Choice.Nothing) c).reason());
        }
        continue;
      }
      if (file.bytes().isPresent()) {
        bytes += file.bytes().getAsLong();
      } else {
        unknownSizes++;
      }
      if (c instanceof Choice.Wheel) {
        wheels++;
      } else {
        sdists++;
        p.build().ifPresent(b -> systemPackages.addAll(b.systemPackages()));
      }
    }

    Set<String> installed = new LinkedHashSet<>(image.systemPackages());
    input.dockerfile().ifPresent(d -> installed.addAll(d.systemPackages()));

    Verdict verdict;
    Optional<ImagePlan.Failure> failure = Optional.empty();
    List<String> doubts = new ArrayList<>();
    if (nothing > 0) {
      verdict = Verdict.UNAVAILABLE;
    } else if (sdists == 0) {
      verdict = unknown > 0 ? Verdict.UNKNOWN : Verdict.WHEELS;
    } else {
      verdict = unknown > 0 ? Verdict.UNKNOWN : Verdict.BUILDS;
      for (PackagePlan p : packages) {
        if (!(p.choice() instanceof Choice.Sdist s) || p.build().isEmpty()) {
          continue;
        }
        BuildNeed need = p.build().get();
        Optional<ImagePlan.Failure> lacks = cost.failure(s.file(), need, installed, image);
        if (lacks.isPresent() && lacksCompiler(lacks.get().missingSystemPackages()) && !p.filesComplete()
            && image.target().map(ChooserTarget::usesIndexPlatformWheels).orElse(true)) {
          // No wheel was seen, but the file list is incomplete and this pip could use a
          // manylinux/musllinux wheel we never saw: the source build is not certain.
          verdict = Verdict.UNKNOWN;
          doubts.add("may fail at " + p.name() + ": no wheel for this image was seen, but its file list is incomplete; "
              + "if pip builds " + s.file().filename() + ", it lacks " + String.join(" ", lacks.get().missingSystemPackages())
              + " -> " + lacks.get().error());
          continue;
        }
        if (lacks.isPresent() && lacksCompiler(lacks.get().missingSystemPackages()) && image.systemPackagesKnown()) {
          verdict = Verdict.FAILS;
          failure = lacks;
          break;
        }
        if (lacks.isPresent()) {
          verdict = Verdict.UNKNOWN;
          doubts.add("may fail at " + p.name() + ": it lacks " + String.join(" ", lacks.get().missingSystemPackages())
              + ", which build-deps knowledge lists for the package's current releases (not known for " + p.version().orElse("this version")
              + ") -> " + lacks.get().error());
        } else if (!need.known()) {
          verdict = Verdict.UNKNOWN;
          doubts.add("what building " + p.name() + " needs is not known"
              + (need.sdist().kind() == SdistClass.Kind.COMPILED ? " (its sdist is " + need.sdist().label() + ": "
                  + String.join(" ", need.systemPackages()) + " derived for the compilers, libraries unknown)" : ""));
        }
      }
    }

    List<String> pitfalls = cost.pitfalls(packages.stream().map(PackagePlan::name).toList(), image, sdists > 0);
    List<String> buildLine = cost.withoutImplied(List.copyOf(systemPackages), image.packageManager());
    ImageCosts costs = costs(input, image, packages, Map.of());
    ImagePlan.Summary summary = new ImagePlan.Summary(packages.size(), wheels, sdists, nothing, bytes, unknownSizes,
        costs.imageBytes(), costs.buildSeconds(), buildLine, pitfalls, costs.buildTimeUnknown(), costs.sizeUnknown(),
        costs.sizeNotes(), costs.sizeParts(), costs.timeParts(), costs.estimatedFileSizes());
    if (unknown > 0) {
      doubts.add(0, unknown + " package(s) unknown: not resolved, or no files known");
    }
    if (!unknownDependencies.isEmpty() && (verdict == Verdict.WHEELS || verdict == Verdict.BUILDS)) {
      // What these releases need was never recorded: the packages pip would add are unknown.
      verdict = Verdict.UNKNOWN;
      doubts.add("the dependencies of " + String.join(", ", unknownDependencies) + " are not known");
    }
    if (packages.isEmpty() && verdict == Verdict.WHEELS && input.dockerfile().isPresent()) {
      // "Every package from a wheel" of none compared says nothing: what the Dockerfile installs
      // that was not read (a local project, a file outside the context, a script that runs pip)
      // decides. A lock's own project is different: what it needs is the lock.
      verdict = Verdict.UNKNOWN;
      doubts.add(skipped.isEmpty() ? "nothing was compared: no pip, uv, pipenv or poetry install of packages was recognized"
          : "nothing was compared: " + String.join("; ", skipped));
    }
    if (!unread.isEmpty() && (verdict == Verdict.WHEELS || verdict == Verdict.BUILDS)) {
      // What the unread inputs install decides as much as what was read (a final
      // "pip install --upgrade pip" beside a requirements file outside the context says nothing).
      verdict = Verdict.UNKNOWN;
      doubts.add((packages.isEmpty() ? "nothing was compared: " : "not everything the "
          + (input.dockerfile().isPresent() ? "Dockerfile" : "project") + " installs was read: ") + String.join("; ", unread));
    }
    Optional<String> reason = verdict == Verdict.UNAVAILABLE ? unavailable
        : verdict == Verdict.UNKNOWN && !doubts.isEmpty() ? Optional.of(String.join("; ", doubts)) : Optional.empty();
    return new ImagePlan(image, packages, verdict, failure, reason, skipped, summary);
  }

  /**
   * The image's size and build time: the base, the packages as chosen (wheels measured from
   * their zip directory where {@code installedBytes} has them), what the build leaves behind, and
   * the system packages the builds need that neither the image nor the Dockerfile installs (a
   * build that fails as written is timed with them added, as the remedy says).
   */
  private ImageCosts costs(CheckInput input, ImageCandidate image, List<PackagePlan> packages, Map<String, Long> installedBytes) {
    Set<String> buildPackages = new LinkedHashSet<>();
    for (PackagePlan p : packages) {
      if (p.choice() instanceof Choice.Sdist) {
        p.build().ifPresent(b -> buildPackages.addAll(b.systemPackages()));
      }
    }
    Set<String> toInstall = new LinkedHashSet<>(cost.withoutImplied(new ArrayList<>(buildPackages), image.packageManager()));
    toInstall.removeAll(image.systemPackages());
    input.dockerfile().ifPresent(d -> toInstall.removeAll(d.systemPackages()));
    boolean pipCache = input.dockerfile().map(CheckInput.DockerfileSetup::pipCache).orElse(false);
    boolean singleStage = input.dockerfile().map(d -> !d.multiStage()).orElse(true);
    return cost.costs(packages, installedBytes, new ArrayList<>(buildPackages), toInstall.size(), singleStage, pipCache, image);
  }

  /**
   * The plan with its size estimated anew from the wheels' measured installed sizes, and notes
   * saying how many wheels were measured and how many estimated from their file size (and why).
   */
  public ImagePlan withInstalledSizes(CheckInput input, ImagePlan plan, WheelSizes.Measured measured) {
    int wheels = 0;
    int measuredHere = 0;
    for (PackagePlan p : plan.packages()) {
      if (p.choice() instanceof Choice.Wheel w) {
        wheels++;
        measuredHere += measured.installedBytes().containsKey(w.file().filename()) ? 1 : 0;
      }
    }
    if (wheels == 0) {
      return plan;
    }
    List<String> notes = new ArrayList<>();
    notes.add(wheels + " wheel(s) installed: " + measuredHere + " measured from their zip directory, " + (wheels - measuredHere)
        + " estimated from file size");
    if (measuredHere < wheels) {
      notes.addAll(measured.notes());
    }
    ImageCosts costs = costs(input, plan.image(), plan.packages(), measured.installedBytes());
    notes.addAll(costs.sizeNotes());
    ImagePlan.Summary summary = plan.summary().withCosts(costs, notes);
    return new ImagePlan(plan.image(), plan.packages(), plan.verdict(), plan.failure(), plan.reason(), plan.skipped(), summary);
  }

  /**
   * A build without a compiler fails for certain: every compiled package needs one. A missing
   * header or library is reported as a doubt, not a failure: the build-deps knowledge describes
   * a package's current releases (matplotlib 3.1 bundled qhull, today's builds take it from the
   * system), and the catalog does not list the -dev packages of the full images.
   */
  private static boolean lacksCompiler(List<String> missing) {
    return missing.stream().anyMatch(COMPILER_META::contains);
  }
}
