package dev.wheelwise.advise;

import java.util.Objects;
import java.util.Optional;

/**
 * One part of an image's size (bytes) or build time (seconds): the base image, the wheels, pip's
 * start, the source builds… {@code range} is empty when nothing is known of it, open-ended when
 * only a lower bound is; {@code basis} says where the number comes from (or what is missing).
 */
public record CostPart(String what, Optional<Range> range, String basis) {
  public CostPart {
    Objects.requireNonNull(what, "what");
    Objects.requireNonNull(range, "range");
    Objects.requireNonNull(basis, "basis");
  }
}
