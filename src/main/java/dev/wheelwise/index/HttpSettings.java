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
    int parallelism) {

  public HttpSettings {
    Objects.requireNonNull(cacheDir, "cacheDir");
    if (maxAttempts < 1 || parallelism < 1 || maxBodyBytes < 1) {
      throw new IllegalArgumentException("maxAttempts, parallelism and maxBodyBytes must be positive");
    }
  }

  public static HttpSettings defaults(Optional<Path> cacheDir) {
    return new HttpSettings(
        cacheDir, 200L << 20, Duration.ofSeconds(15), Duration.ofSeconds(15), Duration.ofSeconds(60), 3,
        Duration.ofMillis(250), 64L << 20, 16);
  }

  public HttpSettings withCallTimeout(Duration d) {
    return new HttpSettings(cacheDir, cacheMaxBytes, connectTimeout, d, d, maxAttempts, backoff, maxBodyBytes, parallelism);
  }

  public HttpSettings withMaxBodyBytes(long bytes) {
    return new HttpSettings(cacheDir, cacheMaxBytes, connectTimeout, readTimeout, callTimeout, maxAttempts, backoff, bytes, parallelism);
  }

  public HttpSettings withBackoff(Duration d) {
    return new HttpSettings(cacheDir, cacheMaxBytes, connectTimeout, readTimeout, callTimeout, maxAttempts, d, maxBodyBytes, parallelism);
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
