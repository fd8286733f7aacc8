package dev.wheelwise.lint.fix;

import dev.wheelwise.Finding;
import dev.wheelwise.dockerfile.PackageOp;
import dev.wheelwise.dockerfile.PythonInstall;
import dev.wheelwise.dockerfile.ShellCommand;
import dev.wheelwise.dockerfile.ShellWord;
import dev.wheelwise.dockerfile.Stage;
import dev.wheelwise.dockerfile.Step;
import dev.wheelwise.lint.Subject;
import java.util.List;
import java.util.Optional;

/**
 * DL3042 and DL3019: the switch a finding names ({@code --no-cache-dir} for pip, {@code
 * --no-cache} for uv and apk) goes right after the word that names the command ({@code
 * install}, {@code sync}, {@code add}), so the rest of the line stays as written.
 */
final class CacheFlags {
  private CacheFlags() {}

  static void plan(Subject subject, List<Finding> findings, List<Edit> edits, List<Plan.Refusal> refused) {
    for (Stage stage : subject.model().stages()) {
      for (PythonInstall install : stage.pythonInstalls()) {
        String[] command = install.command().split(" ");
        finding(findings, "DL3042", install).ifPresent(f ->
            insertAfter(subject, install, command[command.length - 1], f, edits, refused));
      }
      for (PackageOp op : stage.packageOps()) {
        if (op.manager().equals("apk")) {
          finding(findings, "DL3019", op).ifPresent(f -> insertAfter(subject, op, "add", f, edits, refused));
        }
      }
    }
  }

  private static Optional<Finding> finding(List<Finding> findings, String code, Step step) {
    return findings.stream()
        .filter(f -> f.code().equals(code) && f.span().line() == step.line() && f.span().column() == step.column() && f.fix().isPresent())
        .findFirst();
  }

  private static void insertAfter(Subject subject, Step step, String verb, Finding finding, List<Edit> edits, List<Plan.Refusal> refused) {
    String text = subject.file().text();
    Optional<ShellCommand> command = Words.commandOf(subject, step);
    Optional<ShellWord> word = command.flatMap(c -> c.words().stream().filter(w -> w.value().equals(verb)).findFirst());
    int end = word.map(w -> Words.plainEnd(text, w)).orElse(-1);
    if (end < 0) {
      refused.add(new Plan.Refusal(finding.code(), step.line(), "could not place `" + finding.fix().get() + "` after `" + verb
          + "` in this command (written with quotes, escapes or variables)"));
      return;
    }
    String flag = finding.fix().get();
    edits.add(new Edit(end, end, " " + flag, finding.code(), "add " + flag));
  }
}
