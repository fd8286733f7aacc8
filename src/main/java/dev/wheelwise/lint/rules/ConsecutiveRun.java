package dev.wheelwise.lint.rules;

import dev.wheelwise.Finding.Severity;
import dev.wheelwise.dockerfile.Run;
import dev.wheelwise.dockerfile.Stage;
import dev.wheelwise.lint.Report;
import dev.wheelwise.lint.Subject;
import java.util.Optional;

/** DL3059: consecutive RUN instructions; not in builder stages. */
public final class ConsecutiveRun extends Described {
  public ConsecutiveRun() {
    super("DL3059", Severity.INFO, "Multiple consecutive RUN instructions; consider consolidation.",
        "As hadolint's DL3059: a RUN right after a RUN (only comments between) with the same flags, each of at most two "
            + "commands, adds a layer that one RUN would not. Not reported when either RUN chains more than two commands "
            + "(a deliberate split), when the `--mount` flags differ, or in builder stages, whose layers never ship "
            + "(hadolint#1056).");
  }

  @Override
  public void check(Subject subject, Report out) {
    for (Stage stage : subject.model().stages()) {
      if (subject.isBuilder(stage)) {
        continue;
      }
      Run previous = null;
      for (Run run : stage.runs()) {
        if (previous != null && adjacent(subject, previous, run) && previous.instruction().flags().equals(run.instruction().flags())
            && previous.commands().size() <= 2 && run.commands().size() <= 2 && previous.readable() && run.readable()) {
          out.at(run.instruction(), "Multiple consecutive `RUN` instructions (lines " + previous.line() + " and " + run.line()
              + "). Consider consolidation.", Optional.empty());
        }
        previous = run;
      }
    }
  }

  /** Nothing but comments and blank lines between the two. */
  private static boolean adjacent(Subject subject, Run a, Run b) {
    return subject.instructions().stream().noneMatch(i -> i.line() > a.line() && i.line() < b.line());
  }
}
