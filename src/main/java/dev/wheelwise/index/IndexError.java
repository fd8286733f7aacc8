package dev.wheelwise.index;

import java.util.Objects;

/**
 * An index could not be reached or answered badly: the (redacted) URL and what went wrong. The
 * CLI maps it to exit code 3. Checked, because every caller must decide what it still knows
 * when a page is missing.
 */
public final class IndexError extends Exception {

  private final String url;
  private final String reason;
  private boolean unreachable;
  private boolean rangesRefused;

  /**
   * @param url the URL asked for; redacted here, so no caller can leak credentials through it
   * @param reason what went wrong, in words a person can act on
   */
  public IndexError(String url, String reason) {
    super(Redaction.redactUrl(url) + ": " + reason);
    this.url = Redaction.redactUrl(url);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  public IndexError(String url, String reason, Throwable cause) {
    this(url, reason);
    initCause(cause);
  }

  /** The same error, marked as "could not connect at all" (the snapshot may stand in). */
  IndexError markUnreachable() {
    this.unreachable = true;
    return this;
  }

  /** True when no answer came at all (connection refused, DNS, timeout), not a bad answer. */
  public boolean unreachable() {
    return unreachable;
  }

  /** The same error, marked as "the server answered a byte range with the whole file". */
  IndexError markRangesRefused() {
    this.rangesRefused = true;
    return this;
  }

  /** True when the server does not honour byte ranges and the read was stopped rather than download the whole file. */
  public boolean rangesRefused() {
    return rangesRefused;
  }

  /** The redacted URL. */
  public String url() {
    return url;
  }

  public String reason() {
    return reason;
  }
}
