package dev.wheelwise.bench;

import dev.wheelwise.advise.ImagePlan;
import dev.wheelwise.advise.Range;
import dev.wheelwise.advise.Verdict;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * The prediction beside the measurement, per image: {@code check}'s plan for the image (verdict,
 * failing package, build-time and size ranges) and the builds' outcome, times and sizes over the
 * repetitions. Rows whose verdicts disagree come first.
 */
public final class Comparison {
  private Comparison() {}

  /** How the measured outcome relates to the predicted verdict. */
  public enum Agreement {
    /** Both say it installs, or both say it fails (at the same package when both name one). */
    AGREES,
    /** The prediction claimed nothing ({@code unknown}); the measurement decides. */
    NO_CLAIM,
    /** One says it installs, the other that it fails, or they fail at different packages. */
    DIFFERS,
    /** The repetitions themselves disagree (some built, some failed). */
    UNSTABLE
  }

  /**
   * One image.
   *
   * @param predicted check's plan for this image and platform, when it planned one
   * @param built how many of the repetitions built
   * @param failure the first failed repetition, when any failed
   * @param wallSeconds whole build, over the repetitions
   * @param dependencySeconds the package-install steps, over the repetitions that timed them
   * @param imageBytes the built image's size, over the repetitions that built
   * @param why what the agreement rests on, in words
   */
  public record Row(String image, String platform, Optional<ImagePlan> predicted, List<Measurement> runs, int built,
      Optional<Measurement> failure, Optional<Stats> wallSeconds, Optional<Stats> dependencySeconds, Optional<Stats> imageBytes,
      Agreement agreement, String why) {
    public Row {
      Objects.requireNonNull(predicted, "predicted");
      runs = List.copyOf(runs);
    }

    /** The predicted build-time range for the whole install, when the plan has one. */
    public Optional<Range> predictedSeconds() {
      return predicted.flatMap(p -> p.summary().estimatedBuildSeconds());
    }

    public Optional<Range> predictedBytes() {
      return predicted.flatMap(p -> p.summary().estimatedImageBytes());
    }
  }

  /** The rows, one per image benched, disagreements first (then in the order benched). */
  public static List<Row> of(List<String> images, List<ImagePlan> plans, List<Measurement> measurements) {
    List<Row> rows = new ArrayList<>();
    for (String image : images) {
      List<Measurement> runs = measurements.stream().filter(m -> m.image().equals(image)).toList();
      if (runs.isEmpty()) {
        continue;
      }
      Optional<ImagePlan> plan = plans.stream().filter(p -> p.image().image().equals(image)).findFirst();
      rows.add(row(image, runs, plan));
    }
    List<Row> sorted = new ArrayList<>(rows);
    sorted.sort(Comparator.comparingInt(r -> r.agreement() == Agreement.DIFFERS || r.agreement() == Agreement.UNSTABLE ? 0 : 1));
    return sorted;
  }

  private static Row row(String image, List<Measurement> runs, Optional<ImagePlan> plan) {
    int built = (int) runs.stream().filter(Measurement::built).count();
    Optional<Measurement> failure = runs.stream().filter(m -> !m.built()).findFirst();
    Optional<Stats> wall = Stats.of(runs.stream().map(Measurement::wallSeconds).toList());
    Optional<Stats> deps = Stats.of(runs.stream().map(Measurement::dependencySeconds).filter(OptionalDouble::isPresent)
        .map(OptionalDouble::getAsDouble).toList());
    Optional<Stats> bytes = Stats.of(runs.stream().map(Measurement::imageBytes).filter(OptionalLong::isPresent)
        .map(b -> (double) b.getAsLong()).toList());
    Agreement agreement;
    String why;
    if (built > 0 && built < runs.size()) {
      agreement = Agreement.UNSTABLE;
      why = built + " of " + runs.size() + " builds succeeded";
    } else if (plan.isEmpty()) {
      agreement = Agreement.NO_CLAIM;
      why = "check made no plan for this image";
    } else {
      Verdict v = plan.get().verdict();
      boolean measuredOk = built == runs.size();
      boolean predictedOk = v == Verdict.WHEELS || v == Verdict.BUILDS;
      boolean predictedFail = v == Verdict.FAILS || v == Verdict.UNAVAILABLE;
      if (!predictedOk && !predictedFail) {
        agreement = Agreement.NO_CLAIM;
        why = "predicted unknown" + plan.get().reason().map(r -> " (" + r + ")").orElse("") + "; measured " + (measuredOk ? "built" : "failed");
      } else if (predictedOk && measuredOk) {
        agreement = Agreement.AGREES;
        why = "predicted " + v.json() + ", built";
      } else if (predictedFail && !measuredOk) {
        Optional<String> predictedAt = plan.get().failure().map(ImagePlan.Failure::packageName);
        Optional<String> measuredAt = failure.flatMap(Measurement::failedPackage);
        if (predictedAt.isPresent() && measuredAt.isPresent() && !normal(predictedAt.get()).equals(normal(measuredAt.get()))) {
          agreement = Agreement.DIFFERS;
          why = "predicted to fail at " + predictedAt.get() + ", failed at " + measuredAt.get();
        } else {
          agreement = Agreement.AGREES;
          why = "predicted " + v.json() + predictedAt.map(p -> " at " + p).orElse("") + ", failed" + measuredAt.map(p -> " at " + p).orElse("");
        }
      } else {
        agreement = Agreement.DIFFERS;
        why = predictedOk ? "predicted " + v.json() + ", but the build failed" + failure.flatMap(Measurement::failedPackage).map(p -> " at " + p).orElse("")
            : "predicted " + v.json() + plan.get().failure().map(f -> " at " + f.packageName()).orElse("") + ", but it built";
      }
    }
    return new Row(image, runs.get(0).platform(), plan, runs, built, failure, wall, deps, bytes, agreement, why);
  }

  private static String normal(String name) {
    return name.toLowerCase(java.util.Locale.ROOT).replaceAll("[-_.]+", "-");
  }
}
