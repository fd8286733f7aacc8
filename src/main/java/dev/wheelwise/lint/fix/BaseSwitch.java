package dev.wheelwise.lint.fix;

import dev.wheelwise.Finding;
import dev.wheelwise.advise.ImagePlan;
import dev.wheelwise.dockerfile.Instruction;
import dev.wheelwise.dockerfile.PackageOp;
import dev.wheelwise.dockerfile.Run;
import dev.wheelwise.dockerfile.ShellCommand;
import dev.wheelwise.dockerfile.ShellWord;
import dev.wheelwise.dockerfile.Stage;
import dev.wheelwise.lint.Subject;
import dev.wheelwise.lint.Wheels;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * WW1001: the base image pip would build from source on becomes the one check recommends, when
 * every package installs from a wheel there (python:3.8-alpine -> python:3.8-slim-buster). Every
 * stage resting on the old image moves, and its {@code apk add} lines become {@code apt-get}
 * lines through {@link ApkToApt} ({@code apk update} and {@code apk del} of a virtual group too).
 * Whatever wheelwise cannot translate with confidence (other apk operations, busybox's adduser/addgroup, a SHELL it cannot read, a FROM built from ARGs) refuses
 * the whole switch with the line and the reason: half a move would break the build.
 *
 * <p>Build packages are translated, not dropped: check knows pip needs no compiler on the new
 * base, not what else the stage compiles.
 */
final class BaseSwitch {
  private BaseSwitch() {}

  private static final Set<String> BUSYBOX_ONLY = Set.of("adduser", "addgroup", "apk");
  private static final Set<String> APK_VALUE_OPTIONS = Set.of("--virtual", "-t");
  private static final String CODE = "WW1001";
  private static final Set<String> HANDLED = Set.of("install", "update", "remove");

  static void plan(Subject subject, List<Finding> findings, ApkToApt names, List<Edit> edits, List<Plan.Refusal> refused) {
    Optional<Finding> finding = findings.stream().filter(f -> f.code().equals(CODE)).findFirst();
    if (finding.isEmpty() || subject.wheels().isEmpty()) {
      return;
    }
    int line = finding.get().span().line();
    Wheels wheels = subject.wheels().get();
    List<ImagePlan> inUse = wheels.basePlans();
    if (inUse.isEmpty()) {
      return;
    }
    String minor = Wheels.minor(inUse.get(0).image().python());
    // check's ranking order (best first): the first other image of the same Python on which every platform is all wheels
    Optional<String> target = wheels.allWheelsOnBasePython(true);
    if (target.isEmpty() && wheels.result().recommendation().filter(r -> !wheels.inUse().contains(r.image())).isEmpty()) {
      return; // check names no better image: nothing for fix to do (the finding stands)
    }
    if (target.isEmpty()) {
      refused.add(new Plan.Refusal(CODE, line, "no compared apt-based image of Python " + minor + " installs every package from "
          + "a wheel" + wheels.result().recommendation().map(r -> "; check recommends " + r.image()
              + ", which fix does not switch to (it moves a base only to a Debian-based image of the same Python)").orElse("")));
      return;
    }
    Optional<Stage> pip = Wheels.pipStage(subject.model());
    if (pip.isEmpty() || pip.get().image() == null || !wheels.inUse().contains(pip.get().image())) {
      return;
    }
    String old = pip.get().image();
    List<Edit> mine = new ArrayList<>();
    try {
      refuseCopiesAcrossLibcs(subject, old);
      for (Stage stage : subject.model().stages()) {
        if (!old.equals(stage.image())) {
          continue;
        }
        if (stage.baseStage() == null) {
          mine.add(from(subject, stage, target.get()));
        }
        translate(subject, stage, names, target.get(), mine);
      }
    } catch (Refused r) {
      refused.add(new Plan.Refusal(CODE, r.line, "not switching " + old + " to " + target.get() + ": " + r.getMessage()));
      return;
    }
    edits.addAll(mine);
  }

  /** The FROM's image name, when written literally (an ARG-built name is the ARG's to change). */
  private static Edit from(Subject subject, Stage stage, String target) throws Refused {
    Instruction from = subject.from(stage);
    if (!Objects.equals(stage.baseName(), stage.base())) {
      throw new Refused(stage.line(), "FROM " + stage.baseName() + " is built from ARGs; change the ARG's default to " + target);
    }
    int at = from.raw().indexOf(stage.baseName(), from.keyword().length());
    if (at < 0) {
      throw new Refused(stage.line(), "FROM " + stage.baseName() + " is not written on one line");
    }
    int start = from.offset() + at;
    return new Edit(start, start + stage.baseName().length(), target, CODE, stage.baseName() + " -> " + target
        + " (every package installs from a wheel there)");
  }

  private static void translate(Subject subject, Stage stage, ApkToApt names, String target, List<Edit> out) throws Refused {
    for (Run run : stage.runs()) {
      if (!run.readable()) {
        throw new Refused(run.line(), "this RUN's SHELL is not one wheelwise reads");
      }
      for (ShellCommand c : run.commands()) {
        String program = c.words().isEmpty() ? "" : c.words().get(0).value().replaceAll("^.*/", "");
        if (BUSYBOX_ONLY.contains(program) && !isApkAdd(stage, subject, c)) {
          throw new Refused(run.line(), "`" + String.join(" ", c.values().subList(0, Math.min(2, c.values().size())))
              + "` is Alpine's (busybox/apk) and has no translation here");
        }
      }
    }
    Map<String, List<String>> groups = new HashMap<>();
    for (PackageOp op : stage.packageOps()) {
      if (op.manager().equals("apk") && op.action().equals("install")) {
        List<String> debian = apkAdd(subject, op, names, target, out);
        if (op.virtualName() != null) {
          groups.put(op.virtualName(), debian);
        }
      } else if (op.manager().equals("apk") && op.action().equals("update")) {
        apkUpdate(subject, op, out);
      } else if (op.manager().equals("apk") && op.action().equals("remove")) {
        apkDel(subject, op, groups, out);
      }
    }
  }

  /**
   * A stage that stays on another image but copies files from a moving one (site-packages built
   * against musl into a glibc image, or the reverse) would break: refused.
   */
  private static void refuseCopiesAcrossLibcs(Subject subject, String old) throws Refused {
    List<Stage> stages = subject.model().stages();
    for (Stage moving : stages) {
      if (!old.equals(moving.image())) {
        continue;
      }
      Set<String> names = new HashSet<>(Set.of(String.valueOf(moving.index())));
      if (moving.name() != null) {
        names.add(moving.name().toLowerCase(Locale.ROOT));
      }
      for (Instruction i : subject.instructions()) {
        Optional<String> from = i.is("copy") || i.is("add") ? i.flag("from") : Optional.empty();
        Optional<Stage> in = subject.stageAt(i.line());
        if (from.isPresent() && names.contains(from.get().toLowerCase(Locale.ROOT)) && in.isPresent()
            && !old.equals(in.get().image())) {
          throw new Refused(i.line(), "stage " + in.get().index() + " stays on " + in.get().image() + " but copies from stage "
              + moving.index() + ", which would move to another libc");
        }
      }
    }
  }

  private static boolean isApkAdd(Stage stage, Subject subject, ShellCommand c) {
    return stage.packageOps().stream().anyMatch(op -> op.manager().equals("apk") && HANDLED.contains(op.action())
        && Words.commandOf(subject, op).map(found -> found.offset() == c.offset()).orElse(false));
  }

  /** {@code apk update} alone becomes {@code apt-get update} (the apt-get line that follows updates again: harmless). */
  private static void apkUpdate(Subject subject, PackageOp op, List<Edit> out) throws Refused {
    ShellCommand c = Words.commandOf(subject, op).orElseThrow(() -> new Refused(op.line(), "the apk command was not found in its RUN"));
    if (c.words().size() != 2 || !c.assignments().isEmpty()) {
      throw new Refused(op.line(), "expected `apk update` without options");
    }
    int end = end(subject.file().text(), c.words().get(1), op.line());
    out.add(new Edit(c.words().get(0).offset(), end, "apt-get update", CODE, "apk update -> apt-get update"));
  }

  /**
   * {@code apk del NAME} of a {@code --virtual NAME} group added earlier in the stage becomes
   * {@code apt-get purge -y --auto-remove} of that group's Debian packages (which, as apk del
   * does, also takes what only they pulled in); any other apk del is refused.
   */
  private static void apkDel(Subject subject, PackageOp op, Map<String, List<String>> groups, List<Edit> out) throws Refused {
    ShellCommand c = Words.commandOf(subject, op).orElseThrow(() -> new Refused(op.line(), "the apk command was not found in its RUN"));
    List<String> purge = new ArrayList<>();
    for (String name : op.packages()) {
      if (!groups.containsKey(name)) {
        throw new Refused(op.line(), "`apk del " + name + "` removes no --virtual group this stage added");
      }
      purge.addAll(groups.get(name));
    }
    if (op.packages().isEmpty() || op.options().size() > 0 && op.options().stream().anyMatch(o -> !o.name().equals("--no-cache"))) {
      throw new Refused(op.line(), "expected `apk del GROUP`");
    }
    List<ShellWord> words = c.words();
    int end = end(subject.file().text(), words.get(words.size() - 1), op.line());
    out.add(new Edit(words.get(0).offset(), end, purge.isEmpty() ? "true" : "apt-get purge -y --auto-remove " + String.join(" ", purge),
        CODE, "apk del " + String.join(" ", op.packages()) + " -> apt-get purge of the same packages"));
  }

  /** Returns the Debian names the line installs (unknown apk names as written), for a later apk del. */
  private static List<String> apkAdd(Subject subject, PackageOp op, ApkToApt names, String target, List<Edit> out) throws Refused {
    String text = subject.file().text();
    if (op.conditional()) {
      throw new Refused(op.line(), "the apk command may not run (inside if/||), so its apt form cannot be judged");
    }
    ShellCommand c = Words.commandOf(subject, op).orElseThrow(() -> new Refused(op.line(), "the apk command was not found in its RUN"));
    List<ShellWord> words = c.words();
    int add = -1;
    for (int i = 1; i < words.size() && add < 0; i++) {
      add = words.get(i).value().equals("add") ? i : -1;
    }
    if (add < 0 || !c.assignments().isEmpty()) {
      throw new Refused(op.line(), "expected `apk … add PACKAGES`");
    }
    int prefixEnd = end(text, words.get(add), op.line());
    out.add(new Edit(words.get(0).offset(), prefixEnd, "apt-get update && apt-get install -y --no-install-recommends", CODE,
        "apk add -> apt-get install on " + target));
    List<String> unknown = new ArrayList<>();
    List<String> installed = new ArrayList<>();
    int last = prefixEnd;
    // A removed word that starts its line takes the blanks after it: the next removal starts
    // after them (musl-dev libc-dev on one continuation line overlapped and crashed the plan).
    int removed = 0;
    for (int i = add + 1; i < words.size(); i++) {
      ShellWord w = words.get(i);
      int end = end(text, w, op.line());
      last = end;
      String v = w.value();
      if (v.startsWith("-")) {
        if (v.equals("-X") || v.startsWith("--repository") || v.equals("--allow-untrusted")) {
          throw new Refused(op.line(), "apk option " + v + " has no apt counterpart here");
        }
        int[] cut = Words.removal(text, w.offset(), end);
        if (APK_VALUE_OPTIONS.contains(v) && i + 1 < words.size()) {
          ShellWord value = words.get(++i);
          last = end(text, value, op.line());
          cut = new int[] {cut[0], Words.removal(text, value.offset(), last)[1]};
        }
        cut[0] = Math.max(cut[0], removed);
        removed = cut[1];
        out.add(new Edit(cut[0], cut[1], "", CODE, "apk option " + v + " dropped (apt-get has none)"));
        continue;
      }
      String name = v.replaceAll("[=~<>].*$", "");
      Optional<List<String>> debian = names.debian(name);
      installed.addAll(debian.orElse(List.of(name)));
      if (debian.isEmpty()) {
        unknown.add(name);
        if (!name.equals(v)) {
          out.add(new Edit(w.offset(), end, name, CODE, "apk version pin on " + name + " dropped (Debian's versions differ)"));
        }
      } else if (debian.get().isEmpty()) {
        int[] cut = Words.removal(text, w.offset(), end);
        cut[0] = Math.max(cut[0], removed);
        removed = cut[1];
        out.add(new Edit(cut[0], cut[1], "", CODE, "apk " + name + " needs no Debian package"));
      } else if (!String.join(" ", debian.get()).equals(v)) {
        out.add(new Edit(w.offset(), end, String.join(" ", debian.get()), CODE, "apk " + v + " -> apt " + String.join(" ", debian.get())));
      }
    }
    int listsAt = Math.max(last, removed); // not inside the blanks a removed last word took
    out.add(new Edit(listsAt, listsAt, " && rm -rf /var/lib/apt/lists/*", CODE, "apt lists removed in the same layer"));
    if (!unknown.isEmpty()) {
      Instruction run = subject.instructionAt(op.instructionLine()).orElseThrow();
      int at = Words.lineStart(text, run.offset());
      out.add(new Edit(at, at, "# wheelwise fix (WW1001): no Debian name known for apk package(s) " + String.join(", ", unknown)
          + "; kept as written, check them" + Words.lineEnding(text, run.offset()), CODE, "unknown apk names kept: " + unknown));
    }
    return installed;
  }

  private static int end(String text, ShellWord word, int line) throws Refused {
    int end = Words.plainEnd(text, word);
    if (end < 0) {
      throw new Refused(line, "`" + word.value() + "` is written with quotes, escapes or variables");
    }
    return end;
  }

  private static final class Refused extends Exception {
    final int line;

    Refused(int line, String message) {
      super(message, null, false, false);
      this.line = line;
    }
  }
}
