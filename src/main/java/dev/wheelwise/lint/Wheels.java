package dev.wheelwise.lint;

import dev.wheelwise.advise.CheckResult;
import dev.wheelwise.advise.ImagePlan;
import dev.wheelwise.advise.Verdict;
import dev.wheelwise.dockerfile.DockerfileModel;
import dev.wheelwise.dockerfile.Stage;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * check's answer for a Dockerfile, as the wheel-aware rules read it: the result (plans for the
 * base image of the stage that installs Python packages and for its siblings, the
 * recommendation) and which of the compared image names are the ones the Dockerfile uses.
 */
public record Wheels(CheckResult result, Set<String> inUse) {

  public Wheels {
    Objects.requireNonNull(result, "result");
    inUse = Set.copyOf(inUse);
  }

  /** The plans for the image the Dockerfile uses, one per platform. */
  public List<ImagePlan> basePlans() {
    return result.images().stream().filter(p -> inUse.contains(p.image().image())).toList();
  }

  /**
   * The image to name instead of the base: the first other image of the base's Python (its
   * minor version) on which every compared platform installs all packages from wheels, slim
   * variants first, then in check's ranking order; with {@code aptOnly}, Debian-based ones only
   * (those fix can translate apk lines for). The answer is the same from a comparison of every
   * image and from one of the base's Python alone, since the ranking orders any subset alike.
   */
  public Optional<String> allWheelsOnBasePython(boolean aptOnly) {
    List<ImagePlan> base = basePlans();
    if (base.isEmpty()) {
      return Optional.empty();
    }
    String minor = minor(base.get(0).image().python());
    return result.images().stream()
        .map(p -> p.image().image())
        .distinct()
        .filter(name -> !inUse.contains(name))
        .filter(this::allWheels)
        .filter(name -> plansOf(name).allMatch(p -> minor.equals(minor(p.image().python()))
            && (!aptOnly || p.image().packageManager().map("apt"::equals).orElse(false))))
        .sorted(Comparator.comparing(name -> plansOf(name).noneMatch(p -> p.image().slim())))
        .findFirst();
  }

  /** Whether pip installs every package from a wheel on the image, on each platform compared. */
  public boolean allWheels(String image) {
    return plansOf(image).allMatch(p -> p.verdict() == Verdict.WHEELS);
  }

  private Stream<ImagePlan> plansOf(String image) {
    return result.images().stream().filter(p -> p.image().image().equals(image));
  }

  /** "3.8" of "3.8.1": the Python a base switch keeps. */
  public static String minor(String python) {
    String[] parts = python == null ? new String[0] : python.split("\\.");
    return parts.length >= 2 ? parts[0] + "." + parts[1] : String.valueOf(python);
  }

  /** The stage check analysed: the last one with a Python install (as {@code DockerfileInputs} picks it). */
  public static Optional<Stage> pipStage(DockerfileModel model) {
    Stage found = null;
    for (Stage s : model.stages()) {
      if (!s.pythonInstalls().isEmpty()) {
        found = s;
      }
    }
    return Optional.ofNullable(found);
  }
}
