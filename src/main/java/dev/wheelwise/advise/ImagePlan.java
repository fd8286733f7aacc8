package dev.wheelwise.advise;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The install plan of one image: per package, what pip installs; the verdict; where and why it
 * fails or is unavailable; the totals.
 */
public record ImagePlan(
    ImageCandidate image,
    List<PackagePlan> packages,
    Verdict verdict,
    Optional<Failure> failure,
    Optional<String> reason,
    List<String> skipped,
    Summary summary) {

  // reason: why the verdict is unavailable or unknown; skipped: packages not compared (local, VCS).

  /**
   * The first build that breaks as written.
   *
   * @param packageName the package whose build fails first
   * @param missingSystemPackages what the image and the Dockerfile lack for it
   * @param error what the user would see
   */
  public record Failure(String packageName, List<String> missingSystemPackages, String error) {
    public Failure {
      missingSystemPackages = List.copyOf(missingSystemPackages);
    }
  }

  /**
   * Totals. Sizes and times are empty when nothing is known; when only part is known they are
   * {@link Range#atLeast} the known part, and {@code buildTimeUnknown} / {@code sizeUnknown}
   * name the packages whose share is unknown (a package that is itself unknown may build, so it
   * is named in both). {@code unknownSizes} counts files whose size no source gave (so
   * {@code downloadBytes} is a lower bound when it is not zero). {@code sizeNotes} say what the
   * size estimate rests on (how many wheels were measured from their zip directory).
   * {@code sizeParts} / {@code timeParts} are the totals' parts (base image, wheels, source
   * builds, build packages, pip cache; pip start, download, installs, system packages, source
   * builds), each with its basis; {@code estimatedSizes} counts the files among
   * {@code unknownSizes} whose size was estimated (file-sizes.tsv) rather than left unknown.
   */
  public record Summary(
      int packages,
      int wheels,
      int sourceBuilds,
      int unavailable,
      long downloadBytes,
      int unknownSizes,
      Optional<Range> estimatedImageBytes,
      Optional<Range> estimatedBuildSeconds,
      List<String> systemPackages,
      List<String> pitfalls,
      List<String> buildTimeUnknown,
      List<String> sizeUnknown,
      List<String> sizeNotes,
      List<CostPart> sizeParts,
      List<CostPart> timeParts,
      int estimatedSizes) {
    public Summary {
      sizeParts = List.copyOf(sizeParts);
      timeParts = List.copyOf(timeParts);
      sizeNotes = List.copyOf(sizeNotes);
      buildTimeUnknown = List.copyOf(buildTimeUnknown);
      sizeUnknown = List.copyOf(sizeUnknown);
      Objects.requireNonNull(estimatedImageBytes, "estimatedImageBytes");
      Objects.requireNonNull(estimatedBuildSeconds, "estimatedBuildSeconds");
      systemPackages = List.copyOf(systemPackages);
      pitfalls = List.copyOf(pitfalls);
    }

    /** The same counts with the size and time estimated anew. */
    Summary withCosts(ImageCosts c, List<String> notes) {
      return new Summary(packages, wheels, sourceBuilds, unavailable, downloadBytes, unknownSizes, c.imageBytes(), c.buildSeconds(),
          systemPackages, pitfalls, c.buildTimeUnknown(), c.sizeUnknown(), notes, c.sizeParts(), c.timeParts(), c.estimatedFileSizes());
    }
  }

  public ImagePlan {
    Objects.requireNonNull(image, "image");
    packages = List.copyOf(packages);
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(failure, "failure");
    Objects.requireNonNull(reason, "reason");
    skipped = List.copyOf(skipped);
    Objects.requireNonNull(summary, "summary");
  }
}
