package dev.wheelwise.advise;

import java.util.Comparator;
import java.util.List;

/**
 * The order of images (issue 9): installs that are possible first (every wheel, or builds whose
 * needs are met), then ones whose builds are unknown, then ones that fail as written, then ones
 * that cannot install the project at all; within a tier, shorter builds, then smaller images
 * (estimated, else the base image's own size).
 * An unknown time or size sorts after every known one: an unknown is never taken for a small number.
 */
public final class Ranking {
  private Ranking() {}

  static int tier(Verdict v) {
    switch (v) {
      case WHEELS:
      case BUILDS:
        return 0;
      case UNKNOWN:
        return 1;
      case FAILS:
        return 2;
      default:
        return 3;
    }
  }

  public static final Comparator<ImagePlan> ORDER = Comparator.<ImagePlan>comparingInt(p -> tier(p.verdict()))
      .thenComparingLong(p -> p.summary().estimatedBuildSeconds().map(Range::highOrMax).orElse(Long.MAX_VALUE))
      .thenComparingLong(p -> p.summary().estimatedImageBytes().map(Range::highOrMax).orElse(Long.MAX_VALUE))
      .thenComparingLong(p -> p.image().baseBytes().orElse(Long.MAX_VALUE))
      .thenComparingInt(p -> p.summary().sourceBuilds());

  /** The plans, best first; ties keep the given order. */
  public static List<ImagePlan> rank(List<ImagePlan> plans) {
    return plans.stream().sorted(ORDER).toList();
  }
}
