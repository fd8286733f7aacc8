package dev.wheelwise.lint.rules;

import dev.wheelwise.Finding.Severity;
import dev.wheelwise.dockerfile.PackageOp;
import dev.wheelwise.dockerfile.Stage;
import dev.wheelwise.lint.Report;
import dev.wheelwise.lint.Subject;
import java.util.Optional;

/** DL3015: apt-get install --no-install-recommends. */
public final class AptNoRecommends extends Described {
  public AptNoRecommends() {
    super("DL3015", Severity.INFO, "Avoid additional packages: apt-get install --no-install-recommends.",
        "As hadolint's DL3015: without `--no-install-recommends` (or `-o APT::Install-Recommends=false`) apt installs the "
            + "recommended packages too, often hundreds of MB.");
  }

  @Override
  public void check(Subject subject, Report out) {
    for (Stage stage : subject.model().stages()) {
      for (PackageOp op : stage.packageOps()) {
        if (Facts.isAptGet(op) && op.action().equals("install") && !op.noInstallRecommends()) {
          out.at(op, "Avoid additional packages by specifying `--no-install-recommends`.", Optional.of("--no-install-recommends"));
        }
      }
    }
  }
}
