package dev.wheelwise.cli;

import dev.wheelwise.index.AsOf;
import dev.wheelwise.index.FallbackSource;
import dev.wheelwise.index.FetchOutcome;
import dev.wheelwise.index.HttpSettings;
import dev.wheelwise.index.IndexClient;
import dev.wheelwise.index.IndexSettings;
import dev.wheelwise.index.Netrc;
import dev.wheelwise.index.PipConfigLoader;
import dev.wheelwise.index.ProjectPage;
import dev.wheelwise.index.ProjectSource;
import dev.wheelwise.index.LazySnapshot;
import dev.wheelwise.index.SnapshotCodec;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns {@link IndexOptions} and the process environment into a {@link ProjectSource}: the live
 * indexes (with the snapshot behind them for when they cannot be reached), or the snapshot
 * alone with {@code --offline}. The only place that reads environment variables, the home
 * folder and the terminal for the index layer.
 */
final class IndexAccess implements AutoCloseable {
  private final IndexOptions options;
  private final PrintWriter err;
  private final Map<String, String> env;
  private final Path home;
  private IndexClient client;
  private LazySnapshot snapshot;

  IndexAccess(IndexOptions options, PrintWriter err) {
    this.options = options;
    this.err = err;
    this.env = options.connection.isolated ? Map.of() : System.getenv();
    this.home = Path.of(System.getProperty("user.home"));
  }

  /** The source to ask. */
  ProjectSource source() {
    if (options.offline) {
      return snapshot();
    }
    return new FallbackSource(client(), new SnapshotOnDemand(), line -> err.println(line));
  }

  /** The client of the live indexes (made once), which also reads the metadata of their files. */
  IndexClient client() {
    if (client == null) {
      Optional<Path> cache = options.connection.noCache ? Optional.empty()
          : Optional.of(options.connection.cacheDir != null ? options.connection.cacheDir : HttpSettings.userCacheDir(System.getenv(), home));
      client = new IndexClient(settings(), HttpSettings.defaults(cache), netrc());
    }
    return client;
  }

  /** Fetches projects with a progress bar on an interactive stderr. */
  Map<String, FetchOutcome> fetch(ProjectSource source, Collection<String> names) {
    try (Progress progress = Progress.forTerminal(err, options.quiet, names.size())) {
      return source.projects(names, progress::update);
    }
  }

  /** {@code --as-of} applied, or the page as is. */
  ProjectPage dated(ProjectPage page) {
    return asOf().map(a -> a.filter(page)).orElse(page);
  }

  Optional<AsOf> asOf() {
    return options.asOfDate().map(d -> new AsOf(d, snapshot().releaseDates()));
  }

  LazySnapshot snapshot() {
    if (snapshot == null) {
      try {
        byte[] bytes = options.snapshot != null ? Files.readAllBytes(options.snapshot)
            : SnapshotCodec.embeddedBytes().orElseThrow(() -> new UsageException("this build of wheelwise carries no snapshot"));
        snapshot = LazySnapshot.of(bytes);
      } catch (IOException e) {
        throw new UsageException("cannot read the snapshot: " + e.getMessage());
      }
    }
    return snapshot;
  }

  private IndexSettings settings() {
    IndexSettings base;
    try {
      base = options.connection.isolated ? IndexSettings.pypi() : new PipConfigLoader(env, home, Path.of("/")).load();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read pip configuration", e);
    }
    List<String> findLinks = new ArrayList<>(base.findLinks());
    findLinks.addAll(options.findLinks);
    List<String> extras = options.extraIndexUrls.isEmpty() ? base.extraIndexUrls() : options.extraIndexUrls;
    return new IndexSettings(options.indexUrl != null ? options.indexUrl : base.indexUrl(), extras, findLinks,
        options.noIndex || base.noIndex(), options.firstIndex() ? IndexSettings.Strategy.FIRST_INDEX : IndexSettings.Strategy.MERGE_ALL);
  }

  /** {@code $NETRC}, else {@code ~/.netrc}, as requests finds it; absent or unreadable means none. */
  private Netrc netrc() {
    if (options.connection.isolated) {
      return Netrc.EMPTY;
    }
    String configured = env.get("NETRC");
    Path file = configured != null ? Path.of(configured) : home.resolve(".netrc");
    try {
      return Files.isRegularFile(file) ? Netrc.parse(Files.readString(file)) : Netrc.EMPTY;
    } catch (IOException e) {
      return Netrc.EMPTY;
    }
  }

  /** The snapshot, read only if the index cannot be reached. */
  private final class SnapshotOnDemand implements ProjectSource {
    @Override
    public Optional<ProjectPage> project(String name) {
      return snapshot().project(name);
    }

    @Override
    public String describe() {
      return snapshot().source().toString();
    }
  }

  @Override
  public void close() {
    if (client != null) {
      client.close();
    }
  }
}
