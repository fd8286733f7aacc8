package dev.wheelwise.advise;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The comparison: plans per image, ranked, with a recommendation and remedies. */
public final class CheckService {

  private final Planner planner;
  private final CostModel cost;
  private final Optional<WheelSizes> sizes;

  public CheckService(CostModel cost) {
    this(cost, Optional.empty());
  }

  /** @param sizes measures the chosen wheels' installed sizes (a live index), else they are estimated from file sizes */
  public CheckService(CostModel cost, Optional<WheelSizes> sizes) {
    this(cost, sizes, SdistContents.NONE);
  }

  /** @param contents reads the sdists a plan builds (a live index), else they are judged from their project's wheels */
  public CheckService(CostModel cost, Optional<WheelSizes> sizes, SdistContents contents) {
    this.cost = Objects.requireNonNull(cost, "cost");
    this.sizes = Objects.requireNonNull(sizes, "sizes");
    this.planner = new Planner(cost, contents);
  }

  public CheckResult check(String index, Optional<String> asOf, CheckInput input, List<ImageCandidate> images) {
    List<ImagePlan> plans = new ArrayList<>();
    for (ImageCandidate image : images) {
      plans.add(planner.plan(input, image));
    }
    if (sizes.isPresent()) {
      plans = measured(input, plans, sizes.get());
    }
    List<ImagePlan> ranked = Ranking.rank(plans);
    // Only an image known to install the project on every platform asked for is recommended;
    // unknowns and failures are not.
    Optional<ImagePlan> best = ranked.stream()
        .filter(p -> ranked.stream().filter(q -> q.image().image().equals(p.image().image()))
            .allMatch(q -> Ranking.tier(q.verdict()) == 0))
        .findFirst();
    Optional<CheckResult.Recommendation> recommendation = best.map(b -> recommend(b, ranked));
    List<CheckResult.Remedy> remedies = new ArrayList<>();
    for (ImagePlan plan : ranked) {
      // The image to switch to is judged on the same platform.
      Optional<ImagePlan> bestHere = best.flatMap(b -> ranked.stream()
          .filter(q -> q.image().image().equals(b.image().image()) && q.image().platform().equals(plan.image().platform()))
          .findFirst());
      remedies.addAll(Remedies.forPlan(plan, input, bestHere, cost));
    }
    return new CheckResult(index, asOf, input.inputs(), ranked, recommendation, remedies,
        input.dockerfile().flatMap(CheckInput.DockerfileSetup::from));
  }

  /** The plans with the wheels they install measured, each distinct file once for all images. */
  private List<ImagePlan> measured(CheckInput input, List<ImagePlan> plans, WheelSizes sizes) {
    Set<CandidateFile> wheels = new LinkedHashSet<>();
    plans.forEach(p -> p.packages().forEach(pkg -> {
      if (pkg.choice() instanceof Choice.Wheel w) {
        wheels.add(w.file());
      }
    }));
    if (wheels.isEmpty()) {
      return plans;
    }
    WheelSizes.Measured measured = sizes.measure(wheels);
    return plans.stream().map(p -> planner.withInstalledSizes(input, p, measured)).toList();
  }

  private static String worse(ImagePlan plan) {
    switch (plan.verdict()) {
      case UNAVAILABLE:
        return plan.summary().unavailable() > 0
            ? "cannot install " + plan.summary().unavailable() + " package(s)" : "is unavailable: " + plan.reason().orElse("");
      case FAILS:
        return "fails as written at " + plan.failure().map(ImagePlan.Failure::packageName).orElse("a source build");
      default:
        // unknown: the plan says why (unresolved packages, unrecorded dependencies, a build's needs…)
        return "is unknown: " + plan.reason().orElse("what it would install is not known");
    }
  }

  private static String unknownFor(List<String> names) {
    return names.isEmpty() ? " (an upper bound is unknown)" : " (unknown for " + String.join(", ", names) + ")";
  }

  private static CheckResult.Recommendation recommend(ImagePlan best, List<ImagePlan> ranked) {
    List<String> reasons = new ArrayList<>();
    reasons.add(Remedies.describe(best));
    best.summary().estimatedBuildSeconds().ifPresent(r -> {
      if (best.summary().sourceBuilds() > 0) {
        reasons.add(r.high().isPresent() ? "estimated build time " + r.low() + "–" + r.high().getAsLong() + " s"
            : "build time at least " + r.low() + " s" + unknownFor(best.summary().buildTimeUnknown()));
      }
    });
    if (best.summary().estimatedImageBytes().isPresent()) {
      Range r = best.summary().estimatedImageBytes().get();
      reasons.add(r.high().isPresent()
          ? "estimated image size " + (r.low() / 1_000_000) + "–" + (r.high().getAsLong() / 1_000_000) + " MB"
          : "image size at least " + (r.low() / 1_000_000) + " MB" + unknownFor(best.summary().sizeUnknown()));
    } else if (best.image().baseBytes().isPresent()) {
      reasons.add("smallest base image among the equals: " + (best.image().baseBytes().getAsLong() / 1_000_000)
          + " MB uncompressed (installed size not estimated)");
    }
    for (ImagePlan other : ranked) {
      if (Ranking.tier(other.verdict()) > Ranking.tier(best.verdict())) {
        reasons.add(other.image().image() + " (" + other.image().platform() + ") " + worse(other));
      }
    }
    if (!best.summary().pitfalls().isEmpty()) {
      reasons.add("musl runtime pitfalls to check: " + String.join(", ", best.summary().pitfalls()));
    }
    return new CheckResult.Recommendation(best.image().image(), reasons);
  }
}
