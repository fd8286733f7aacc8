package dev.wheelwise.lint.fix;

import dev.wheelwise.dockerfile.Instruction;
import dev.wheelwise.dockerfile.PythonInstall;
import dev.wheelwise.dockerfile.Run;
import dev.wheelwise.dockerfile.ShellCommand;
import dev.wheelwise.dockerfile.ShellWord;
import dev.wheelwise.lint.Subject;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * WW1003's same-layer rewrites (apk's virtual group, apt's purge) need the install in the RUN of
 * the package install: when it is in the RUN right after, with nothing between, the two RUNs are
 * joined with a continuation ({@code \ && }), so only lines of the two RUNs change.
 */
final class RunJoin {
  private RunJoin() {}

  /** Shell builtins whose effect would carry from the first RUN into the joined second one. */
  private static final Set<String> CARRIES_OVER = Set.of("cd", "export", "set", "source", ".", "umask", "unset", "shopt", "pushd");

  /**
   * The edits that put the package install and the last Python install in one RUN: none when
   * they already are; the join when the install is in the next RUN; empty when they cannot be
   * joined (another instruction between, heredocs, flags, a builtin carrying over, a trailing
   * comment).
   */
  static Optional<List<Edit>> plan(Subject subject, BuildDeps.Target t, String manager) {
    int opRun = t.op().instructionLine();
    int lastRun = t.installs().stream().mapToInt(PythonInstall::instructionLine).max().orElseThrow();
    if (lastRun == opRun) {
      return Optional.of(List.of());
    }
    String text = subject.file().text();
    Instruction first = subject.instructionAt(opRun).orElseThrow();
    Instruction next = subject.instructions().stream().filter(i -> i.line() > first.endLine()).findFirst().orElse(null);
    if (next == null || next.line() != lastRun || !joinable(subject, t, first, next)) {
      return Optional.empty();
    }
    int end = Words.instructionEnd(first);
    int rest = next.offset() + next.keyword().length();
    while (rest < text.length() && (text.charAt(rest) == ' ' || text.charAt(rest) == '\t')) {
      rest++;
    }
    return Optional.of(List.of(new Edit(end, rest, " " + subject.file().escape() + Words.lineEnding(text, first.offset()) + " && ",
        BuildDeps.CODE, "RUN at line " + next.line() + " joined to this one, so the build packages are " + manager
            + " in the layer that added them", t.op().line())));
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
