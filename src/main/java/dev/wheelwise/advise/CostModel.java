package dev.wheelwise.advise;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What the {@code cost} package answers for the comparison. Every answer may be "unknown"
 * (empty): the plan then says unknown rather than a number.
 */
public interface CostModel {

  /** What building {@code sdist} needs on an image with this package manager (apk or apt). */
  BuildNeed buildNeed(CandidateFile sdist, Optional<String> packageManager);

  /** Seconds to build these sdists on the image, as a range; empty when unknown. */
  Optional<Range> buildSeconds(List<CandidateFile> sdists, ImageCandidate image);

  /**
   * Bytes the image grows by: installed wheels and built packages, plus what a single-stage
   * build leaves behind (compilers, -dev packages, pip's cache); empty when unknown.
   */
  OptionalLong addedBytes(List<Choice> choices, List<String> systemPackagesInstalled, boolean pipCache, ImageCandidate image);

  /** musl runtime pitfalls (ids) whose triggers match these packages on this image. */
  List<String> pitfalls(List<String> packageNames, ImageCandidate image);

  /** The error a user sees when a build lacks {@code missing} ({@code command 'gcc' failed…}). */
  String buildError(CandidateFile sdist, List<String> missing, ImageCandidate image);

  /** Knows nothing: every cost is unknown. Useful before the cost knowledge is loaded. */
  CostModel UNKNOWN = new CostModel() {
    @Override
    public BuildNeed buildNeed(CandidateFile sdist, Optional<String> packageManager) {
      return BuildNeed.unknown(null);
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
    public List<String> pitfalls(List<String> packageNames, ImageCandidate image) {
      return List.of();
    }

    @Override
    public String buildError(CandidateFile sdist, List<String> missing, ImageCandidate image) {
      return "build of " + sdist.filename() + " lacks " + String.join(", ", missing);
    }
  };
}
