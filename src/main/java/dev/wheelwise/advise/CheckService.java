package dev.wheelwise.advise;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** The comparison: plans per image, ranked, as a matrix, with a recommendation and remedies. One run's, on one thread. */
public final class CheckService {

  private final Planner planner;
  private final CostModel cost;
  private final Optional<WheelSizes> sizes;
  private final Optional<FileSource> releases;
  // Plans made for one input, by image: lint compares in steps (the base, its Python's images,
  // every image), and each step's images include the last's. A plan depends only on the input
  // and the image, so each is made once; keyed by identity, as the steps pass the same objects.
  private final Map<ImageCandidate, ImagePlan> planned = new IdentityHashMap<>();
  private CheckInput plannedFor;

  public CheckService(CostModel cost) {
    this(cost, Optional.empty());
  }

  /** @param sizes measures the chosen wheels' installed sizes (a live index), else they are estimated from file sizes */
  public CheckService(CostModel cost, Optional<WheelSizes> sizes) {
    this(cost, sizes, SdistContents.NONE, Optional.empty());
  }

  /**
   * @param contents reads the sdists a plan builds (a live index), else they are judged from their project's wheels
   * @param releases where other releases of a blocking package are looked up (the index, or the
   *     snapshot), for "numpy ≥ 2.3.0 would install from a wheel"; empty: not said
   */
  public CheckService(CostModel cost, Optional<WheelSizes> sizes, SdistContents contents, Optional<FileSource> releases) {
    this.cost = Objects.requireNonNull(cost, "cost");
    this.sizes = Objects.requireNonNull(sizes, "sizes");
    this.releases = Objects.requireNonNull(releases, "releases");
    this.planner = new Planner(cost, contents, releases);
  }

  /**
   * Which images' detail a report shows.
   *
   * @param inUse the names the plans give the Dockerfile's base image
   * @param named whether the images were named ({@code --image}): each is shown
   * @param all {@code --details all}
   */
  public record Shown(Set<String> inUse, boolean named, boolean all) {
    public static final Shown ALL = new Shown(Set.of(), true, true);

    public Shown {
      inUse = Set.copyOf(inUse);
    }
  }

  public CheckResult check(String index, Optional<String> asOf, CheckInput input, List<ImageCandidate> images) {
    return check(index, asOf, input, images, Shown.ALL);
  }

  public CheckResult check(String index, Optional<String> asOf, CheckInput input, List<ImageCandidate> images, Shown shown) {
    List<ImagePlan> plans = new ArrayList<>();
    if (plannedFor != input) {
      planned.clear();
      plannedFor = input;
    }
    for (ImageCandidate image : images) {
      plans.add(planned.computeIfAbsent(image, i -> planner.plan(input, i)));
    }
    if (sizes.isPresent()) {
      plans = measured(input, plans, sizes.get());
    }
    List<ImagePlan> ranked = Ranking.rank(plans);
    // Only an image that installs the project on every platform asked for is recommended.
    Optional<ImagePlan> best = ranked.stream()
        .filter(p -> ranked.stream().filter(q -> q.image().image().equals(p.image().image())).allMatch(Ranking::installs))
        .findFirst();
    Optional<CheckResult.Recommendation> recommendation = best.map(b -> recommend(b, ranked, input));
    // The nearest is the best-ranked plan that does not install: with several platforms the first
    // plan may install on its platform while its image fails on another, and that failure is the block.
    Optional<CheckResult.Nearest> nearest = best.isPresent() ? Optional.empty()
        : ranked.stream().filter(p -> !Ranking.installs(p)).findFirst().map(p -> nearest(p, input));

    Set<String> detailed = new LinkedHashSet<>();
    for (ImagePlan p : plans) {
      if (shown.all() || shown.named() || shown.inUse().contains(p.image().image())) {
        detailed.add(p.image().image());
      }
    }
    best.ifPresent(b -> detailed.add(b.image().image()));
    nearest.ifPresent(n -> detailed.add(n.image()));
    List<ImagePlan> blocked = blockedToSay(plans, ranked, best, shown);
    blocked.forEach(p -> detailed.add(p.image().image()));

    List<CheckResult.Remedy> remedies = new ArrayList<>();
    for (ImagePlan plan : ranked) {
      if (!detailed.contains(plan.image().image())) {
        continue; // remedies go with the detail that is shown
      }
      // The image to switch to is judged on the same platform.
      Optional<ImagePlan> bestHere = best.flatMap(b -> ranked.stream()
          .filter(q -> q.image().image().equals(b.image().image()) && q.image().platform().equals(plan.image().platform()))
          .findFirst());
      remedies.addAll(Remedies.forPlan(plan, input, bestHere, cost));
      if (blocked.contains(plan)) {
        Blockers.upgrades(plan, input, releases).forEach(line ->
            remedies.add(new CheckResult.Remedy(plan.image().image(), plan.image().platform(), "upgrade", line)));
      }
    }
    Matrix matrix = Matrix.of(plans, ranked, best.map(b -> b.image().image()));
    return new CheckResult(index, asOf, input.inputs(), ranked, recommendation, remedies,
        input.dockerfile().flatMap(CheckInput.DockerfileSetup::from), dev.wheelwise.index.IndexProvenance.NONE, matrix, detailed, nearest);
  }

  /**
   * The images whose blocking packages are spelled out: the Dockerfile's base, and the newest
   * Python's image of the recommended variant (else its first), when they do not install.
   */
  private static List<ImagePlan> blockedToSay(List<ImagePlan> plans, List<ImagePlan> ranked, Optional<ImagePlan> best, Shown shown) {
    List<ImagePlan> out = new ArrayList<>();
    for (ImagePlan p : plans) {
      if (!Ranking.installs(p) && (shown.inUse().contains(p.image().image()) || shown.named())) {
        out.add(p);
      }
    }
    if (shown.named() || plans.isEmpty()) {
      return out;
    }
    Matrix grid = Matrix.of(plans, ranked, Optional.empty());
    String newest = grid.rows().get(0);
    String variant = best.map(b -> b.image().variant()).orElse(plans.get(0).image().variant());
    for (ImagePlan p : plans) {
      if (p.image().minor().equals(newest) && p.image().variant().equals(variant) && !Ranking.installs(p) && !out.contains(p)) {
        out.add(p);
      }
    }
    return out;
  }

  private static CheckResult.Nearest nearest(ImagePlan plan, CheckInput input) {
    List<String> blocking = Blockers.of(plan, input, Optional.empty());
    return new CheckResult.Nearest(plan.image().image(), plan.image().platform(),
        blocking.isEmpty() ? List.of(plan.reason().orElse("its verdict is " + plan.verdict().json())) : blocking);
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

  private CheckResult.Recommendation recommend(ImagePlan best, List<ImagePlan> ranked, CheckInput input) {
    List<String> reasons = new ArrayList<>();
    Optional<String> setup = best.verdict() == Verdict.FAILS ? Remedies.systemPackagesLine(best, input, cost) : Optional.empty();
    reasons.add(Why.what(best, setup.isPresent()));
    reasons.add(Why.over(best, ranked));
    if (!best.summary().pitfalls().isEmpty()) {
      reasons.add("musl runtime pitfalls to check: " + String.join(", ", best.summary().pitfalls()));
    }
    return new CheckResult.Recommendation(best.image().image(), reasons, setup);
  }
}
