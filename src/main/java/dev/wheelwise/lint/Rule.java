package dev.wheelwise.lint;

import dev.wheelwise.Finding.Severity;

/**
 * One lint rule (as hadolint's {@code Rule/DLxxxx.hs}): its code, default severity, a one-line
 * summary, the paragraph docs/rules.md shows, and a pure {@code check} that reads the parsed
 * Dockerfile ({@link Subject}) and reports to {@link Report}. Memory lives in local variables of
 * {@code check}, never in fields: one instance serves every file.
 */
public interface Rule {
  /** {@code DL3013} for hadolint's rules (so existing ignores keep working), {@code WWxxxx} for ours. */
  String code();

  Severity severity();

  String summary();

  /** Why, what it reports and what it accepts (Markdown, for docs/rules.md). */
  String description();

  /** Off-by-default rules run only when the configuration enables them (DL3008). */
  default boolean onByDefault() {
    return true;
  }

  /** Wheel-aware rules read check's plan for the base image ({@link Subject#wheels()}). */
  default boolean wheelAware() {
    return false;
  }

  void check(Subject subject, Report out);
}
