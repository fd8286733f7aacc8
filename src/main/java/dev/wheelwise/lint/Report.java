package dev.wheelwise.lint;

import dev.wheelwise.Finding;
import dev.wheelwise.SourceSpan;
import dev.wheelwise.dockerfile.Instruction;
import dev.wheelwise.dockerfile.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Where one rule reports on one file; the code and default severity come from the rule. */
public final class Report {
  private final Rule rule;
  private final Subject subject;
  private final List<Finding> findings = new ArrayList<>();

  Report(Rule rule, Subject subject) {
    this.rule = rule;
    this.subject = subject;
  }

  /** A finding at {@code offset} of the file text, underlining {@code length} characters. */
  public void at(int offset, int length, String message, Optional<String> fix) {
    findings.add(new Finding(rule.code(), rule.severity(), message, subject.span(offset, length), fix));
  }

  public void at(int offset, int length, String message) {
    at(offset, length, message, Optional.empty());
  }

  /** A finding on an instruction's keyword. */
  public void at(Instruction instruction, String message) {
    at(instruction.offset(), instruction.keyword().length(), message, Optional.empty());
  }

  public void at(Instruction instruction, String message, Optional<String> fix) {
    at(instruction.offset(), instruction.keyword().length(), message, fix);
  }

  /** A finding at the start of a 1-based line. */
  public void atLine(int line, String message, Optional<String> fix) {
    findings.add(new Finding(rule.code(), rule.severity(), message, subject.lineSpan(line), fix));
  }

  /** A finding on a recognized command (its first word). */
  public void at(Step step, String message, Optional<String> fix) {
    SourceSpan line = subject.lineSpan(step.line());
    findings.add(new Finding(rule.code(), rule.severity(), message,
        new SourceSpan(line.source(), line.line(), step.column(), 1, line.lineText()), fix));
  }

  List<Finding> findings() {
    return List.copyOf(findings);
  }
}
