package dev.wheelwise.advise;

import dev.wheelwise.pep440.Version;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The order of images, best first (docs/DESIGN.md, "Which image is recommended"):
 *
 * <ol>
 *   <li>installs: every package from a wheel, or builds whose needs the image meets, or builds
 *       whose system packages are all known (the recommendation then names the line that adds
 *       them); then unknown, then fails as written, then unavailable;
 *   <li>no compiler needed (no build, or only pure-Python builds);
 *   <li>fewer source builds, then a shorter estimated build time;
 *   <li>fewer musl runtime pitfalls;
 *   <li>smaller: the estimated image size, compared in 10 % bands (an estimate is not exact
 *       enough to prefer 412 MB over 415 MB), else the base image's own size; where that does
 *       not decide (neither size recorded), a python slim variant before a full one;
 *   <li>newer Python.
 * </ol>
 *
 * An unknown time or size sorts after every known one: an unknown is never taken for a small number.
 */
public final class Ranking {
  private Ranking() {}

  /** 0 installs, 1 unknown, 2 fails (with needs not all known), 3 unavailable. */
  static int tier(ImagePlan plan) {
    if (installs(plan)) {
      return 0;
    }
    return switch (plan.verdict()) {
      case WHEELS, BUILDS -> 0;
      case UNKNOWN -> 1;
      case FAILS -> 2;
      case UNAVAILABLE -> 3;
    };
  }

  /**
   * Whether the image installs the project: from wheels, with builds whose needs it meets, or
   * with builds that fail as written only for system packages that are all known (a bare
   * python:3.13-slim lacking gcc, where the knowledge names every package to add).
   */
  public static boolean installs(ImagePlan plan) {
    return switch (plan.verdict()) {
      case WHEELS, BUILDS -> true;
      case FAILS -> plan.image().packageManager().isPresent() && plan.packages().stream()
          .filter(p -> p.choice() instanceof Choice.Sdist)
          .allMatch(p -> p.build().map(BuildNeed::known).orElse(false));
      default -> false;
    };
  }

  /** Whether some build needs a compiler (or may: its needs are not known). */
  static boolean needsCompiler(ImagePlan plan) {
    return plan.packages().stream()
        .filter(p -> p.choice() instanceof Choice.Sdist)
        .anyMatch(p -> p.build().map(b -> !b.known() || b.compiles()).orElse(true));
  }

  /**
   * The size band: estimates whose known part (the low end) is within about 10 % of each other
   * share one (log base 1.1); an open-ended or missing estimate sorts after every band, and
   * without an estimate the base image's own size stands in.
   */
  static long sizeBand(ImagePlan plan) {
    Optional<Range> estimate = plan.summary().estimatedImageBytes();
    long bytes = estimate.isPresent()
        ? (estimate.get().high().isPresent() ? estimate.get().low() : Long.MAX_VALUE)
        : plan.image().baseBytes().orElse(Long.MAX_VALUE);
    return bytes == Long.MAX_VALUE || bytes <= 0 ? Long.MAX_VALUE : (long) Math.floor(Math.log(bytes) / Math.log(1.1));
  }

  private static Version python(ImagePlan plan) {
    Version v = Version.tryParse(plan.image().python());
    return v != null ? v : Version.tryParse("0");
  }

  public static final Comparator<ImagePlan> ORDER = Comparator.<ImagePlan>comparingInt(Ranking::tier)
      .thenComparing(Ranking::needsCompiler)
      .thenComparingInt(p -> p.summary().sourceBuilds())
      .thenComparingLong(p -> p.summary().estimatedBuildSeconds().map(Range::highOrMax).orElse(Long.MAX_VALUE))
      .thenComparingInt(p -> p.summary().pitfalls().size())
      .thenComparingLong(Ranking::sizeBand)
      // The full python variants are built FROM buildpack-deps, which adds compilers and -dev
      // headers; the slim ones purge them (catalog/SOURCES.md). Every amd64 pair the catalog
      // measured has slim 4.5-9.5x smaller (113-193 MB against 881-1120 MB), so where neither size
      // was recorded slim is still known to be the smaller: an order between two unknowns, not a
      // size assumed for either.
      .thenComparing(p -> !p.image().slim())
      .thenComparing(Ranking::python, Comparator.reverseOrder());

  /** The plans, best first; ties keep the given order. */
  public static List<ImagePlan> rank(List<ImagePlan> plans) {
    return plans.stream().sorted(ORDER).toList();
  }
}
