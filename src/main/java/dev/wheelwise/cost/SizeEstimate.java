package dev.wheelwise.cost;

import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Estimated image bytes (uncompressed). {@code totalLow}/{@code totalHigh} are empty when the
 * base is unknown ({@code baseUnknown}) or, for the high end, when a part is unknown; what the
 * install adds on top of the base is given apart ({@code addedLow}/{@code addedHigh}).
 *
 * @param base the base image's uncompressed bytes, when the catalog has them
 * @param baseUnknown the catalog has no uncompressed size for this base
 * @param addedLow bytes added on top of the base, at least
 * @param addedHigh bytes added, at most (empty: some part unknown)
 * @param totalLow base + addedLow
 * @param totalHigh base + addedHigh
 * @param parts the contributions, each with its basis
 * @param notes what is unknown and which calibration each ratio comes from
 */
public record SizeEstimate(
    OptionalLong base,
    boolean baseUnknown,
    OptionalLong addedLow,
    OptionalLong addedHigh,
    OptionalLong totalLow,
    OptionalLong totalHigh,
    List<Part> parts,
    List<String> notes) {

  /** One contribution: installed wheels, built packages, system packages, pip's cache. */
  public record Part(String what, OptionalLong low, OptionalLong high, String basis) {
    public Part {
      Objects.requireNonNull(what, "what");
      Objects.requireNonNull(low, "low");
      Objects.requireNonNull(high, "high");
      Objects.requireNonNull(basis, "basis");
    }
  }

  public SizeEstimate {
    Objects.requireNonNull(base, "base");
    parts = List.copyOf(parts);
    notes = List.copyOf(notes);
  }
}
