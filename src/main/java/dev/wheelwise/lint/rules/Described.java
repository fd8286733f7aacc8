package dev.wheelwise.lint.rules;

import dev.wheelwise.Finding.Severity;
import dev.wheelwise.lint.Rule;

/** A rule's metadata as data beside its check (checkstyle keeps MSG_KEY beside the check the same way). */
abstract class Described implements Rule {
  private final String code;
  private final Severity severity;
  private final String summary;
  private final String description;

  Described(String code, Severity severity, String summary, String description) {
    this.code = code;
    this.severity = severity;
    this.summary = summary;
    this.description = description;
  }

  @Override
  public final String code() {
    return code;
  }

  @Override
  public final Severity severity() {
    return severity;
  }

  @Override
  public final String summary() {
    return summary;
  }

  @Override
  public final String description() {
    return description;
  }
}
