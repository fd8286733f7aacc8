package dev.wheelwise.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * How an index is reached (a picocli {@code @Mixin}, inside {@link IndexOptions} and on
 * {@code check}, whose {@code -f} is the Dockerfile and so cannot take all of IndexOptions):
 * pip's isolation from its configuration, and the HTTP cache.
 */
public final class ConnectionOptions {

  @Option(names = "--isolated", description = "as pip --isolated: ignore PIP_*/UV_* variables and the user's pip.conf files (global and site files and PIP_CONFIG_FILE are still read, as pip reads them)")
  boolean isolated;

  @Option(names = "--no-cache", description = "do not use the on-disk HTTP cache")
  boolean noCache;

  @Option(names = "--cache-dir", paramLabel = "DIR", description = "HTTP cache folder (default: $XDG_CACHE_HOME/wheelwise/http)")
  Path cacheDir;
}
