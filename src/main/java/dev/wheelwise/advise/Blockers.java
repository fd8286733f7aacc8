package dev.wheelwise.advise;

import dev.wheelwise.pep440.Version;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What keeps an image from installing the project, per blocking package, and what it would
 * take: the lowest later release the source lists with a wheel for that image ("on
 * python:3.14-slim numpy 2.2.6: no wheel for CPython 3.14 …; numpy ≥ 2.3.0, the first release
 * seen with one, would install from a wheel"). Only releases after the chosen one are offered,
 * so the project's floor on the package still holds; its ceilings and other packages'
 * requirements on it are not checked, and the line says so.
 */
final class Blockers {
  private Blockers() {}

  /** Every blocking package of {@code plan}, with the later release that would install from a wheel where the source lists one. */
  static List<String> of(ImagePlan plan, CheckInput input, Optional<FileSource> releases) {
    return lines(plan, input, releases, false);
  }

  /** Only the blocking packages a later release would unblock: the lines that are a remedy. */
  static List<String> upgrades(ImagePlan plan, CheckInput input, Optional<FileSource> releases) {
    return lines(plan, input, releases, true);
  }

  private static List<String> lines(ImagePlan plan, CheckInput input, Optional<FileSource> releases, boolean onlyUpgrades) {
    List<String> out = new ArrayList<>();
    String on = "on " + plan.image().image() + " (" + plan.image().platform() + ") ";
    if (plan.packages().isEmpty()) {
      if (!onlyUpgrades) {
        plan.reason().ifPresent(r -> out.add(on + r));
      }
      return out;
    }
    boolean installs = Ranking.installs(plan);
    // Packages left unknown for one reason (a resolver failure stops them all) are named together.
    Map<String, List<String>> sameUnknown = new LinkedHashMap<>();
    for (PackagePlan p : plan.packages()) {
      String what;
      if (p.choice() instanceof Choice.Nothing n) {
        what = n.reason();
      } else if (p.choice() instanceof Choice.Unknown u) {
        what = "unknown: " + u.reason();
      } else if (p.choice() instanceof Choice.Sdist && !installs && blocks(p, plan)) {
        what = "builds from source, " + p.build().map(b -> b.known() ? "needs " + String.join(" ", b.systemPackages())
            : "needs unknown").orElse("needs unknown");
      } else {
        continue;
      }
      String name = p.name() + p.version().map(v -> " " + v).orElse("");
      // An unknown choice is a gap in what is known (no files seen for the pin, a resolution not
      // made), not a missing wheel: a later release is no remedy for it.
      Optional<Version> upgrade = p.choice() instanceof Choice.Unknown ? Optional.empty() : firstWheel(plan, p, input, releases);
      if (upgrade.isPresent()) {
        out.add(on + name + ": " + what + "; " + p.name() + " ≥ " + upgrade.get()
            + ", the first later release seen with a wheel here, would install from a wheel (check it against the project's other "
            + "requirements)");
      } else if (!onlyUpgrades && p.choice() instanceof Choice.Unknown) {
        sameUnknown.computeIfAbsent(what, k -> new ArrayList<>()).add(name);
      } else if (!onlyUpgrades) {
        out.add(on + name + ": " + what + (releases.isPresent() && p.version().isPresent() ? "; no later release seen has a wheel here" : ""));
      }
    }
    sameUnknown.forEach((what, names) -> out.add(on + String.join(", ", names) + ": " + what));
    return out;
  }

  /** A build that keeps the image from installing: its needs are unknown, or the image fails at it. */
  private static boolean blocks(PackagePlan p, ImagePlan plan) {
    return p.build().map(b -> !b.known()).orElse(true)
        || plan.failure().map(f -> f.packageName().equals(p.name())).orElse(false);
  }

  /** The lowest release after the chosen one whose files the source lists with a wheel for this image. */
  private static Optional<Version> firstWheel(ImagePlan plan, PackagePlan p, CheckInput input, Optional<FileSource> releases) {
    if (releases.isEmpty() || plan.image().target().isEmpty() || p.version().isEmpty()) {
      return Optional.empty();
    }
    Version current = Version.tryParse(p.version().get());
    if (current == null) {
      return Optional.empty();
    }
    TreeMap<Version, List<CandidateFile>> later = new TreeMap<>();
    for (CandidateFile f : releases.get().files(p.name())) {
      if (f.version().compareTo(current) > 0 && !f.version().isPrerelease() && !f.yanked()) {
        later.computeIfAbsent(f.version(), v -> new ArrayList<>()).add(f);
      }
    }
    FileChooser chooser = new FileChooser(plan.image().target().get(), input.formats());
    for (var release : later.entrySet()) {
      if (chooser.choose(p.name(), VersionFilter.exactly(release.getKey()), release.getValue()) instanceof Choice.Wheel) {
        return Optional.of(release.getKey());
      }
    }
    return Optional.empty();
  }
}
