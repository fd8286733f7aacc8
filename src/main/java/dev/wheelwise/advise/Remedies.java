package dev.wheelwise.advise;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What would fix or improve an image, said exactly: the apk/apt line to add, versions that have
 * wheels there, a multi-stage build that drops the build dependencies, or a named sibling.
 */
final class Remedies {
  private Remedies() {}

  static List<CheckResult.Remedy> forPlan(ImagePlan plan, CheckInput input, Optional<ImagePlan> best, CostModel cost) {
    List<CheckResult.Remedy> out = new ArrayList<>();
    ImageCandidate image = plan.image();

    if (plan.verdict() == Verdict.FAILS || plan.verdict() == Verdict.UNKNOWN) {
      systemPackagesLine(plan, input, cost).ifPresent(line -> out.add(new CheckResult.Remedy(image.image(), image.platform(),
          "system-packages", line + "   (before the pip install)")));
    }

    // Versions with wheels: only where the files of other versions are known (loose requirements, an index).
    List<String> pins = new ArrayList<>();
    boolean compilesOrLacks = plan.packages().stream().anyMatch(p -> p.choice() instanceof Choice.Sdist || p.choice() instanceof Choice.Nothing);
    List<Wanted> wanted = image.target().isPresent() && compilesOrLacks ? input.packages().on(image).wanted() : List.of();
    FileChooser preferring = image.target().map(t -> new FileChooser(t, input.formats().withPreferBinary(true))).orElse(null);
    for (Wanted w : wanted) {
      PackagePlan p = plan.packages().stream().filter(x -> x.name().equals(w.name())).findFirst().orElse(null);
      if (p == null || p.choice() instanceof Choice.Wheel || p.choice() instanceof Choice.Unknown) {
        continue;
      }
      // A pin: another release the source saw with a wheel for this image (the newest such).
      // A looser requirement: what --prefer-binary would pick among the files it allows.
      Choice other = w.versions().pinned()
          ? preferring.choose(w.name(), VersionFilter.any(), w.otherReleases())
          : preferring.choose(w.name(), w.versions(), w.files());
      if (other instanceof Choice.Wheel wheel) {
        pins.add(w.name() + "==" + wheel.file().version());
      }
    }
    if (!pins.isEmpty()) {
      out.add(new CheckResult.Remedy(image.image(), image.platform(), "pin",
          "versions seen with a wheel for this image: " + String.join(" ", pins)
              + " (check they satisfy the other requirements; for loose requirements, pip install --prefer-binary)"));
    }

    if (plan.summary().sourceBuilds() > 0 && plan.verdict() != Verdict.UNAVAILABLE
        && input.dockerfile().map(d -> !d.multiStage()).orElse(true) && !plan.summary().systemPackages().isEmpty()) {
      out.add(new CheckResult.Remedy(image.image(), image.platform(), "multi-stage",
          "build wheels in a builder stage (pip wheel --wheel-dir /wheels …) and install them with "
              + "pip install --no-index --find-links /wheels in a clean " + image.image()
              + " stage, so " + String.join(" ", plan.summary().systemPackages()) + " stay out of the final image"));
    }

    // Switching is worth saying when the best image installs where this one does not, or installs
    // without a compiler where this one compiles (alpine with apk packages "installs", but slowly).
    if (best.isPresent() && !best.get().image().image().equals(image.image())
        && (Ranking.tier(best.get()) < Ranking.tier(plan)
            || (Ranking.tier(best.get()) == Ranking.tier(plan) && !Ranking.needsCompiler(best.get()) && Ranking.needsCompiler(plan)))) {
      String target = best.get().image().image();
      boolean sibling = image.siblings().contains(target) && image.python().equals(best.get().image().python());
      out.add(new CheckResult.Remedy(image.image(), image.platform(), "switch-image",
          "switch to " + target + (sibling ? " (same Python, " + best.get().image().libc() + ")" : "")
              + ": " + describe(best.get())));
    }
    return out;
  }

  /**
   * The apk or apt line that adds what the plan's builds lack on this image (the image's own
   * packages and the Dockerfile's already counted); empty when nothing known is missing or the
   * image's package manager is unknown.
   */
  static Optional<String> systemPackagesLine(ImagePlan plan, CheckInput input, CostModel cost) {
    ImageCandidate image = plan.image();
    Set<String> installed = new LinkedHashSet<>(image.systemPackages());
    input.dockerfile().ifPresent(d -> installed.addAll(d.systemPackages()));
    Set<String> missing = new LinkedHashSet<>();
    for (PackagePlan p : plan.packages()) {
      if (p.choice() instanceof Choice.Sdist s && p.build().isPresent()) {
        cost.failure(s.file(), p.build().get(), installed, image).ifPresent(f -> missing.addAll(f.missingSystemPackages()));
      }
    }
    if (missing.isEmpty() || image.packageManager().isEmpty()) {
      return Optional.empty();
    }
    List<String> needed = cost.withoutImplied(List.copyOf(missing), image.packageManager());
    return Optional.of(image.packageManager().get().equals("apk")
        ? "RUN apk add --no-cache " + String.join(" ", needed)
        : "RUN apt-get update && apt-get install -y --no-install-recommends " + String.join(" ", needed)
            + " && rm -rf /var/lib/apt/lists/*");
  }

  static String describe(ImagePlan plan) {
    ImagePlan.Summary s = plan.summary();
    if (plan.verdict() == Verdict.WHEELS) {
      return "every package installs from a wheel";
    }
    return s.sourceBuilds() + " source build" + (s.sourceBuilds() == 1 ? "" : "s") + " whose needs "
        + (plan.verdict() == Verdict.BUILDS ? "it meets" : "are not all known");
  }
}
