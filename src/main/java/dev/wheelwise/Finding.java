package dev.wheelwise;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One finding about an input file, made once by the analysis and only rendered by the report
 * formats (as hadolint's {@code CheckFailure}): the rule's code ({@code DL3013}, {@code WW1001},
 * {@code SC2086}), its severity after configuration, the message, where it points, and the fix
 * when the rule knows one exactly.
 */
public record Finding(String code, Severity severity, String message, SourceSpan span, Optional<String> fix) {

  /** hadolint's levels, most severe first; {@code NONE} is only a failure threshold (never fail). */
  public enum Severity {
    ERROR,
    WARNING,
    INFO,
    STYLE,
    NONE;

    /** The lower-case name hadolint's config and outputs use. */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** {@code error}, {@code warning}, {@code info}, {@code style} or {@code none}; empty otherwise. */
    public static Optional<Severity> parse(String text) {
      for (Severity s : values()) {
        if (s.label().equalsIgnoreCase(text == null ? "" : text.trim())) {
          return Optional.of(s);
        }
      }
      return Optional.empty();
    }

    /** Whether a finding of this severity reaches {@code threshold} (ERROR reaches WARNING). */
    public boolean atLeast(Severity threshold) {
      return threshold != NONE && this != NONE && ordinal() <= threshold.ordinal();
    }
  }

  public Finding {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(span, "span");
    Objects.requireNonNull(fix, "fix");
  }

  public Finding withSeverity(Severity other) {
    return new Finding(code, other, message, span, fix);
  }
}
