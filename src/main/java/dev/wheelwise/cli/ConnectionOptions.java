package dev.wheelwise.cli;

import dev.wheelwise.index.HttpSettings;
import dev.wheelwise.index.RunDeadline;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Option;

/**
 * How an index is reached (a picocli {@code @Mixin}, inside {@link IndexOptions} and on
 * {@code check}, whose {@code -f} is the Dockerfile and so cannot take all of IndexOptions):
 * pip's isolation from its configuration, the HTTP cache, and the bounds of the run's requests.
 */
public final class ConnectionOptions {
  private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s|m|h)?");

  @Option(names = "--isolated", description = "as pip --isolated: ignore PIP_*/UV_* variables and the user's pip.conf files (global and site files and PIP_CONFIG_FILE are still read, as pip reads them)")
  boolean isolated;

  @Option(names = "--no-cache", description = "do not use the on-disk HTTP cache")
  boolean noCache;

  @Option(names = "--cache-dir", paramLabel = "DIR", description = "HTTP cache folder (default: $XDG_CACHE_HOME/wheelwise/http)")
  Path cacheDir;

  @Option(names = "--timeout", paramLabel = "DURATION",
      description = "stop the run (exit 3) if it is still fetching from an index this long after it started, e.g. 120s, 5m, 1h (default: none; each request is bounded on its own)")
  String timeout;

  @Option(names = "--max-response-size", paramLabel = "BYTES",
      description = "refuse an index answer larger than BYTES (default 67108864, 64 MiB)")
  long maxResponseSize = HttpSettings.DEFAULT_MAX_BODY_BYTES;

  private RunDeadline deadline;

  /** The run's bound, started on the first call (when the command opens its index access). */
  RunDeadline deadline() {
    if (deadline == null) {
      deadline = timeout == null ? RunDeadline.NONE : RunDeadline.startingNow(timeout, parseDuration(timeout));
    }
    return deadline;
  }

  /** The HTTP settings these options ask for, over {@code base}. */
  HttpSettings http(HttpSettings base) {
    if (maxResponseSize < 1) {
      throw new UsageException("--max-response-size takes a number of bytes of at least 1, got " + maxResponseSize);
    }
    return base.withMaxBodyBytes(maxResponseSize).withDeadline(deadline());
  }

  /** {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h}; a bare number is seconds. */
  static Duration parseDuration(String text) {
    Matcher m = DURATION.matcher(text.strip());
    if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
      throw new UsageException("--timeout expects a positive duration such as 500ms, 120s, 5m or 1h, got '" + text + "'");
    }
    long n = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "s" : m.group(2);
    return switch (unit) {
      case "ms" -> Duration.ofMillis(n);
      case "m" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      default -> Duration.ofSeconds(n);
    };
  }
}
