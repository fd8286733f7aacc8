package dev.wheelwise.lint.fix;

import dev.wheelwise.dockerfile.Instruction;
import dev.wheelwise.dockerfile.PythonInstall;
import dev.wheelwise.dockerfile.Run;
import dev.wheelwise.dockerfile.ShellCommand;
import dev.wheelwise.dockerfile.ShellWord;
import dev.wheelwise.lint.Subject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * WW1003 in one RUN: {@code apk add --no-cache --virtual .build-deps BUILD… && pip install … &&
 * apk del .build-deps}, so the build packages never reach a layer. Packages that are not build
 * dependencies, and the runtime libraries the build packages leave needed, are installed by
 * their own {@code apk add --no-cache} first, so the group's deletion keeps them. When the
 * install is in the RUN right after (nothing between), the two RUNs are joined with a
 * continuation: only lines of the two RUNs change.
 */
final class VirtualGroup {
  private VirtualGroup() {}

  /** Shell builtins whose effect would carry from the apk RUN into the joined install. */
  private static final Set<String> CARRIES_OVER = Set.of("cd", "export", "set", "source", ".", "umask", "unset", "shopt", "pushd");

  /** Plans the rewrite into {@code out}; false when the installs are neither in the same RUN nor in the next one. */
  static boolean plan(Subject subject, BuildDeps.Target t, List<Edit> out) throws BuildDeps.Refused {
    String text = subject.file().text();
    int opRun = t.op().instructionLine();
    int lastRun = t.installs().stream().mapToInt(PythonInstall::instructionLine).max().orElseThrow();
    List<Edit> edits = new ArrayList<>();
    if (lastRun != opRun) {
      Instruction first = subject.instructionAt(opRun).orElseThrow();
      Instruction next = subject.instructions().stream().filter(i -> i.line() > first.endLine()).findFirst().orElse(null);
      if (next == null || next.line() != lastRun || !joinable(subject, t, first, next)) {
        return false;
      }
      int end = Words.instructionEnd(first);
      int rest = next.offset() + next.keyword().length();
      while (rest < text.length() && (text.charAt(rest) == ' ' || text.charAt(rest) == '\t')) {
        rest++;
      }
      edits.add(new Edit(end, rest, " " + subject.file().escape() + Words.lineEnding(text, first.offset()) + " && ", BuildDeps.CODE,
          "RUN at line " + next.line() + " joined to this one, so the build packages are deleted in the layer that added them",
          t.op().line()));
    }
    String group = t.op().virtualName() != null ? t.op().virtualName() : ".build-deps";
    ShellWord add = t.command().words().stream().filter(w -> w.value().equals("add")).findFirst().orElseThrow();
    int addEnd = Words.plainEnd(text, add);
    if (addEnd < 0) {
      throw new BuildDeps.Refused(t.op().line(), "`add` is written with quotes or escapes");
    }
    List<String> stays = new ArrayList<>(t.kept().stream().map(ShellWord::value).toList());
    stays.addAll(t.runtime());
    if (!stays.isEmpty()) {
      int start = t.command().offset();
      edits.add(new Edit(start, start, "apk add --no-cache " + String.join(" ", stays) + " && ", BuildDeps.CODE,
          "kept installed outside the group: " + String.join(" ", stays), t.op().line()));
    }
    String flags = (t.op().noCache() ? "" : " --no-cache") + (t.op().virtualName() != null ? "" : " --virtual " + group);
    if (!flags.isEmpty()) {
      edits.add(new Edit(addEnd, addEnd, flags, BuildDeps.CODE, "build packages in the group " + group, t.op().line()));
    }
    int removed = 0;
    for (ShellWord w : t.kept()) {
      int[] cut = Words.removal(text, w.offset(), Words.plainEnd(text, w));
      // a word starting its line takes the blanks after it, which the next word's removal would take again
      cut[0] = Math.max(cut[0], removed);
      removed = cut[1];
      edits.add(new Edit(cut[0], cut[1], "", BuildDeps.CODE, w.value() + " moved out of the group", t.op().line()));
    }
    PythonInstall last = t.installs().get(t.installs().size() - 1);
    int end = BuildDeps.installEnd(subject, last);
    edits.add(new Edit(end, end, " && apk del " + group, BuildDeps.CODE, "build packages deleted after the install", t.op().line()));
    out.addAll(edits);
    return true;
  }

  /**
   * Two shell-form RUNs with nothing between, no heredocs, no flags on the second, and a first
   * one whose last word is a plain word (not a comment, operator or continuation): joining them
   * with {@code \ && } runs the same commands.
   */
  private static boolean joinable(Subject subject, BuildDeps.Target t, Instruction first, Instruction next) {
    String text = subject.file().text();
    int end = Words.instructionEnd(first);
    String between = text.substring(end, Math.min(next.offset(), text.length()));
    if (!(between.equals("\n") || between.equals("\r\n")) || first.json() || next.json() || !first.heredocs().isEmpty()
        || !next.heredocs().isEmpty() || !next.flags().isEmpty() || !next.is("run") || first.rest().contains("#")) {
      return false;
    }
    Run run = t.stage().runs().stream().filter(r -> r.line() == first.line()).findFirst().orElse(null);
    if (run == null || !run.readable() || run.commands().isEmpty()) {
      return false;
    }
    for (ShellCommand c : run.commands()) {
      if (!c.words().isEmpty() && CARRIES_OVER.contains(c.words().get(0).value())) {
        return false;
      }
    }
    ShellCommand lastCommand = run.commands().get(run.commands().size() - 1);
    ShellWord lastWord = lastCommand.words().isEmpty() ? null : lastCommand.words().get(lastCommand.words().size() - 1);
    return lastWord != null && Words.plainEnd(text, lastWord) == end;
  }
}
