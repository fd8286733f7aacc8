package dev.wheelwise.lint.rules;

import dev.wheelwise.Finding.Severity;
import dev.wheelwise.dockerfile.PackageOp;
import dev.wheelwise.dockerfile.Run;
import dev.wheelwise.dockerfile.Stage;
import dev.wheelwise.lint.Report;
import dev.wheelwise.lint.Subject;
import java.util.List;
import java.util.Optional;

/** DL3009: delete the apt lists in the RUN that fetched them. */
public final class AptListsRemoved extends Described {
  public AptListsRemoved() {
    super("DL3009", Severity.INFO, "Delete the apt-get lists after installing something.",
        "As hadolint's DL3009: a RUN that runs `apt-get update` or `apt-get install` but not `rm -rf /var/lib/apt/lists/*` "
            + "ships the package lists (tens of MB) in its layer. Not reported in builder stages (their layers do not ship) or "
            + "with a cache mount on `/var/lib/apt/lists` (hadolint#723).");
  }

  @Override
  public void check(Subject subject, Report out) {
    for (Stage stage : subject.model().stages()) {
      if (subject.isBuilder(stage)) {
        continue;
      }
      for (Run run : stage.runs()) {
        List<PackageOp> ops = stage.packageOps().stream().filter(o -> o.instructionLine() == run.line() && Facts.isApt(o)).toList();
        boolean fetches = ops.stream().anyMatch(o -> Facts.isAptGet(o) && (o.action().equals("update") || o.action().equals("install")));
        boolean cleans = ops.stream().anyMatch(o -> o.action().equals("clean") && o.packages().stream().anyMatch(p -> p.startsWith("/var/lib/apt/lists")));
        if (fetches && !cleans && !Facts.cacheMountCovers(run.cacheMounts(), "/var/lib/apt/lists")
            && !Facts.cacheMountCovers(run.cacheMounts(), "/var/lib/apt")) {
          out.at(run.instruction(), "Delete the apt-get lists after installing something: add `&& rm -rf /var/lib/apt/lists/*`.",
              Optional.of("&& rm -rf /var/lib/apt/lists/*"));
        }
      }
    }
  }
}
