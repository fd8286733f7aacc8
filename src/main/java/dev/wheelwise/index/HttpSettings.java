package dev.wheelwise.index;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How the client talks HTTP. Defaults follow pip where pip has one (15 s timeout, a few
 * retries) and are bounded everywhere else.
 *
 * @param cacheDir the on-disk HTTP cache folder, or empty for no cache
 * @param cacheMaxBytes the cache's size bound
 * @param connectTimeout per connection attempt
 * @param readTimeout between two reads
 * @param callTimeout for a whole request including the body (a trickling server cannot hang us)
 * @param maxAttempts tries per request on 5xx or connection errors (1 = no retry)
 * @param backoff wait before the second try; doubled for each later one
 * @param maxBodyBytes a larger response is refused
 * @param parallelism requests in flight at once
 * @param deadline the whole run's bound ({@code --timeout}), {@link RunDeadline#NONE} by default
 */
public record HttpSettings(
    Optional<Path> cacheDir,
    long cacheMaxBytes,
    Duration connectTimeout,
    Duration readTimeout,
    Duration callTimeout,
    int maxAttempts,
    Duration backoff,
    long maxBodyBytes,
    int parallelism,
    RunDeadline deadline) {

  public HttpSettings {
    Objects.requireNonNull(cacheDir, "cacheDir");
    Objects.requireNonNull(deadline, "deadline");
    if (maxAttempts < 1 || parallelism < 1 || maxBodyBytes < 1) {
      throw new IllegalArgumentException("maxAttempts, parallelism and maxBodyBytes must be positive");
    }
  }

  /** The default bound on a response body ({@code --max-response-size} raises it). */
  public static final long DEFAULT_MAX_BODY_BYTES = 64L << 20;

  public static HttpSettings defaults(Optional<Path> cacheDir) {
    return new HttpSettings(
        cacheDir, 200L << 20, Duration.ofSeconds(15), Duration.ofSeconds(15), Duration.ofSeconds(60), 3,
        Duration.ofMillis(250), DEFAULT_MAX_BODY_BYTES, 16, RunDeadline.NONE);
  }

  public HttpSettings withCallTimeout(Duration d) {
    return new HttpSettings(cacheDir, cacheMaxBytes, connectTimeout, d, d, maxAttempts, backoff, maxBodyBytes, parallelism, deadline);
  }

  public HttpSettings withMaxBodyBytes(long bytes) {
    return new HttpSettings(cacheDir, cacheMaxBytes, connectTimeout, readTimeout, callTimeout, maxAttempts, backoff, bytes, parallelism, deadline);
  }

  public HttpSettings withBackoff(Duration d) {
    return new HttpSettings(cacheDir, cacheMaxBytes, connectTimeout, readTimeout, callTimeout, maxAttempts, d, maxBodyBytes, parallelism, deadline);
  }

  public HttpSettings withDeadline(RunDeadline d) {
    return new HttpSettings(cacheDir, cacheMaxBytes, connectTimeout, readTimeout, callTimeout, maxAttempts, backoff, maxBodyBytes, parallelism, d);
  }

  /**
   * The user cache folder for HTTP responses: {@code $XDG_CACHE_HOME/wheelwise/http}, else
   * {@code ~/.cache/wheelwise/http} (XDG base directory spec). Inputs passed in, never read here.
   */
  public static Path userCacheDir(java.util.Map<String, String> env, Path home) {
    String xdg = env.get("XDG_CACHE_HOME");
    Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg) : home.resolve(".cache");
    return base.resolve("wheelwise").resolve("http");
  }
}
