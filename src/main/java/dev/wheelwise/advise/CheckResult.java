package dev.wheelwise.advise;

import dev.wheelwise.index.IndexProvenance;
import dev.wheelwise.project.Origin;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

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
 * @param matrix the plans as a grid of Python minor × variant and platform
 * @param detailed the images whose per-image detail is shown: the recommended one, the
 *     Dockerfile's base, the named ones (every one with {@code --details all}, or when nothing installs: the nearest)
 * @param nearest when no image installs the project: the one that comes nearest, and what blocks it
 */
public record CheckResult(
    String index,
    Optional<String> asOf,
    List<CheckInput.InputRef> inputs,
    List<ImagePlan> images,
    Optional<Recommendation> recommendation,
    List<Remedy> remedies,
    Optional<Origin> imageOrigin,
    IndexProvenance provenance,
    Matrix matrix,
    Set<String> detailed,
    Optional<Nearest> nearest) {

  /**
   * The image to use and why, in two or three lines.
   *
   * @param setup the line that adds the system packages its builds need, when it has compiled
   *     builds the bare image lacks packages for ({@code RUN apt-get update && apt-get install …})
   */
  public record Recommendation(String image, List<String> reasons, Optional<String> setup) {
    public Recommendation {
      reasons = List.copyOf(reasons);
      Objects.requireNonNull(setup, "setup");
    }

    public Recommendation(String image, List<String> reasons) {
      this(image, reasons, Optional.empty());
    }
  }

  /** The image nearest to installing the project when none does, and what blocks it there, per package. */
  public record Nearest(String image, String platform, List<String> blocking) {
    public Nearest {
      blocking = List.copyOf(blocking);
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
    Objects.requireNonNull(matrix, "matrix");
    detailed = Set.copyOf(detailed);
    Objects.requireNonNull(nearest, "nearest");
  }

  /** The same result with the files' source named anew (known only once planning has fetched pages). */
  public CheckResult withIndex(String describedIndex) {
    return new CheckResult(describedIndex, asOf, inputs, images, recommendation, remedies, imageOrigin, provenance, matrix, detailed, nearest);
  }

  /** The same result with what the run read of pip's configuration and which locations failed. */
  public CheckResult withProvenance(IndexProvenance p) {
    return new CheckResult(index, asOf, inputs, images, recommendation, remedies, imageOrigin, p, matrix, detailed, nearest);
  }

  /** Whether the plan's per-image detail is shown. */
  public boolean detailed(ImagePlan plan) {
    return detailed.contains(plan.image().image());
  }
}
