package dev.wheelwise.lint.rules;

import dev.wheelwise.Finding.Severity;
import dev.wheelwise.dockerfile.PackageOp;
import dev.wheelwise.dockerfile.Stage;
import dev.wheelwise.lint.Report;
import dev.wheelwise.lint.Subject;
import java.util.List;
import java.util.Optional;

/** DL3014: apt-get install -y. */
public final class AptAssumeYes extends Described {
  public AptAssumeYes() {
    super("DL3014", Severity.WARNING, "Use the -y switch with apt-get install.",
        "As hadolint's DL3014: without `-y` (`--yes`, `--assume-yes`, or quiet level 2: `-qq`, `-q=2`, `-q -q`), apt-get "
            + "asks for confirmation and the build stops.");
  }

  @Override
  public void check(Subject subject, Report out) {
    for (Stage stage : subject.model().stages()) {
      for (PackageOp op : stage.packageOps()) {
        if (Facts.isAptGet(op) && op.action().equals("install") && !assumesYes(op.words())) {
          out.at(op, "Use the `-y` switch to avoid manual input `apt-get -y install <package>`.", Optional.of("-y"));
        }
      }
    }
  }

  private static boolean assumesYes(List<String> words) {
    int quiet = 0;
    for (String w : words) {
      if (w.equals("--yes") || w.equals("--assume-yes") || w.equals("-qq") || w.equals("-q=2") || w.equals("--quiet=2")) {
        return true;
      }
      if (w.matches("-[a-zA-Z]+") && !w.startsWith("--")) {
        if (w.contains("y")) {
          return true;
        }
        quiet += w.chars().filter(c -> c == 'q').count();
      }
    }
    return quiet >= 2;
  }
}
