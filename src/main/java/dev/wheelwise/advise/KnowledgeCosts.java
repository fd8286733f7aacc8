package dev.wheelwise.advise;

import dev.wheelwise.cost.BuildDeps;
import dev.wheelwise.cost.Capability;
import dev.wheelwise.cost.SdistClass;
import dev.wheelwise.cost.BuildError;
import dev.wheelwise.cost.BuildLeftovers;
import dev.wheelwise.cost.BuildTimeInput;
import dev.wheelwise.cost.BuildTimeModel;
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
import java.util.OptionalDouble;
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
  private final BuildTimeModel buildTime = new BuildTimeModel();

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

  /** The bundled knowledge, with compile times calibrated on {@code time} (check --observations). */
  public static KnowledgeCosts load(CompileTimeModel time) {
    return new KnowledgeCosts(BuildDeps.load(), Pitfalls.load(), time, new ImageSizeModel());
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
  public ImageCosts costs(List<PackagePlan> packages, Map<String, Long> installedBytes, List<String> buildPackages,
      int packagesToInstall, boolean singleStage, boolean pipCache, ImageCandidate image) {
    Optional<PackageManager> pm = image.packageManager().flatMap(PackageManager::parse);
    List<InstalledFile> files = new ArrayList<>();
    List<BuildTimeInput> buildsLow = new ArrayList<>();
    List<BuildTimeInput> buildsHigh = new ArrayList<>();
    Set<String> compileUnknown = new LinkedHashSet<>();
    List<String> unknownPackages = new ArrayList<>();
    int pureBuilds = 0;
    for (PackagePlan p : packages) {
      if (p.choice() instanceof Choice.Wheel w) {
        Long installed = installedBytes.get(w.file().filename());
        files.add(new InstalledFile(w.file().name(), InstalledFile.Kind.WHEEL, w.file().bytes(),
            installed == null ? OptionalLong.empty() : OptionalLong.of(installed), w.file().filename(), estimate(w.file())));
      } else if (p.choice() instanceof Choice.Sdist s) {
        InstalledFile f = new InstalledFile(s.file().name(), InstalledFile.Kind.SDIST, s.file().bytes(), OptionalLong.empty(),
            s.file().filename(), estimate(s.file()));
        files.add(f);
        if (p.build().map(BuildNeed::pure).orElse(false)) {
          pureBuilds++; // seconds, no compiler: not for the compile-time model
        } else if (pm.isEmpty()) {
          compileUnknown.add(p.name());
        } else {
          // The compile model takes one size: the file band's low end for the low, its high end for the high.
          BuildNeeds needs = needs(s.file(), pm.get());
          Optional<long[]> band = f.fileBytesBand();
          buildsLow.add(BuildTimeInput.of(needs, band.map(b -> OptionalLong.of(b[0])).orElse(OptionalLong.empty())));
          BuildTimeInput high = BuildTimeInput.of(needs, band.map(b -> OptionalLong.of(b[1])).orElse(OptionalLong.empty()));
          buildsHigh.add(high);
          if (time.estimate(high, OptionalInt.empty()).high().isEmpty()) {
            compileUnknown.add(p.name());
          }
        }
      } else if (p.choice() instanceof Choice.Unknown) {
        unknownPackages.add(p.name());
      }
    }
    SizeEstimate e = size.estimate(image.baseBytes(), files, new BuildLeftovers(singleStage, buildPackages, OptionalLong.empty(), pipCache));
    List<CostPart> sizeParts = new ArrayList<>();
    Set<String> sizeUnknown = new LinkedHashSet<>();
    if (e.baseUnknown()) {
      sizeUnknown.add(ImageSizeModel.BASE);
    }
    for (SizeEstimate.Part part : e.parts()) {
      sizeParts.add(new CostPart(part.what(), range(part.low(), part.high()), part.basis()));
    }
    long[] download = {0, 0};
    long[] installed = {0, 0};
    Set<String> downloadUnknown = new LinkedHashSet<>();
    Set<String> installUnknown = new LinkedHashSet<>();
    for (InstalledFile f : files) {
      Optional<long[]> band = f.fileBytesBand();
      if (band.isPresent()) {
        download[0] += band.get()[0];
        download[1] += band.get()[1];
      } else {
        downloadUnknown.add(f.name());
        if (pipCache) {
          sizeUnknown.add(f.name());
        }
      }
      if (band.isEmpty() && (f.kind() == InstalledFile.Kind.SDIST || f.uncompressedBytes().isEmpty())) {
        installUnknown.add(f.name());
        sizeUnknown.add(f.name());
      }
    }
    for (SizeEstimate.Part part : e.parts()) {
      if (part.what().equals(ImageSizeModel.WHEELS) || part.what().equals(ImageSizeModel.BUILT)) {
        installed[0] += part.low().orElse(0);
        installed[1] += part.high().orElse(0);
      }
      if (part.what().startsWith(ImageSizeModel.BUILD_PACKAGES) && part.high().isEmpty()) {
        sizeUnknown.add(ImageSizeModel.BUILD_PACKAGES);
      }
    }
    sizeUnknown.addAll(unknownPackages);
    Optional<Range> bytes = range(e.totalLow(), unknownPackages.isEmpty() ? e.totalHigh() : OptionalLong.empty());

    List<CostPart> timeParts = new ArrayList<>();
    Optional<Range> seconds;
    Set<String> timeUnknown = new LinkedHashSet<>();
    if (packages.isEmpty()) {
      seconds = Optional.of(Range.ZERO); // nothing compared: no pip run to time
    } else {
      TimeEstimate compile = compileTime(buildsLow, buildsHigh, compileUnknown);
      BuildTimeModel.Estimate t = buildTime.estimate(files.size(), download, String.join(", ", downloadUnknown), installed,
          String.join(", ", installUnknown),
          packagesToInstall, compile);
      double low = 0;
      double high = 0;
      boolean bounded = unknownPackages.isEmpty();
      for (BuildTimeModel.Part part : t.parts()) {
        timeParts.add(new CostPart(part.what(), Optional.of(seconds(part.low().orElse(0), part.high())), part.basis()));
        low += part.low().orElse(0);
        high += part.high().orElse(0);
        bounded &= part.high().isPresent();
      }
      if (pureBuilds > 0) {
        Range pure = pureBuildSeconds(pureBuilds);
        timeParts.add(new CostPart("pure-Python builds", Optional.of(pure), pureBuilds + " pure-Python sdist(s), no compiler: "
            + SdistClass.PURE_BUILD_LOW_SECONDS + "–" + SdistClass.PURE_BUILD_HIGH_SECONDS + " s each"));
        low += pure.low();
        high += pure.high().orElse(0);
      }
      seconds = Optional.of(seconds(low, bounded ? OptionalDouble.of(high) : OptionalDouble.empty()));
      timeUnknown.addAll(compileUnknown);
      timeUnknown.addAll(downloadUnknown);
      timeUnknown.addAll(installUnknown);
      timeUnknown.addAll(unknownPackages);
    }
    int estimated = (int) files.stream().filter(f -> f.fileBytes().isEmpty() && f.estimatedFileBytes().isPresent()).count();
    return new ImageCosts(bytes, sizeParts, new ArrayList<>(sizeUnknown), seconds, timeParts, new ArrayList<>(timeUnknown), estimated,
        e.notes());
  }

  /** The source builds' compile time: the low end from the files' low sizes, the high end from their high sizes. */
  private TimeEstimate compileTime(List<BuildTimeInput> low, List<BuildTimeInput> high, Set<String> unknown) {
    if (low.isEmpty()) {
      // No build the model can take: none at all, or only builds on an image whose package manager is unknown.
      return unknown.isEmpty() ? TimeEstimate.zero()
          : TimeEstimate.unknown("what building " + String.join(", ", unknown) + " needs is not known: the image's package manager is unknown");
    }
    TimeEstimate lo = time.total(low, OptionalInt.empty());
    TimeEstimate hi = time.total(high, OptionalInt.empty());
    return new TimeEstimate(lo.low(), hi.high(), hi.basis(), hi.calibratedBy(), hi.notes());
  }

  private static Optional<Range> range(OptionalLong low, OptionalLong high) {
    if (low.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(high.isPresent() ? Range.of(low.getAsLong(), Math.max(low.getAsLong(), high.getAsLong()))
        : Range.atLeast(low.getAsLong()));
  }

  /** Whole seconds, widened outwards. */
  private static Range seconds(double low, OptionalDouble high) {
    long lo = (long) Math.floor(low);
    return high.isPresent() ? Range.of(lo, Math.max(lo, (long) Math.ceil(high.getAsDouble()))) : Range.atLeast(lo);
  }

  /** A size band for a file the index gives no size for (file-sizes.tsv); empty otherwise. */
  private Optional<FileSizes.Band> estimate(CandidateFile f) {
    return f.bytes().isPresent() ? Optional.empty() : fileSizes.of(f.name(), f.filename());
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
