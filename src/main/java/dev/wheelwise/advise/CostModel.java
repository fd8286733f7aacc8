package dev.wheelwise.advise;

import dev.wheelwise.cost.SdistClass;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the {@code cost} package answers for the comparison. Every answer may be "unknown"
 * (empty): the plan then says unknown rather than a number.
 */
public interface CostModel {

  /** What building {@code sdist} needs on an image with this package manager (apk or apt). */
  default BuildNeed buildNeed(CandidateFile sdist, Optional<String> packageManager) {
    return buildNeed(sdist, SdistClass.unknown("the sdist was not looked at"), packageManager);
  }

  /**
   * As {@link #buildNeed(CandidateFile, Optional)}, knowing whether the sdist compiles: where the
   * knowledge has no row, a pure sdist needs nothing and a compiled one the compilers of its
   * languages (derived, marked so).
   */
  BuildNeed buildNeed(CandidateFile sdist, SdistClass contents, Optional<String> packageManager);

  /** Seconds to build {@code count} pure-Python sdists one after another ({@link SdistClass#PURE_BUILD_LOW_SECONDS}). */
  default Range pureBuildSeconds(int count) {
    return Range.of(count * SdistClass.PURE_BUILD_LOW_SECONDS, count * SdistClass.PURE_BUILD_HIGH_SECONDS);
  }

  /**
   * The image's size and build time, each with its parts: the base, the packages as chosen
   * ({@code installedBytes} holds, by wheel file name, the installed sizes measured from the
   * wheels' zip directories; the other wheels are estimated from their file size), what a
   * single-stage build leaves behind (compilers, -dev packages, pip's cache), and the time pip
   * takes to start, download, install, and build, plus {@code packagesToInstall} apk/apt
   * packages. A package whose choice is unknown may be a wheel or a build: both totals are then
   * lower bounds.
   */
  ImageCosts costs(List<PackagePlan> packages, Map<String, Long> installedBytes, List<String> buildPackages, int packagesToInstall,
      boolean singleStage, boolean pipCache, ImageCandidate image);

  /**
   * The packages without those another one in the list already pulls in ({@code g++} beside
   * {@code build-base}), in the given order: the apk/apt line a person would write.
   */
  default List<String> withoutImplied(List<String> packages, Optional<String> packageManager) {
    return packages;
  }

  /** musl runtime pitfalls (ids) whose triggers match these packages on this image. */
  List<String> pitfalls(List<String> packageNames, ImageCandidate image, boolean sourceBuilds);

  /**
   * What building {@code sdist} lacks on the image with {@code installed} system packages added
   * (a Dockerfile's apk/apt lines), and the error a user would see first; empty when nothing
   * known is missing (which, for a package whose needs are unknown, is not "satisfied").
   */
  Optional<ImagePlan.Failure> failure(CandidateFile sdist, BuildNeed need, Set<String> installed, ImageCandidate image);

  /** Knows nothing: every cost is unknown. Useful before the cost knowledge is loaded. */
  CostModel UNKNOWN = new CostModel() {
    @Override
    public BuildNeed buildNeed(CandidateFile sdist, SdistClass contents, Optional<String> packageManager) {
      return BuildNeed.unknown(null);
    }

    @Override
    public ImageCosts costs(List<PackagePlan> packages, Map<String, Long> installedBytes, List<String> buildPackages,
        int packagesToInstall, boolean singleStage, boolean pipCache, ImageCandidate image) {
      return ImageCosts.unknown();
    }

    @Override
    public List<String> pitfalls(List<String> packageNames, ImageCandidate image, boolean sourceBuilds) {
      return List.of();
    }

    @Override
    public Optional<ImagePlan.Failure> failure(CandidateFile sdist, BuildNeed need, Set<String> installed, ImageCandidate image) {
      return Optional.empty();
    }
  };
}
