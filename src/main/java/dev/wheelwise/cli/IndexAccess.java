package dev.wheelwise.cli;

import dev.wheelwise.LocalFiles;
import dev.wheelwise.index.AsOf;
import dev.wheelwise.index.FallbackSource;
import dev.wheelwise.index.FetchOutcome;
import dev.wheelwise.index.HttpSettings;
import dev.wheelwise.index.IndexClient;
import dev.wheelwise.index.IndexSettings;
import dev.wheelwise.index.Netrc;
import dev.wheelwise.index.IndexProvenance;
import dev.wheelwise.index.PipConfig;
import dev.wheelwise.index.PipConfigUse;
import dev.wheelwise.index.PipConfigLoader;
import dev.wheelwise.advise.FileSource;
import dev.wheelwise.advise.FormatControl;
import dev.wheelwise.index.ProjectPage;
import dev.wheelwise.index.ProjectSource;
import dev.wheelwise.index.LazySnapshot;
import dev.wheelwise.index.SnapshotCodec;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
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
  private byte[] snapshotBytes;
  private Boolean recordsSdists;
  private PipConfig pipConfig;

  IndexAccess(IndexOptions options, PrintWriter err) {
    this(options, err, orderedEnvironment());
  }

  /**
   * The process environment in its own order, as Python's {@code os.environ} has it (pip applies
   * {@code PIP_ONLY_BINARY} and {@code PIP_NO_BINARY} in that order); Java's map forgets it, so it
   * is read from {@code /proc/self/environ} where there is one.
   */
  static Map<String, String> orderedEnvironment() {
    Map<String, String> env = System.getenv();
    try {
      byte[] bytes = Files.readAllBytes(Path.of("/proc/self/environ"));
      Map<String, String> ordered = new java.util.LinkedHashMap<>();
      for (String entry : new String(bytes, java.nio.charset.StandardCharsets.UTF_8).split("\0")) {
        int eq = entry.indexOf('=');
        if (eq > 0 && env.containsKey(entry.substring(0, eq))) {
          ordered.putIfAbsent(entry.substring(0, eq), env.get(entry.substring(0, eq)));
        }
      }
      env.forEach(ordered::putIfAbsent);
      return ordered;
    } catch (IOException | RuntimeException e) {
      return env;
    }
  }

  IndexAccess(IndexOptions options, PrintWriter err, Map<String, String> env) {
    this.options = options;
    this.err = err;
    this.env = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(env));
    this.home = home(env);
    options.connection.deadline(); // the run's --timeout counts from here
  }

  /** {@code $HOME}, which pip's {@code expanduser} reads, else the account's home folder. */
  static Path home(Map<String, String> env) {
    String home = env.get("HOME");
    return home != null && !home.isBlank() ? Path.of(home) : Path.of(System.getProperty("user.home"));
  }

  /**
   * pip's configuration (files and {@code PIP_*} variables; with {@code --isolated}, what pip
   * --isolated still reads), read once. A file or variable pip would refuse is a usage error
   * naming it.
   */
  PipConfig pipConfig() {
    if (pipConfig == null) {
      try {
        pipConfig = new PipConfigLoader(env, home, Path.of("/"), PipConfigLoader.sitePrefix(env)).read(options.connection.isolated);
      } catch (IOException e) {
        throw new UsageException("cannot read pip configuration: " + e.getMessage());
      } catch (IllegalArgumentException e) {
        throw new UsageException("pip configuration: " + e.getMessage());
      }
    }
    return pipConfig;
  }

  /** {@code formats} after pip's configured {@code only-binary}/{@code no-binary}/{@code prefer-binary}/{@code pre}, which come first. */
  FormatControl configuredFormats(FormatControl formats) {
    PipConfig config = pipConfig();
    FormatControl out = formats.withPreferBinary(formats.preferBinary() || config.preferBinary()).withPre(config.pre());
    for (PipConfig.Format f : config.formats()) {
      out = f.onlyBinary() ? out.withOnlyBinary(f.value()) : out.withNoBinary(f.value());
    }
    return out;
  }

  /** The source to ask. */
  ProjectSource source() {
    if (options.offline) {
      return snapshot();
    }
    IndexClient live = client();
    trace("index: " + live.describe() + " (" + pipConfig().use().summary() + ")");
    PrintWriter notices = options.verbosity.notices(err);
    return new FallbackSource(live, new SnapshotOnDemand(), line -> notices.println(line));
  }

  /** The client of the live indexes (made once), which also reads the metadata of their files. */
  IndexClient client() {
    if (client == null) {
      Optional<Path> cache = options.connection.noCache ? Optional.empty()
          : Optional.of(options.connection.cacheDir != null ? options.connection.cacheDir : HttpSettings.userCacheDir(env, home));
      trace("HTTP cache: " + cache.map(Path::toString).orElse("none (--no-cache)"));
      PrintWriter trace = options.verbosity.trace(err);
      client = new IndexClient(settings(), options.connection.http(HttpSettings.defaults(cache)), netrc(),
          line -> trace.println("verbose: " + line));
    }
    return client;
  }

  /**
   * What this run read of pip's configuration, the locations that failed while others answered,
   * and the locations pip would have ignored with a warning.
   */
  IndexProvenance provenance() {
    PipConfigUse use = options.offline ? PipConfigUse.NONE : pipConfig().use();
    return client == null ? new IndexProvenance(use, List.of(), List.of())
        : new IndexProvenance(use, client.outages(), client.notices());
  }

  /** Fetches projects with a progress bar on an interactive stderr. */
  Map<String, FetchOutcome> fetch(ProjectSource source, Collection<String> names) {
    try (Progress progress = Progress.forTerminal(err, options.quiet || options.verbosity.quiet(), names.size())) {
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

  /** The snapshot's gzip'd bytes ({@code --snapshot}, else the embedded one), read once. */
  private byte[] snapshotBytes() {
    if (snapshotBytes == null) {
      try {
        snapshotBytes = options.snapshot != null ? Files.readAllBytes(options.snapshot)
            : SnapshotCodec.embeddedBytes().orElseThrow(() -> new UsageException("this build of wheelwise carries no snapshot"));
      } catch (java.nio.file.NoSuchFileException e) {
        throw new UsageException("--snapshot: no such file " + options.snapshot);
      } catch (IOException e) {
        throw new UsageException("cannot read the snapshot: " + e.getMessage());
      }
    }
    return snapshotBytes;
  }

  /**
   * The snapshot when it records sdist classifications (built from an index), else empty; only
   * its head is read to tell, so a run whose snapshot has none pays nothing for asking.
   */
  Optional<LazySnapshot> snapshotRecordingSdists() {
    if (recordsSdists == null) {
      try {
        recordsSdists = SnapshotCodec.sdistsRecorded(snapshotBytes()) > 0;
      } catch (IOException e) {
        throw new UsageException("cannot read the snapshot: " + e.getMessage());
      }
    }
    return recordsSdists ? Optional.of(snapshot()) : Optional.empty();
  }

  /**
   * The snapshot as the file source of an offline run, seen through {@code --as-of} {@code date};
   * the same snapshot (one read of its bytes) that the sdist records and release dates come from.
   */
  FileSource snapshotSource(Optional<LocalDate> date) {
    LazySnapshot read = snapshot();
    return FileSource.of(read, date.map(d -> new AsOf(d, read.releaseDates())));
  }

  LazySnapshot snapshot() {
    if (snapshot == null) {
      try {
        snapshot = LazySnapshot.of(snapshotBytes());
        trace("snapshot: " + (options.snapshot != null ? options.snapshot + ", " : "embedded, ") + snapshot.describe()
            + " (" + snapshot.projectCount() + " projects)");
      } catch (IOException e) {
        throw new UsageException("cannot read the snapshot: " + e.getMessage());
      }
    }
    return snapshot;
  }

  /**
   * The configuration, then the flags, as pip's option parser combines them: {@code --index-url}
   * replaces, {@code --extra-index-url} and {@code --find-links} add to the configured lists.
   */
  IndexSettings settings() {
    IndexSettings base = pipConfig().settings();
    List<String> findLinks = new ArrayList<>(base.findLinks());
    findLinks.addAll(options.findLinks);
    List<String> extras = new ArrayList<>(base.extraIndexUrls());
    extras.addAll(options.extraIndexUrls);
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
      return Files.isRegularFile(file) ? Netrc.parse(LocalFiles.readString(file)) : Netrc.EMPTY;
    } catch (LocalFiles.TooLarge e) {
      throw new UsageException(e.getMessage()); // not ignored: the run would go without its credentials
    } catch (IOException e) {
      return Netrc.EMPTY;
    }
  }

  /** A --verbose line on standard error. */
  private void trace(String line) {
    PrintWriter trace = options.verbosity.trace(err);
    trace.println("verbose: " + line);
    trace.flush();
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
