package dev.wheelwise.advise;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The comparison: plans per image, ranked, with a recommendation and remedies. */
public final class CheckService {

  private final Planner planner;

  public CheckService(CostModel cost) {
    this.planner = new Planner(Objects.requireNonNull(cost, "cost"));
  }

  public CheckResult check(String index, Optional<String> asOf, CheckInput input, List<ImageCandidate> images) {
    List<ImagePlan> plans = new ArrayList<>();
    for (ImageCandidate image : images) {
      plans.add(planner.plan(input, image));
    }
    List<ImagePlan> ranked = Ranking.rank(plans);
    Optional<ImagePlan> best = ranked.isEmpty() || ranked.get(0).verdict() == Verdict.UNAVAILABLE
        ? Optional.empty() : Optional.of(ranked.get(0));
    Optional<CheckResult.Recommendation> recommendation = best.map(b -> recommend(b, ranked));
    List<CheckResult.Remedy> remedies = new ArrayList<>();
    for (ImagePlan plan : ranked) {
      remedies.addAll(Remedies.forPlan(plan, input, best));
    }
    return new CheckResult(index, asOf, input.inputs(), ranked, recommendation, remedies);
  }

  private static CheckResult.Recommendation recommend(ImagePlan best, List<ImagePlan> ranked) {
    List<String> reasons = new ArrayList<>();
    reasons.add(Remedies.describe(best));
    best.summary().estimatedBuildSeconds().ifPresent(r -> {
      if (best.summary().sourceBuilds() > 0) {
        reasons.add("estimated build time " + r.low() + "–" + r.high() + " s");
      }
    });
    best.summary().estimatedImageBytes().ifPresent(b -> reasons.add("estimated image size " + (b / 1_000_000) + " MB"));
    long worse = ranked.stream().filter(p -> Ranking.tier(p.verdict()) > Ranking.tier(best.verdict())).count();
    if (worse > 0) {
      reasons.add(worse + " of " + ranked.size() + " images compile without what they need, lack an installable file or are unknown");
    }
    if (!best.summary().pitfalls().isEmpty()) {
      reasons.add("musl runtime pitfalls to check: " + String.join(", ", best.summary().pitfalls()));
    }
    return new CheckResult.Recommendation(best.image().image(), reasons);
  }
}
