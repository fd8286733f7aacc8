package dev.wheelwise.report;

import dev.wheelwise.lint.Rule;
import java.util.List;

/** docs/rules.md, generated from the rules' own metadata (RulesDocTest fails when the file is stale). */
public final class RulesDoc {
  private RulesDoc() {}

  public static String render(List<Rule> rules) {
    StringBuilder out = new StringBuilder("# wheelwise lint rules\n\n");
    out.append("Generated from `dev.wheelwise.lint.Rules.ALL`; do not edit (rewrite with "
        + "`mvn -q test -Dtest=RulesDocTest -Dwheelwise.updateSnapshots=true`). DL codes are hadolint's, so existing "
        + "`# hadolint ignore=` comments and `.hadolint.yaml` settings keep working; WW codes are wheelwise's own; "
        + "ShellCheck's SCxxxx codes are reported when `shellcheck` is on PATH.\n\n");
    out.append("| Rule | Default severity | Summary |\n| --- | --- | --- |\n");
    for (Rule r : rules) {
      out.append("| [").append(r.code()).append("](#").append(r.code().toLowerCase()).append(") | ").append(r.severity().label())
          .append(r.onByDefault() ? "" : " (off by default)").append(r.wheelAware() ? " (wheel-aware)" : "").append(" | ")
          .append(r.summary()).append(" |\n");
    }
    for (Rule r : rules) {
      out.append("\n## ").append(r.code()).append("\n\n").append(r.summary()).append("\n\n").append(r.description()).append('\n');
    }
    return out.toString();
  }
}
