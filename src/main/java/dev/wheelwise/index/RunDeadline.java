package dev.wheelwise.index;

import java.time.Duration;
import java.util.Objects;

/**
 * The whole run's wall-time bound ({@code --timeout}): every request gets at most what is left
 * of it, and none starts once it has passed. The per-request bounds of {@link HttpSettings} keep
 * each request finite; only this keeps a run of many slow-but-steady requests finite.
 *
 * @param label the limit as the user wrote it ({@code 30s}), for the message
 * @param endNanos the {@link System#nanoTime} at which the run is over
 */
public record RunDeadline(String label, long endNanos) {

  /** No bound (the default). */
  public static final RunDeadline NONE = new RunDeadline("none", Long.MAX_VALUE);

  public RunDeadline {
    Objects.requireNonNull(label, "label");
  }

  /** A bound of {@code limit} from now. */
  public static RunDeadline startingNow(String label, Duration limit) {
    return new RunDeadline(label, System.nanoTime() + limit.toNanos());
  }

  public boolean bounded() {
    return endNanos != Long.MAX_VALUE;
  }

  /** Milliseconds left (0 or less once passed); {@link Long#MAX_VALUE} when unbounded. */
  long remainingMillis() {
    return bounded() ? Duration.ofNanos(endNanos - System.nanoTime()).toMillis() : Long.MAX_VALUE;
  }

  /** The error for a run stopped while fetching {@code url}. */
  RunTimeout exceeded(String url) {
    return new RunTimeout("the run exceeded --timeout " + label + " while fetching " + Redaction.redactUrl(url)
        + "; raise it with --timeout");
  }
}
