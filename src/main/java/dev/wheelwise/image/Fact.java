package dev.wheelwise.image;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One fact about an image with how it is known and why.
 *
 * @param value the value, empty when unknown
 * @param provenance how it is known ({@link Provenance#UNKNOWN} exactly when the value is empty)
 * @param basis where it comes from, in words a person can check
 */
public record Fact<T>(Optional<T> value, Provenance provenance, String basis) {

  public Fact {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(provenance, "provenance");
    Objects.requireNonNull(basis, "basis");
    if (value.isEmpty()) {
      provenance = Provenance.UNKNOWN;
    } else if (provenance == Provenance.UNKNOWN) {
      throw new IllegalArgumentException("a known value needs a provenance other than UNKNOWN: " + value.get());
    }
  }

  public static <T> Fact<T> of(T value, Provenance provenance, String basis) {
    return new Fact<>(Optional.of(value), provenance, basis);
  }

  public static <T> Fact<T> unknown(String basis) {
    return new Fact<>(Optional.empty(), Provenance.UNKNOWN, basis);
  }

  public boolean known() {
    return value.isPresent();
  }

  public <U> Fact<U> map(Function<T, U> f) {
    return new Fact<>(value.map(f), provenance, basis);
  }

  /** The value for people: its text, "unknown", and the provenance when it is not plain. */
  public String display(Function<T, String> show) {
    if (value.isEmpty()) {
      return "unknown";
    }
    String text = show.apply(value.get());
    return switch (provenance) {
      case UNVERIFIED -> text + " (UNVERIFIED)";
      case DERIVED -> text + " (derived)";
      case GIVEN -> text + " (given)";
      case MEASURED -> text + " (measured)";
      default -> text;
    };
  }
}
