package dev.wheelwise.lint.rules;

import dev.wheelwise.Finding.Severity;
import dev.wheelwise.dockerfile.PackageOp;
import dev.wheelwise.dockerfile.Stage;
import dev.wheelwise.lint.Report;
import dev.wheelwise.lint.Subject;
import java.util.List;
import java.util.Optional;

/** WW1003: compilers and headers installed for pip stay in the shipped image. */
public final class BuildDepsShipped extends Described {
  public BuildDepsShipped() {
    super("WW1003", Severity.WARNING, "Build dependencies are left in the final image.",
        "In the stage `docker build` produces, a stage that installs Python packages also installs compilers or headers "
            + "(`build-base`, `build-essential`, `gcc`, `*-dev`…) and does not remove them in the same RUN: they ship, "
            + "often 200+ MB. Removing them in a later RUN does not help (the earlier layer keeps them). Fix: build wheels in "
            + "a builder stage and copy them into a clean one, or on Alpine `apk add --no-cache --virtual .build-deps … "
            + "&& pip install … && apk del .build-deps` in one RUN.");
  }

  @Override
  public void check(Subject subject, Report out) {
    Stage stage = subject.model().finalStage();
    if (stage == null || stage.pythonInstalls().isEmpty()) {
      return;
    }
    for (PackageOp op : stage.packageOps()) {
      if (!op.action().equals("install")) {
        continue;
      }
      List<String> build = buildPackages(op);
      if (build.isEmpty() || removedInSameRun(stage, op, build)) {
        continue;
      }
      Optional<PackageOp> later = stage.packageOps().stream()
          .filter(o -> o.action().equals("remove") && o.instructionLine() > op.instructionLine() && removes(o, op, build)).findFirst();
      String advice = Facts.isApk(op)
          ? "use `apk add --no-cache --virtual .build-deps " + String.join(" ", build) + " && pip install … && apk del .build-deps` in one RUN, or a builder stage"
          : "build wheels in a builder stage (pip wheel --wheel-dir /wheels …) and install them in a clean stage";
      out.at(op, "Build dependencies ship in the final image: " + String.join(" ", build)
          + later.map(l -> " (removed only by the RUN at line " + l.instructionLine() + ", after this layer kept them)").orElse("")
          + "; " + advice + ".", Optional.empty());
    }
  }

  /**
   * The packages of an install this rule counts as build dependencies (compilers, headers,
   * build tools), as written: {@code wheelwise fix} moves exactly these out of the shipped image.
   */
  public static List<String> buildPackages(PackageOp op) {
    return op.packages().stream().filter(Facts::buildPackage).toList();
  }

  private static boolean removedInSameRun(Stage stage, PackageOp install, List<String> build) {
    return stage.packageOps().stream().anyMatch(o -> o.action().equals("remove") && o.instructionLine() == install.instructionLine()
        && o.line() >= install.line() && removes(o, install, build));
  }

  private static boolean removes(PackageOp remove, PackageOp install, List<String> build) {
    if (install.virtualName() != null && remove.packages().contains(install.virtualName())) {
      return true;
    }
    List<String> names = build.stream().map(p -> p.replaceAll("[=<>~].*$", "")).toList();
    return remove.packages().containsAll(names);
  }
}
