package dev.wheelwise.lint;

import dev.wheelwise.advise.CheckResult;
import dev.wheelwise.advise.ImagePlan;
import dev.wheelwise.dockerfile.DockerfileModel;
import dev.wheelwise.dockerfile.Stage;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

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
