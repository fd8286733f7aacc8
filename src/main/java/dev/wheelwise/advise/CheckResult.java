package dev.wheelwise.advise;

import dev.wheelwise.index.IndexProvenance;
import dev.wheelwise.project.Origin;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The whole comparison, in ranking order (best first), with the recommendation and the
 * remedies for the images that are worse.
 *
 * @param index where the files came from ({@code https://pypi.org/simple}, {@code snapshot:2026-08-22}, a lockfile)
 * @param asOf {@code --as-of}, when given
 * @param inputs the input files
 * @param images the plans, best first
 * @param recommendation the best image and why, empty when no image can install the project
 * @param remedies per image reference and platform, what would fix or improve it
 * @param imageOrigin where the project names its base image (a Dockerfile's FROM line), when it
 *     does: findings about an image as a whole point there
 * @param provenance which pip configuration was read, and the index locations that failed while others answered
 */
public record CheckResult(
    String index,
    Optional<String> asOf,
    List<CheckInput.InputRef> inputs,
    List<ImagePlan> images,
    Optional<Recommendation> recommendation,
    List<Remedy> remedies,
    Optional<Origin> imageOrigin,
    IndexProvenance provenance) {

  public CheckResult(String index, Optional<String> asOf, List<CheckInput.InputRef> inputs, List<ImagePlan> images,
      Optional<Recommendation> recommendation, List<Remedy> remedies, Optional<Origin> imageOrigin) {
    this(index, asOf, inputs, images, recommendation, remedies, imageOrigin, IndexProvenance.NONE);
  }

  public record Recommendation(String image, List<String> reasons) {
    public Recommendation {
      reasons = List.copyOf(reasons);
    }
  }

  /**
   * One fix for one image.
   *
   * @param image the image it applies to
   * @param platform its platform
   * @param kind {@code system-packages}, {@code pin}, {@code prefer-binary}, {@code multi-stage}, {@code switch-image}
   * @param text what to do, exactly ({@code RUN apk add --no-cache gcc musl-dev})
   */
  public record Remedy(String image, String platform, String kind, String text) {}

  public CheckResult {
    inputs = List.copyOf(inputs);
    images = List.copyOf(images);
    remedies = List.copyOf(remedies);
    Objects.requireNonNull(imageOrigin, "imageOrigin");
    Objects.requireNonNull(provenance, "provenance");
  }

  /** The same result with the files' source named anew (known only once planning has fetched pages). */
  public CheckResult withIndex(String describedIndex) {
    return new CheckResult(describedIndex, asOf, inputs, images, recommendation, remedies, imageOrigin, provenance);
  }

  /** The same result with what the run read of pip's configuration and which locations failed. */
  public CheckResult withProvenance(IndexProvenance p) {
    return new CheckResult(index, asOf, inputs, images, recommendation, remedies, imageOrigin, p);
  }
}
