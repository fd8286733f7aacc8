package dev.wheelwise.advise;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * {@code check --fail-on}: whether the images a build will really use compile from source or
 * cannot install the project. A gate must not pass on what it could not see, so an image whose
 * verdict is {@code unknown} trips every policy but {@code never}, and says it is undecided.
 */
public enum FailOnPolicy {
  SOURCE_BUILD,
  UNAVAILABLE,
  NEVER;

  /** The policy named on the command line ({@code source-build}, {@code unavailable}, {@code never}), if it is one. */
  public static Optional<FailOnPolicy> named(String text) {
    for (FailOnPolicy p : values()) {
      if (p.option().equals(text)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  public String option() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * The images judged and what tripped.
   *
   * @param judged {@code image platform} of each image the policy looked at
   * @param trips one line per image that tripped, saying why
   */
  public record Outcome(List<String> judged, List<String> trips) {
    public Outcome {
      judged = List.copyOf(judged);
      trips = List.copyOf(trips);
    }

    public boolean tripped() {
      return !trips.isEmpty();
    }
  }

  /**
   * Judges the images under check: every image when the user named them ({@code --image}), else
   * the images the project uses (the Dockerfile's base image), else the recommended one; with no
   * recommendation, every image (none is known to install the project).
   *
   * @param named whether the images were named with {@code --image}
   * @param inUse the names the plans may give the Dockerfile's base image; empty without a Dockerfile
   */
  public Outcome judge(CheckResult result, boolean named, Set<String> inUse) {
    List<ImagePlan> judged = result.images().stream().filter(p -> named
        || (!inUse.isEmpty() ? inUse.contains(p.image().image())
            : result.recommendation().map(r -> r.image().equals(p.image().image())).orElse(true)))
        .toList();
    if (judged.isEmpty()) {
      // A base image no plan carries: judge them all.
      judged = result.images();
    }
    List<String> trips = new ArrayList<>();
    for (ImagePlan p : judged) {
      tripOf(p).ifPresent(why -> trips.add(p.image().image() + " " + p.image().platform() + ": " + why));
    }
    return new Outcome(judged.stream().map(p -> p.image().image() + " " + p.image().platform()).toList(), trips);
  }

  private Optional<String> tripOf(ImagePlan p) {
    if (this == NEVER) {
      return Optional.empty();
    }
    if (p.verdict() == Verdict.UNAVAILABLE) {
      return Optional.of("unavailable (" + p.reason().orElse("a package has no installable file") + ")");
    }
    List<String> builds = p.packages().stream().filter(k -> k.choice() instanceof Choice.Sdist)
        .map(PackagePlan::name).toList();
    if (this == SOURCE_BUILD && !builds.isEmpty()) {
      return Optional.of(builds.size() + " source build" + (builds.size() == 1 ? "" : "s") + " (" + String.join(", ", builds) + ")"
          + (p.verdict() == Verdict.FAILS ? ", and the build fails as written" : ""));
    }
    if (p.verdict() == Verdict.UNKNOWN) {
      return Optional.of("undecided, the verdict is unknown (" + p.reason().orElse("some facts are not known")
          + "): it cannot be shown to pass");
    }
    return Optional.empty();
  }
}
