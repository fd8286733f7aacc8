package dev.wheelwise.lint;

import dev.wheelwise.Finding.Severity;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The lint settings, hadolint's plus ours: rules ignored, severities overridden, the severity
 * from which the exit code is 1 ({@code failure-threshold}; hadolint's default is {@code info}),
 * the registries FROM may use (DL3026, only when some are given), rules enabled that are off by
 * default (DL3008), and whether inline ignore pragmas are obeyed. One instance per source
 * (a flag set, pyproject.toml, .hadolint.yaml); {@link #over(LintConfig)} merges them.
 */
public record LintConfig(
    Set<String> ignored,
    Map<String, Severity> overrides,
    Optional<Severity> failureThreshold,
    Set<String> trustedRegistries,
    Set<String> enabled,
    Optional<Boolean> disableIgnorePragma,
    Optional<Boolean> noFail) {

  public static final LintConfig EMPTY =
      new LintConfig(Set.of(), Map.of(), Optional.empty(), Set.of(), Set.of(), Optional.empty(), Optional.empty());

  public LintConfig {
    ignored = Set.copyOf(ignored);
    overrides = Map.copyOf(overrides);
    trustedRegistries = Set.copyOf(trustedRegistries);
    enabled = Set.copyOf(enabled);
  }

  /**
   * This layer over a lower one: lists add up (as hadolint appends CLI ignores to the file's),
   * an override or a single value of this layer wins.
   */
  public LintConfig over(LintConfig lower) {
    Set<String> ign = new LinkedHashSet<>(lower.ignored);
    ign.addAll(ignored);
    Map<String, Severity> ov = new LinkedHashMap<>(lower.overrides);
    ov.putAll(overrides);
    Set<String> trusted = new LinkedHashSet<>(lower.trustedRegistries);
    trusted.addAll(trustedRegistries);
    Set<String> en = new LinkedHashSet<>(lower.enabled);
    en.addAll(enabled);
    return new LintConfig(ign, ov, failureThreshold.or(() -> lower.failureThreshold), trusted, en,
        disableIgnorePragma.or(() -> lower.disableIgnorePragma), noFail.or(() -> lower.noFail));
  }

  /** The threshold in force: hadolint's default {@code info}. */
  public Severity threshold() {
    return failureThreshold.orElse(Severity.INFO);
  }

  /** Whether {@code rule} runs: on by default or enabled, and not ignored. */
  public boolean runs(Rule rule) {
    return (rule.onByDefault() || enabled.contains(rule.code())) && !ignored.contains(rule.code());
  }

  /** The severity a finding of {@code code} gets. */
  public Severity severityOf(String code, Severity byDefault) {
    return overrides.getOrDefault(code, byDefault);
  }

  /** Builds a layer from the shape flags and both config files share. */
  public static LintConfig of(List<String> ignored, Map<Severity, List<String>> override, Optional<Severity> threshold,
      List<String> trusted, List<String> enabled, Optional<Boolean> disablePragma, Optional<Boolean> noFail) {
    Map<String, Severity> ov = new LinkedHashMap<>();
    // hadolint applies the levels in this order, so a code listed twice ends at the mildest
    for (Severity s : List.of(Severity.ERROR, Severity.WARNING, Severity.INFO, Severity.STYLE)) {
      for (String code : override.getOrDefault(s, List.of())) {
        ov.put(code, s);
      }
    }
    return new LintConfig(new LinkedHashSet<>(ignored), ov, threshold, new LinkedHashSet<>(trusted), new LinkedHashSet<>(enabled),
        disablePragma, noFail);
  }
}
