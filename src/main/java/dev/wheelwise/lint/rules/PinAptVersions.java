package dev.wheelwise.lint.rules;

import dev.wheelwise.Finding.Severity;
import dev.wheelwise.dockerfile.PackageOp;
import dev.wheelwise.dockerfile.Stage;
import dev.wheelwise.lint.Report;
import dev.wheelwise.lint.Subject;
import java.util.List;
import java.util.Optional;

/** DL3008: pin apt packages; off by default. */
public final class PinAptVersions extends Described {
  public PinAptVersions() {
    super("DL3008", Severity.WARNING, "Pin versions in apt-get install (off by default).",
        "As hadolint's DL3008: `apt-get install <package>` without `=<version>`. Off by default (enable it with "
            + "`--enable DL3008` or `enable = [\"DL3008\"]`): Debian and Ubuntu drop old versions from their archives, so a "
            + "pinned apt line breaks the build within weeks (hadolint#884, #999, PR #1253).");
  }

  @Override
  public boolean onByDefault() {
    return false;
  }

  @Override
  public void check(Subject subject, Report out) {
    for (Stage stage : subject.model().stages()) {
      for (PackageOp op : stage.packageOps()) {
        if (!Facts.isAptGet(op) || !op.action().equals("install")) {
          continue;
        }
        List<String> loose = op.packages().stream().filter(p -> !Facts.pinnedSystemPackage(p)).toList();
        if (!loose.isEmpty()) {
          out.at(op, "Pin versions in apt get install. Instead of `apt-get install " + loose.get(0) + "` use `apt-get install "
              + loose.get(0) + "=<version>`.", Optional.empty());
        }
      }
    }
  }
}
