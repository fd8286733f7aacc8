package dev.wheelwise.lint;

import dev.wheelwise.Finding;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Runs the rules on one file and applies the configuration once, as hadolint's
 * {@code Process.hs} does: which rules run, inline ignore pragmas, severity overrides. Findings
 * made elsewhere (ShellCheck's) go through the same filters.
 */
public final class Linter {
  private final List<Rule> rules;
  private final LintConfig config;
  private final boolean wheelRules;

  /**
   * @param wheelRules whether the wheel-aware rules run (they need check's result in the subject)
   */
  public Linter(List<Rule> rules, LintConfig config, boolean wheelRules) {
    this.rules = List.copyOf(rules);
    this.config = Objects.requireNonNull(config, "config");
    this.wheelRules = wheelRules;
  }

  /** The rules that will run under this configuration. */
  public List<Rule> active() {
    return rules.stream().filter(config::runs).filter(r -> wheelRules || !r.wheelAware()).toList();
  }

  public List<Finding> lint(Subject subject, List<Finding> external) {
    List<Finding> raw = new ArrayList<>(external);
    for (Rule rule : active()) {
      if (rule.wheelAware() && subject.wheels().isEmpty()) {
        continue;
      }
      Report report = new Report(rule, subject);
      rule.check(subject, report);
      raw.addAll(report.findings());
    }
    Pragmas pragmas = new Pragmas(subject.file());
    boolean obeyPragmas = !config.disableIgnorePragma().orElse(false);
    List<Finding> out = new ArrayList<>();
    for (Finding f : raw) {
      if (config.ignored().contains(f.code()) || (obeyPragmas && pragmas.ignores(f.code(), f.span().line()))) {
        continue;
      }
      out.add(f.withSeverity(config.severityOf(f.code(), f.severity())));
    }
    out.sort(Comparator.comparingInt((Finding f) -> f.span().line()).thenComparingInt(f -> f.span().column()).thenComparing(Finding::code));
    return out;
  }

  /** Exit 1 when a finding reaches the threshold (hadolint's {@code failure-threshold}). */
  public boolean fails(List<Finding> findings) {
    return findings.stream().anyMatch(f -> f.severity().atLeast(config.threshold()));
  }
}
