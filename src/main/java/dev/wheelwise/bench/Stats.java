package dev.wheelwise.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** Median, minimum and maximum of repeated measurements ({@code --repeat}); the median of an even count is the mean of the middle two. */
public record Stats(double median, double min, double max, int count) {

  public static Optional<Stats> of(List<Double> values) {
    if (values.isEmpty()) {
      return Optional.empty();
    }
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    return Optional.of(new Stats(median, sorted.get(0), sorted.get(n - 1), n));
  }
}
