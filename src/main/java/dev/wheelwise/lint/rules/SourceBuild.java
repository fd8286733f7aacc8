package dev.wheelwise.lint.rules;

import dev.wheelwise.Finding.Severity;
import dev.wheelwise.advise.Choice;
import dev.wheelwise.advise.ImageCandidate;
import dev.wheelwise.advise.ImagePlan;
import dev.wheelwise.advise.PackagePlan;
import dev.wheelwise.lint.Report;
import dev.wheelwise.lint.Subject;
import dev.wheelwise.lint.Wheels;
import java.util.List;
import java.util.Optional;

/** WW1001: check predicts a source build on the stage's base image. */
public final class SourceBuild extends WheelAware {
  public SourceBuild() {
    super("WW1001", Severity.WARNING, "pip compiles packages from source on this base image.",
        "check's plan for the base image (per `--platform`, on `--as-of`'s index or snapshot) has sdists where a wheel "
            + "would do: the build needs compilers and headers, takes minutes and grows the image. The message names the "
            + "packages and why: musl (Alpine) without musllinux wheels, or a CPython newer than the pinned packages' "
            + "wheels. When an image of the same Python installs every package from a wheel (slim first), the finding names "
            + "it and `wheelwise fix` switches to it; else it names check's recommendation when that is all wheels, and when "
            + "check's recommendation still builds some packages, says which.");
  }

  @Override
  public void check(Subject subject, Report out) {
    Wheels wheels = subject.wheels().orElseThrow();
    for (ImagePlan plan : wheels.basePlans()) {
      List<PackagePlan> built = plan.packages().stream().filter(p -> p.choice() instanceof Choice.Sdist).toList();
      if (built.isEmpty()) {
        continue;
      }
      ImageCandidate image = plan.image();
      String names = String.join(", ", built.stream().map(p -> p.name() + p.version().map(v -> " " + v).orElse("")).toList());
      String why = image.isMusl()
          ? "musl libc, and no musllinux wheel of these releases fits"
          : "no wheel of these releases fits CPython " + image.python() + " on " + image.platform();
      Optional<String> recommended = wheels.result().recommendation().map(r -> r.image()).filter(r -> !wheels.inUse().contains(r));
      // The smallest change first: an image of the base's Python that is all wheels (what fix
      // switches to), else check's recommendation when it is all wheels. check may recommend an
      // image that still builds (its needs met, or all known), and then the finding says so.
      Optional<String> better = wheels.allWheelsOnBasePython(false).or(() -> recommended.filter(wheels::allWheels));
      String then = better.map(b -> "; on " + b + " every package installs from a wheel")
          .or(() -> recommended.map(r -> "; check recommends " + r + ", where " + builds(wheels, r) + " still build(s) from source"))
          .orElse("");
      out(subject, out, "pip builds " + built.size() + " package(s) from source on " + image.image() + " (" + image.platform()
          + "): " + names + " (" + why + ")" + then + ".", better);
    }
  }

  /** The packages pip builds on the image, on any platform compared. */
  private static String builds(Wheels wheels, String image) {
    return String.join(", ", wheels.result().images().stream().filter(p -> p.image().image().equals(image))
        .flatMap(p -> p.packages().stream()).filter(p -> p.choice() instanceof Choice.Sdist).map(PackagePlan::name).distinct().toList());
  }

  private static void out(Subject subject, Report out, String message, Optional<String> fix) {
    atInstall(subject, out, message, fix.map(b -> "FROM " + b));
  }
}
