package dev.wheelwise.lint.rules;

import dev.wheelwise.Finding.Severity;
import dev.wheelwise.dockerfile.PythonInstall;
import dev.wheelwise.dockerfile.Stage;
import dev.wheelwise.lint.Report;
import dev.wheelwise.lint.Subject;
import dev.wheelwise.lint.Wheels;
import java.util.Optional;

/**
 * A rule that reads check's plan for the base image: findings point at the first Python install
 * of the stage check analysed, else at its FROM.
 */
abstract class WheelAware extends Described {
  WheelAware(String code, Severity severity, String summary, String description) {
    super(code, severity, summary, description);
  }

  @Override
  public final boolean wheelAware() {
    return true;
  }

  /** Reports at the stage's first Python install, else its FROM line. */
  static void atInstall(Subject subject, Report out, String message, Optional<String> fix) {
    Optional<Stage> stage = Wheels.pipStage(subject.model()).or(() -> Optional.ofNullable(subject.model().finalStage()));
    if (stage.isEmpty()) {
      return;
    }
    Optional<PythonInstall> first = stage.get().pythonInstalls().stream().findFirst();
    if (first.isPresent()) {
      out.at(first.get(), message, fix);
    } else {
      out.at(subject.from(stage.get()), message, fix);
    }
  }

  static void atFrom(Subject subject, Report out, String message, Optional<String> fix) {
    Optional<Stage> stage = Wheels.pipStage(subject.model()).or(() -> Optional.ofNullable(subject.model().finalStage()));
    stage.ifPresent(s -> out.at(subject.from(s), message, fix));
  }
}
