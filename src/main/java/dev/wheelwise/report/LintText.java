package dev.wheelwise.report;

import dev.wheelwise.Finding;
import dev.wheelwise.lint.LintResult;
import java.util.List;

/**
 * {@code lint --format tty}: one line per finding, {@code file:line:col CODE severity: message},
 * with the fix indented below; severities coloured only when asked (a terminal without
 * NO_COLOR; the command decides).
 */
public final class LintText {
  private LintText() {}

  public static String render(List<LintResult> results, boolean color) {
    StringBuilder out = new StringBuilder();
    for (LintResult r : results) {
      for (Finding f : r.findings()) {
        out.append(f.span().location()).append(' ').append(paint(f.code(), "1", color)).append(' ')
            .append(paint(f.severity().label(), colour(f.severity()), color)).append(": ").append(f.message()).append('\n');
        f.fix().ifPresent(x -> out.append("    fix: ").append(x).append('\n'));
      }
    }
    return out.toString();
  }

  private static String colour(Finding.Severity s) {
    return switch (s) {
      case ERROR -> "31";
      case WARNING -> "33";
      case INFO -> "36";
      default -> "37";
    };
  }

  private static String paint(String text, String sgr, boolean color) {
    return color ? "\u001b[" + sgr + "m" + text + "\u001b[0m" : text;
  }
}
