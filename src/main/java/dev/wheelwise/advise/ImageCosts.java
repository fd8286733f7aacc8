package dev.wheelwise.advise;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An image's estimated size and build time with their parts. A total is a range when every part
 * has one, open-ended ({@link Range#atLeast}) when some part has only a lower bound, empty when
 * nothing is known (an unknown base image). {@code sizeUnknown} / {@code buildTimeUnknown} name
 * what the open ends wait on (a package, or a part such as "build packages").
 *
 * @param estimatedFileSizes files whose size no index page or lock gave, estimated instead (file-sizes.tsv)
 * @param sizeNotes what the size rests on, in words
 */
public record ImageCosts(
    Optional<Range> imageBytes,
    List<CostPart> sizeParts,
    List<String> sizeUnknown,
    Optional<Range> buildSeconds,
    List<CostPart> timeParts,
    List<String> buildTimeUnknown,
    int estimatedFileSizes,
    List<String> sizeNotes) {

  public ImageCosts {
    Objects.requireNonNull(imageBytes, "imageBytes");
    sizeParts = List.copyOf(sizeParts);
    sizeUnknown = List.copyOf(sizeUnknown);
    Objects.requireNonNull(buildSeconds, "buildSeconds");
    timeParts = List.copyOf(timeParts);
    buildTimeUnknown = List.copyOf(buildTimeUnknown);
    sizeNotes = List.copyOf(sizeNotes);
  }

  /** Nothing known. */
  public static ImageCosts unknown() {
    return new ImageCosts(Optional.empty(), List.of(), List.of(), Optional.empty(), List.of(), List.of(), 0, List.of());
  }
}
