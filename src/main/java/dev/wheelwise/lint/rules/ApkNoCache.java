package dev.wheelwise.lint.rules;

import dev.wheelwise.Finding.Severity;
import dev.wheelwise.dockerfile.PackageOp;
import dev.wheelwise.dockerfile.Stage;
import dev.wheelwise.lint.Report;
import dev.wheelwise.lint.Subject;
import java.util.Optional;

/** DL3019: apk add --no-cache. */
public final class ApkNoCache extends Described {
  public ApkNoCache() {
    super("DL3019", Severity.INFO, "Use apk add --no-cache.",
        "As hadolint's DL3019: `apk add` without `--no-cache` leaves the index and packages in `/var/cache/apk`. A cache "
            + "mount on `/var/cache/apk` is accepted.");
  }

  @Override
  public void check(Subject subject, Report out) {
    for (Stage stage : subject.model().stages()) {
      for (PackageOp op : stage.packageOps()) {
        if (Facts.isApk(op) && op.action().equals("install") && !op.noCache() && !Facts.cacheMountCovers(op.cacheMounts(), "/var/cache/apk")) {
          out.at(op, "Use the `--no-cache` switch to avoid the need to use `--update` and remove `/var/cache/apk/*` when done "
              + "installing packages.", Optional.of("--no-cache"));
        }
      }
    }
  }
}
