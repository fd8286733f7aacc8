package dev.wheelwise.lint.rules;

import dev.wheelwise.Finding.Severity;
import dev.wheelwise.dockerfile.PackageOp;
import dev.wheelwise.dockerfile.Stage;
import dev.wheelwise.lint.Report;
import dev.wheelwise.lint.Subject;
import java.util.List;
import java.util.Optional;

/** DL3018: pin the packages apk adds. */
public final class PinApkVersions extends Described {
  public PinApkVersions() {
    super("DL3018", Severity.WARNING, "Pin versions in apk add.",
        "As hadolint's DL3018: `apk add <package>` without `=<version>` (or `~`, `>`, `<`) gets whatever the repository has "
            + "that day. The `--virtual`/`-t` name and `-X`/`--repository` URL are option values, not packages "
            + "(hadolint#906, #408); local `.apk` files are accepted (#662).");
  }

  @Override
  public void check(Subject subject, Report out) {
    for (Stage stage : subject.model().stages()) {
      for (PackageOp op : stage.packageOps()) {
        if (!Facts.isApk(op) || !op.action().equals("install")) {
          continue;
        }
        List<String> loose = op.packages().stream().filter(p -> !Facts.pinnedSystemPackage(p)).toList();
        if (!loose.isEmpty()) {
          out.at(op, "Pin versions in apk add. Instead of `apk add " + loose.get(0) + "` use `apk add " + loose.get(0)
              + "=<version>` (unpinned: " + String.join(", ", loose) + ").", Optional.empty());
        }
      }
    }
  }
}
