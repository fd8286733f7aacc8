package dev.wheelwise.lint;

import dev.wheelwise.Finding;
import java.util.List;
import java.util.Objects;

/** One linted file: its name as given ({@code -} for standard input) and its findings, in file order. */
public record LintResult(String source, List<Finding> findings) {
  public LintResult {
    Objects.requireNonNull(source, "source");
    findings = List.copyOf(findings);
  }
}
