package dev.wheelwise.advise;

import dev.wheelwise.cost.BuildDeps;
import dev.wheelwise.cost.BuildError;
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
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The comparison's costs from the {@code cost} package's knowledge: build needs per distro
 * (build-deps.tsv), the first build error, musl pitfalls. Build time and image size stay unknown
 * until the cost package's models are wired in; unknown is reported as unknown.
 */
public final class KnowledgeCosts implements CostModel {

  private final BuildDeps deps;
  private final Pitfalls pitfalls;

  public KnowledgeCosts(BuildDeps deps, Pitfalls pitfalls) {
    this.deps = Objects.requireNonNull(deps, "deps");
    this.pitfalls = Objects.requireNonNull(pitfalls, "pitfalls");
  }

  /** The bundled knowledge. */
  public static KnowledgeCosts load() {
    return new KnowledgeCosts(BuildDeps.load(), Pitfalls.load());
  }

  @Override
  public BuildNeed buildNeed(CandidateFile sdist, Optional<String> packageManager) {
    Optional<PackageManager> pm = packageManager.flatMap(PackageManager::parse);
    if (pm.isEmpty()) {
      return BuildNeed.unknown("the image's package manager is unknown");
    }
    BuildNeeds needs = needs(sdist, pm.get());
    if (needs.isUnknown()) {
      return new BuildNeed(false, toolchains(needs.inferredToolchains()), List.of(), needs.compiles(), needs.inference());
    }
    return new BuildNeed(true, toolchains(needs.toolchains()), needs.systemPackages(), needs.compiles(),
        needs.status() == BuildNeeds.Status.NOT_USABLE ? Optional.of("not usable on this distro: " + needs.notes()) : Optional.empty());
  }

  private BuildNeeds needs(CandidateFile sdist, PackageManager pm) {
    SdistFacts facts = new SdistFacts(sdist.filename(), sdist.bytes(), Optional.empty());
    return deps.buildNeeds(sdist.name(), pm, facts);
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
    BuildNeeds needs = needs(sdist, pm.get());
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
    return sdists.isEmpty() ? Optional.of(Range.ZERO) : Optional.empty();
  }

  @Override
  public OptionalLong addedBytes(List<Choice> choices, List<String> systemPackagesInstalled, boolean pipCache, ImageCandidate image) {
    return OptionalLong.empty();
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
