package dev.wheelwise.lint.fix;

import dev.wheelwise.Finding;
import dev.wheelwise.dockerfile.PackageOp;
import dev.wheelwise.dockerfile.PythonInstall;
import dev.wheelwise.dockerfile.ShellCommand;
import dev.wheelwise.dockerfile.ShellWord;
import dev.wheelwise.dockerfile.Stage;
import dev.wheelwise.image.OsRelease;
import dev.wheelwise.lint.Subject;
import dev.wheelwise.lint.rules.BuildDepsShipped;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * WW1003: the {@code apk add} or {@code apt-get install} whose build packages ship in the final
 * image. Which packages are build-only is the rule's own decision ({@link
 * BuildDepsShipped#buildPackages}); what they leave needed at run time comes from {@link
 * ApkRuntime}, or for apt from {@link AptRuntime} for the base's release ({@link AptRelease}).
 * When the Python installs that follow sit in the same RUN (or in the RUN right after, which is
 * joined to it), {@link VirtualGroup} puts apk's build packages in a {@code --virtual
 * .build-deps} group deleted after the install, and {@link AptPurge} purges apt's after it;
 * otherwise {@link BuilderStage} moves the install into a builder stage. Anything else is
 * refused with the reason.
 */
final class BuildDeps {
  static final String CODE = "WW1003";

  private BuildDeps() {}

  /**
   * One package install to rewrite: the build packages (words), the ones that stay, the runtime
   * packages to add, and where their names come from ({@code release}: apt's, empty for apk).
   */
  record Target(Stage stage, PackageOp op, ShellCommand command, List<ShellWord> build, List<ShellWord> kept, List<String> runtime,
      List<PythonInstall> installs, String release) {}

  static void plan(Subject subject, List<Finding> findings, List<Edit> edits, List<Plan.Refusal> refused) {
    Stage stage = subject.model().finalStage();
    if (stage == null) {
      return;
    }
    List<PackageOp> flagged = stage.packageOps().stream()
        .filter(op -> (op.manager().equals("apk") || op.manager().equals("apt")) && findings.stream().anyMatch(f -> f.code().equals(CODE)
            && f.span().line() == op.line() && f.span().column() == op.column()))
        .toList();
    if (flagged.isEmpty()) {
      return;
    }
    if (flagged.size() > 1) {
      refused.add(new Plan.Refusal(CODE, flagged.get(1).line(), "more than one package install of build dependencies in the final stage "
          + "(lines " + flagged.get(0).line() + " and " + flagged.get(1).line() + "); merge them into one first"));
      return;
    }
    List<Edit> mine = new ArrayList<>();
    try {
      Target target = target(subject, stage, flagged.get(0));
      boolean sameLayer = target.op().manager().equals("apt") ? AptPurge.plan(subject, target, mine) : VirtualGroup.plan(subject, target, mine);
      if (!sameLayer) {
        BuilderStage.plan(subject, target, mine);
      }
    } catch (Refused r) {
      refused.add(new Plan.Refusal(CODE, r.line, r.getMessage()));
      return;
    }
    edits.addAll(mine);
  }

  private static Target target(Subject subject, Stage stage, PackageOp op) throws Refused {
    String text = subject.file().text();
    boolean apt = op.manager().equals("apt");
    String what = apt ? "apt install" : "apk add";
    if (op.conditional()) {
      throw new Refused(op.line(), "the " + what + " may not run (inside if/||), so what it leaves installed cannot be judged");
    }
    ShellCommand c = Words.commandOf(subject, op).orElseThrow(() -> new Refused(op.line(), "the " + what + " was not found in its RUN"));
    if (c.piped() || !c.assignments().isEmpty()) {
      throw new Refused(op.line(), "the " + what + " is piped or has variable assignments");
    }
    Optional<AptRelease.Found> release = apt ? Optional.of(AptRelease.of(subject, stage)) : Optional.empty();
    if (release.isPresent() && !AptRuntime.knows(release.get().os())) {
      throw new Refused(op.line(), "the runtime packages of " + release.get().os() + " are not known to wheelwise (" + release.get().basis()
          + "); removing the build packages could take a library the compiled packages load");
    }
    Set<String> buildNames = Set.copyOf(BuildDepsShipped.buildPackages(op));
    List<ShellWord> build = new ArrayList<>();
    List<ShellWord> kept = new ArrayList<>();
    Set<String> runtime = new LinkedHashSet<>();
    boolean packages = false;
    String verb = apt ? "install" : "add";
    for (ShellWord w : c.words()) {
      packages |= w.value().equals(verb);
      if (!packages || w.value().equals(verb) || w.value().startsWith("-") || !op.packages().contains(w.value())) {
        continue;
      }
      if (Words.plainEnd(text, w) < 0) {
        throw new Refused(op.line(), "`" + w.value() + "` is written with quotes, escapes or variables");
      }
      if (buildNames.contains(w.value())) {
        build.add(w);
        String name = w.value().replaceAll("[=<>~].*$", "");
        if (release.isPresent()) {
          OsRelease os = release.get().os();
          runtime.addAll(AptRuntime.of(os, name).orElseThrow(() -> new Refused(op.line(), "build package " + name + " is not in "
              + AptRuntime.resource(os) + " (" + os + "), so what it leaves needed at run time is not known: purging it could "
              + "take a library the compiled packages load")));
        } else {
          runtime.addAll(ApkRuntime.of(name).orElseThrow(() -> new Refused(op.line(), "no runtime packages known for build package "
              + name + " (apk-runtime.tsv): deleting it could take a library the compiled packages load")));
        }
      } else {
        kept.add(w);
      }
    }
    if (build.size() != buildNames.size()) {
      throw new Refused(op.line(), "the build packages are not all written in the " + what + " (variables?)");
    }
    kept.forEach(w -> runtime.remove(w.value().replaceAll("[=<>~].*$", "")));
    build.forEach(w -> runtime.remove(w.value().replaceAll("[=<>~].*$", "")));
    Optional<PackageOp> laterRemove = apt ? Optional.empty() : stage.packageOps().stream()
        .filter(o -> o.manager().equals("apk") && o.action().equals("remove") && o.line() > op.line()).findFirst();
    if (laterRemove.isPresent()) {
      throw new Refused(laterRemove.get().line(), "an apk del after the apk add at line " + op.line() + " would remove what the rewrite "
          + "already removes; drop it first");
    }
    int at = stage.steps().indexOf(op);
    List<PythonInstall> installs = stage.steps().subList(at, stage.steps().size()).stream()
        .filter(PythonInstall.class::isInstance).map(PythonInstall.class::cast).toList();
    if (installs.isEmpty()) {
      throw new Refused(op.line(), "no Python install follows the " + what + " in this stage");
    }
    for (PythonInstall install : installs) {
      Optional<ShellCommand> ic = Words.commandOf(subject, install);
      if (install.conditional() || ic.isEmpty() || ic.get().piped()) {
        throw new Refused(install.line(), "the Python install may not run (inside if/||, or piped), so when to delete the build "
            + "packages cannot be judged");
      }
    }
    return new Target(stage, op, c, build, kept, List.copyOf(runtime), installs, release.map(AptRelease.Found::basis).orElse(""));
  }

  /** The end of the last word of an install's command (where {@code && apk del} or the apt purge goes). */
  static int installEnd(Subject subject, PythonInstall install) throws Refused {
    ShellCommand c = Words.commandOf(subject, install).orElseThrow(() -> new Refused(install.line(), "the install was not found"));
    ShellWord last = c.words().get(c.words().size() - 1);
    int end = Words.plainEnd(subject.file().text(), last);
    if (end < 0) {
      throw new Refused(install.line(), "the install's last word `" + last.value() + "` is written with quotes, escapes or variables");
    }
    return end;
  }

  static final class Refused extends Exception {
    final int line;

    Refused(int line, String message) {
      super(message, null, false, false);
      this.line = line;
    }
  }
}
