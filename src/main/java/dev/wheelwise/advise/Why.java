package dev.wheelwise.advise;

import dev.wheelwise.Megabytes;
import java.util.List;
import java.util.Optional;

/**
 * The recommendation's reasons in words: what the image installs and at what estimated cost, and
 * which step of the {@link Ranking} put it before the runner-up.
 */
final class Why {
  private Why() {}

  /** What the image installs, and its estimates. */
  static String what(ImagePlan best, boolean setup) {
    ImagePlan.Summary s = best.summary();
    String what = best.verdict() == Verdict.WHEELS ? "every package installs from a wheel"
        : setup ? s.sourceBuilds() + " source build" + plural(s.sourceBuilds()) + " whose system packages are all known: add them with the line below"
        : Remedies.describe(best);
    StringBuilder out = new StringBuilder(what);
    s.estimatedImageBytes().ifPresent(r -> out.append("; estimated image size ").append(megabytes(r, s.sizeUnknown())));
    if (s.sourceBuilds() > 0) {
      s.estimatedBuildSeconds().ifPresent(r -> out.append("; estimated build time ").append(r.high().isPresent()
          ? r.low() + "–" + r.high().getAsLong() + " s" : "at least " + r.low() + " s" + unknownFor(s.buildTimeUnknown())));
    }
    return out.toString();
  }

  /** Why this image comes first: the first step of the ranking on which the runner-up differs. */
  static String over(ImagePlan best, List<ImagePlan> ranked) {
    long images = ranked.stream().map(p -> p.image().image()).distinct().count();
    long installing = ranked.stream().filter(Ranking::installs).map(p -> p.image().image()).distinct().count();
    String head = "ranked first of " + images + " image" + plural((int) images) + " (" + installing + " install" + (installing == 1 ? "s" : "")
        + " the project)";
    Optional<ImagePlan> next = ranked.stream().filter(p -> !p.image().image().equals(best.image().image())).findFirst();
    if (next.isEmpty()) {
      return head;
    }
    ImagePlan r = next.get();
    String name = r.image().image();
    String why;
    if (Ranking.tier(r) != Ranking.tier(best)) {
      why = "the next, " + name + ", is " + r.verdict().json();
    } else if (Ranking.needsCompiler(r) != Ranking.needsCompiler(best)) {
      why = "it needs no compiler; the next, " + name + ", does";
    } else if (r.summary().sourceBuilds() != best.summary().sourceBuilds()) {
      why = "fewer source builds than " + name + " (" + best.summary().sourceBuilds() + " against " + r.summary().sourceBuilds() + ")";
    } else if (seconds(r) != seconds(best)) {
      why = "a shorter estimated build than " + name;
    } else if (r.summary().pitfalls().size() != best.summary().pitfalls().size()) {
      why = "fewer musl runtime pitfalls than " + name;
    } else if (Ranking.sizeBand(r) != Ranking.sizeBand(best)) {
      why = "smaller than " + name + sizes(best, r);
    } else if (r.image().slim() != best.image().slim()) {
      // Said only as observed: the bands tie either because neither size is known or because both
      // estimates fall within 10 % of each other.
      why = "a slim variant, smaller than " + name + " by construction (the full variants add compilers and headers; "
          + (Ranking.sizeBand(best) == Long.MAX_VALUE ? "neither size is recorded)" : "the estimates are within 10 %)");
    } else if (!r.image().python().equals(best.image().python())) {
      why = "a newer Python than " + name + " (" + best.image().python() + " against " + r.image().python() + ") at about the same size";
    } else {
      why = "it ties with " + name + " and is listed first";
    }
    return head + ": " + why;
  }

  private static long seconds(ImagePlan p) {
    return p.summary().estimatedBuildSeconds().map(Range::highOrMax).orElse(Long.MAX_VALUE);
  }

  private static String sizes(ImagePlan best, ImagePlan other) {
    Optional<Range> a = best.summary().estimatedImageBytes();
    Optional<Range> b = other.summary().estimatedImageBytes();
    if (a.isPresent() && b.isPresent()) {
      return " (estimated " + megabytes(a.get(), List.of()) + " against " + megabytes(b.get(), List.of()) + ")";
    }
    return "";
  }

  static String megabytes(Range r, List<String> unknown) {
    return r.high().isPresent()
        ? Megabytes.range(r.low(), r.high().getAsLong())
        : "at least " + Megabytes.of(r.low()) + unknownFor(unknown);
  }

  private static String unknownFor(List<String> names) {
    return names.isEmpty() ? " (an upper bound is unknown)" : " (unknown for " + String.join(", ", names.stream().distinct().limit(3).toList())
        + (names.stream().distinct().count() > 3 ? " and others" : "") + ")";
  }

  private static String plural(int n) {
    return n == 1 ? "" : "s";
  }
}
