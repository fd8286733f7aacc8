package dev.wheelwise.advise;

import dev.wheelwise.cost.BuildDeps;
import dev.wheelwise.cost.Capability;
import dev.wheelwise.cost.SdistClass;
import dev.wheelwise.cost.BuildError;
import dev.wheelwise.cost.BuildLeftovers;
import dev.wheelwise.cost.BuildTimeInput;
import dev.wheelwise.cost.CompileTimeModel;
import dev.wheelwise.cost.FileSizes;
import dev.wheelwise.cost.ImageSizeModel;
import dev.wheelwise.cost.InstalledFile;
import dev.wheelwise.cost.SizeEstimate;
import dev.wheelwise.cost.TimeEstimate;
import dev.wheelwise.cost.BuildNeeds;
import dev.wheelwise.cost.Exposure;
import dev.wheelwise.cost.PackageManager;
import dev.wheelwise.cost.PitfallMatch;
import dev.wheelwise.cost.Pitfalls;
import dev.wheelwise.cost.SdistFacts;
import dev.wheelwise.cost.Toolchain;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The comparison's costs from the {@code cost} package's knowledge: build needs per distro
 * (build-deps.tsv), the first build error, musl pitfalls, the compile-time range
 * (CompileTimeModel, calibrated on compile-times.tsv, for a 2–4 core machine as no --cores is
 * given) and the image-size range (ImageSizeModel). What a model cannot bound stays open-ended.
 */
public final class KnowledgeCosts implements CostModel {

  private final BuildDeps deps;
  private final Pitfalls pitfalls;
  private final CompileTimeModel time;
  private final ImageSizeModel size;
  private final FileSizes fileSizes = FileSizes.load();

  public KnowledgeCosts(BuildDeps deps, Pitfalls pitfalls, CompileTimeModel time, ImageSizeModel size) {
    this.deps = Objects.requireNonNull(deps, "deps");
    this.pitfalls = Objects.requireNonNull(pitfalls, "pitfalls");
    this.time = Objects.requireNonNull(time, "time");
    this.size = Objects.requireNonNull(size, "size");
  }

  /** The bundled knowledge and calibrations. */
  public static KnowledgeCosts load() {
    return new KnowledgeCosts(BuildDeps.load(), Pitfalls.load(), CompileTimeModel.load(), new ImageSizeModel());
  }

  @Override
  public BuildNeed buildNeed(CandidateFile sdist, SdistClass contents, Optional<String> packageManager) {
    Optional<PackageManager> pm = packageManager.flatMap(PackageManager::parse);
    if (pm.isEmpty()) {
      return new BuildNeed(false, List.of(), List.of(), false, Optional.of("the image's package manager is unknown"), contents);
    }
    BuildNeeds needs = needs(sdist, contents, pm.get());
    if (!needs.isUnknown()) {
      return new BuildNeed(true, toolchains(needs.toolchains()), needs.systemPackages(), needs.compiles(),
          needs.status() == BuildNeeds.Status.NOT_USABLE ? Optional.of("not usable on this distro: " + needs.notes()) : Optional.empty(),
          contents);
    }
    if (contents.kind() == SdistClass.Kind.PURE) {
      // Pure Python: the build copies files into a wheel; no compiler, no system package.
      return new BuildNeed(true, List.of(), List.of(), false, Optional.of(contents.describe()), contents);
    }
    if (contents.kind() == SdistClass.Kind.COMPILED) {
      // The compilers its languages need, derived from the sdist; libraries stay unknown.
      Set<String> packages = new LinkedHashSet<>();
      for (Toolchain t : contents.toolchains()) {
        Capability.of(t).ifPresent(c -> packages.addAll(BuildDeps.providers(c, pm.get())));
      }
      String headers = String.join(" ", BuildDeps.providers(Capability.PYTHON_HEADERS, pm.get()));
      return new BuildNeed(false, toolchains(needs.inferredToolchains()), List.copyOf(packages), true,
          Optional.of("derived from the sdist, not from build-deps knowledge: " + contents.describe() + "; needs "
              + String.join(" ", packages) + " (and " + headers + " with a distro Python; the python images ship Python.h); "
              + "the libraries it links are not known"), contents);
    }
    return new BuildNeed(false, toolchains(needs.inferredToolchains()), List.of(), needs.compiles(), needs.inference(), contents);
  }

  private BuildNeeds needs(CandidateFile sdist, SdistClass contents, PackageManager pm) {
    SdistFacts facts = new SdistFacts(sdist.filename(), sdist.bytes(), Optional.empty(), Optional.of(contents));
    return deps.buildNeeds(sdist.name(), pm, facts);
  }

  private BuildNeeds needs(CandidateFile sdist, PackageManager pm) {
    return needs(sdist, SdistClass.unknown("the sdist was not looked at"), pm);
  }

  private static List<String> toolchains(Set<Toolchain> set) {
    return set.stream().map(Toolchain::lower).sorted().toList();
  }

  @Override
  public Optional<ImagePlan.Failure> failure(CandidateFile sdist, BuildNeed need, Set<String> installed, ImageCandidate image) {
    Optional<PackageManager> pm = image.packageManager().flatMap(PackageManager::parse);
    if (pm.isEmpty()) {
      return Optional.empty();
    }
    BuildNeeds needs = needs(sdist, need.sdist(), pm.get());
    Set<String> missing = deps.missing(needs, installed, image.compilers());
    if (missing.isEmpty()) {
      return Optional.empty();
    }
    Optional<BuildError> error = deps.firstError(needs, installed, image.compilers(), Optional.empty());
    String text = error.map(BuildError::message).orElse("the build lacks " + String.join(" ", missing));
    return Optional.of(new ImagePlan.Failure(sdist.name(), new ArrayList<>(missing), text));
  }

  @Override
  public Optional<Range> buildSeconds(List<CandidateFile> sdists, ImageCandidate image) {
    if (sdists.isEmpty()) {
      return Optional.of(Range.ZERO);
    }
    Optional<PackageManager> pm = image.packageManager().flatMap(PackageManager::parse);
    if (pm.isEmpty()) {
      return Optional.empty();
    }
    List<BuildTimeInput> inputs = new ArrayList<>();
    for (CandidateFile sdist : sdists) {
      inputs.add(BuildTimeInput.of(needs(sdist, pm.get()), sdist.bytes()));
    }
    TimeEstimate t = time.total(inputs, OptionalInt.empty());
    if (t.low().isEmpty()) {
      return Optional.empty();
    }
    long low = Math.round(t.low().getAsDouble());
    return Optional.of(t.high().isPresent() ? Range.of(low, Math.max(low, Math.round(t.high().getAsDouble()))) : Range.atLeast(low));
  }

  @Override
  public List<String> unknownBuildSeconds(List<CandidateFile> sdists, ImageCandidate image) {
    Optional<PackageManager> pm = image.packageManager().flatMap(PackageManager::parse);
    List<String> out = new ArrayList<>();
    for (CandidateFile sdist : sdists) {
      if (pm.isEmpty() || time.estimate(BuildTimeInput.of(needs(sdist, pm.get()), sdist.bytes()), OptionalInt.empty()).low().isEmpty()) {
        out.add(sdist.name());
      }
    }
    return out;
  }

  @Override
  public Optional<Range> imageBytes(List<Choice> choices, Map<String, Long> installedBytes, List<String> buildPackages,
      boolean singleStage, boolean pipCache, ImageCandidate image) {
    List<InstalledFile> files = new ArrayList<>();
    for (Choice c : choices) {
      if (c instanceof Choice.Wheel w) {
        Long installed = installedBytes.get(w.file().filename());
        files.add(new InstalledFile(w.file().name(), InstalledFile.Kind.WHEEL, w.file().bytes(),
            installed == null ? OptionalLong.empty() : OptionalLong.of(installed), w.file().filename(), estimate(w.file())));
      } else if (c instanceof Choice.Sdist s) {
        files.add(new InstalledFile(s.file().name(), InstalledFile.Kind.SDIST, s.file().bytes(), OptionalLong.empty(),
            s.file().filename(), estimate(s.file())));
      }
    }
    SizeEstimate e = size.estimate(image.baseBytes(), files, new BuildLeftovers(singleStage, buildPackages, OptionalLong.empty(), pipCache));
    if (e.totalLow().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(e.totalHigh().isPresent() ? Range.of(e.totalLow().getAsLong(), e.totalHigh().getAsLong())
        : Range.atLeast(e.totalLow().getAsLong()));
  }

  /** A size band for a file the index gives no size for (file-sizes.tsv); empty otherwise. */
  private Optional<FileSizes.Band> estimate(CandidateFile f) {
    return f.bytes().isPresent() ? Optional.empty() : fileSizes.of(f.filename());
  }

  @Override
  public List<String> withoutImplied(List<String> packages, Optional<String> packageManager) {
    Optional<PackageManager> pm = packageManager.flatMap(PackageManager::parse);
    if (pm.isEmpty()) {
      return packages;
    }
    List<String> out = new ArrayList<>();
    for (String p : packages) {
      Set<String> others = new LinkedHashSet<>(packages);
      others.remove(p);
      if (!BuildDeps.provided(pm.get(), others, Set.of()).contains(p)) {
        out.add(p);
      }
    }
    return out;
  }

  @Override
  public List<String> pitfalls(List<String> packageNames, ImageCandidate image, boolean sourceBuilds) {
    Exposure exposure = new Exposure(image.isMusl() ? image.libcVersion() : Optional.empty(),
        image.image().startsWith("python:"), Optional.empty(), sourceBuilds, Set.of());
    List<String> ids = new ArrayList<>();
    for (PitfallMatch m : pitfalls.matching(new LinkedHashSet<>(packageNames), image.isMusl(), exposure)) {
      ids.add(m.id());
    }
    return ids;
  }
}
