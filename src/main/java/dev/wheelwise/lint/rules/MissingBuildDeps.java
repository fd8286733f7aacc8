package dev.wheelwise.lint.rules;

import dev.wheelwise.Finding.Severity;
import dev.wheelwise.advise.ImagePlan;
import dev.wheelwise.lint.Report;
import dev.wheelwise.lint.Subject;
import dev.wheelwise.lint.Wheels;
import java.util.Optional;

/** WW1002: a predicted source build lacks its compiler or headers. */
public final class MissingBuildDeps extends WheelAware {
  public MissingBuildDeps() {
    super("WW1002", Severity.ERROR, "A predicted source build lacks its compiler or headers: the build fails as written.",
        "The base image plus what the stage installs (apk/apt lines before pip) lacks what compiling a package needs, so "
            + "`docker build` stops with e.g. `command 'gcc' failed`. The message names the packages under the image's own "
            + "package manager (apk: `build-base`, `*-dev`; apt: `build-essential`, `lib*-dev`) and the fix gives the exact "
            + "install line.");
  }

  @Override
  public void check(Subject subject, Report out) {
    Wheels wheels = subject.wheels().orElseThrow();
    for (ImagePlan plan : wheels.basePlans()) {
      if (plan.failure().isEmpty()) {
        continue;
      }
      ImagePlan.Failure f = plan.failure().get();
      Optional<String> line = wheels.result().remedies().stream()
          .filter(r -> r.kind().equals("system-packages") && r.image().equals(plan.image().image())
              && r.platform().equals(plan.image().platform()))
          .map(r -> r.text().replace("(before the pip install)", "").strip()).findFirst();
      atInstall(subject, out, "Building " + f.packageName() + " on " + plan.image().image() + " (" + plan.image().platform()
          + ") needs " + (f.missingSystemPackages().isEmpty() ? "a compiler" : String.join(" ", f.missingSystemPackages()))
          + ", which the image and the Dockerfile lack: " + f.error() + line.map(l -> "; add before pip: " + l).orElse("") + ".",
          line);
    }
  }
}
