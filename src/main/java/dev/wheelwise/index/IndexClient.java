package dev.wheelwise.index;

import dev.wheelwise.pep508.Names;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A client of Simple API indexes (PEP 503 HTML, PEP 691 JSON) and find-links locations,
 * combining them as pip does ({@link IndexSettings.Strategy#MERGE_ALL}) or as uv does
 * ({@link IndexSettings.Strategy#FIRST_INDEX}).
 */
public final class IndexClient implements ProjectSource, AutoCloseable {

  private final IndexSettings settings;
  private final HttpSettings http;
  private final HttpFetcher fetcher;
  private final List<IndexLocation> indexes;
  private final SimpleJsonTranslator json = new SimpleJsonTranslator();
  private final HtmlPageParser html = new HtmlPageParser();
  /** Installed sizes of the wheels whose METADATA was read from their directory, by URL: not read twice. */
  private final Map<String, Long> sizesSeen = new java.util.concurrent.ConcurrentHashMap<>();
  private final Outages outages = new Outages();

  public IndexClient(IndexSettings settings, HttpSettings http, Netrc netrc) {
    this(settings, http, netrc, line -> {});
  }

  /** As above, saying each HTTP request and whether the cache answered it on {@code requests} (--verbose). */
  public IndexClient(IndexSettings settings, HttpSettings http, Netrc netrc, java.util.function.Consumer<String> requests) {
    this.settings = settings;
    this.http = http;
    this.indexes = settings.locations();
    Map<String, Credentials> byHost = new LinkedHashMap<>();
    for (IndexLocation l : indexes) {
      l.credentials().ifPresent(c -> byHost.putIfAbsent(l.hostKey(), c));
    }
    for (String link : settings.findLinks()) {
      if (!FindLinks.isLocal(link)) {
        IndexLocation l = IndexLocation.parse(link);
        l.credentials().ifPresent(c -> byHost.putIfAbsent(l.hostKey(), c));
      }
    }
    this.fetcher = new HttpFetcher(http, byHost, netrc, requests);
  }

  @Override
  public String describe() {
    List<String> parts = new ArrayList<>();
    indexes.forEach(l -> parts.add(l.display()));
    settings.findLinks().forEach(l -> parts.add(Redaction.redactUrl(l)));
    return String.join(", ", parts);
  }

  /**
   * The project's files from every index and find-links location, merged as pip merges them.
   * A location that fails while another answers is skipped, as pip skips it (logging "Could not
   * fetch URL"), and recorded ({@link #outages}): the decision is pip's, and the report says
   * what it was made without. Only when no location answered is the first failure thrown.
   */
  @Override
  public Optional<ProjectPage> project(String name) throws IndexError {
    String canonical = Names.canonicalize(name);
    List<ProjectPage> pages = new ArrayList<>();
    List<String> failed = new ArrayList<>();
    IndexError firstError = null;
    boolean answered = false;
    for (IndexLocation index : indexes) {
      Optional<ProjectPage> page;
      try {
        if (settings.strategy() == IndexSettings.Strategy.FIRST_INDEX) {
          page = fromIndex(index, canonical); // uv stops at a failing index; so does this
        } else {
          Optional<IndexError> dead = outages.dead(index.display());
          if (dead.isPresent()) {
            throw dead.get();
          }
          page = fromIndex(index, canonical);
        }
      } catch (IndexError e) {
        if (settings.strategy() == IndexSettings.Strategy.FIRST_INDEX) {
          throw e;
        }
        outages.failed(index.display(), e);
        failed.add(index.display());
        firstError = firstError == null ? e : firstError;
        continue;
      }
      answered = true;
      if (page.isPresent()) {
        pages.add(page.get());
        if (settings.strategy() == IndexSettings.Strategy.FIRST_INDEX) {
          break;
        }
      }
    }
    for (String link : settings.findLinks()) {
      try {
        fromFindLinks(link, canonical).ifPresent(pages::add);
        answered = true;
      } catch (IndexError e) {
        outages.failed(Redaction.redactUrl(link), e);
        failed.add(Redaction.redactUrl(link));
        firstError = firstError == null ? e : firstError;
      }
    }
    if (!failed.isEmpty()) {
      if (!answered) {
        throw firstError;
      }
      outages.decidedWithout(canonical, failed);
    }
    return pages.isEmpty() ? Optional.empty() : Optional.of(merge(canonical, pages));
  }

  /** The locations that failed while others answered, with the projects decided without each. */
  public List<IndexOutage> outages() {
    return outages.list();
  }

  /** What pip would warn about and carry on past (a find-links location that does not exist). */
  public List<String> notices() {
    return outages.notices();
  }

  /** Every location answered for this project: an empty answer means no index or find-links location has it. */
  @Override
  public boolean knowsAbsent(String name) {
    return !outages.partial(Names.canonicalize(name));
  }

  /** Fetches many projects with at most {@code parallelism} requests in flight. */
  @Override
  public Map<String, FetchOutcome> projects(Collection<String> names, Consumer<FetchEvent> progress) {
    Set<String> unique = new LinkedHashSet<>();
    names.forEach(n -> unique.add(Names.canonicalize(n)));
    AtomicInteger done = new AtomicInteger();
    return inParallel(unique, n -> {
      FetchOutcome o;
      try {
        o = new FetchOutcome(n, project(n), Optional.empty());
      } catch (IndexError e) {
        o = new FetchOutcome(n, Optional.empty(), Optional.of(e));
      }
      progress.accept(new FetchEvent(n, done.incrementAndGet(), unique.size()));
      return o;
    });
  }

  /** {@code work} on each item with at most {@code parallelism} at a time; the answers in the items' order. */
  public <T, R> Map<T, R> inParallel(Collection<T> items, Function<T, R> work) {
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(http.parallelism(), Math.max(1, items.size())), r -> {
      Thread t = new Thread(r, "wheelwise-index");
      t.setDaemon(true);
      return t;
    });
    Map<T, Future<R>> futures = new LinkedHashMap<>();
    try {
      for (T item : items) {
        futures.put(item, pool.submit(() -> work.apply(item)));
      }
      Map<T, R> out = new LinkedHashMap<>();
      for (Map.Entry<T, Future<R>> e : futures.entrySet()) {
        try {
          out.put(e.getKey(), e.getValue().get());
        } catch (ExecutionException ex) {
          if (ex.getCause() instanceof RunTimeout timeout) {
            throw timeout;
          }
          throw new IllegalStateException("fetching " + e.getKey() + " failed unexpectedly", ex.getCause());
        } catch (InterruptedException ex) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while fetching " + e.getKey(), ex);
        }
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * The installed size of each wheel (its members' uncompressed sizes summed from its zip
   * central directory), read by byte ranges only, with at most {@code parallelism} wheels at a
   * time. A server that answers a range with the whole file is not downloaded from (the
   * failure says {@link IndexError#rangesRefused}); a directory above {@value #MAX_DIRECTORY}
   * bytes is refused unread, so one wheel costs at most that plus its 64 KiB tail. A wheel
   * whose METADATA this client read from the wheel itself is not read again. Sizes of
   * wheels whose sha256 the index gave are kept in the cache folder ({@code installed-size/}
   * beside the HTTP cache's files) and not read again.
   */
  public Map<DistFile, InstalledSize> installedSizes(Collection<DistFile> wheels) {
    return inParallel(new LinkedHashSet<>(wheels), this::installedSize);
  }

  /**
   * 16 MiB: the central directory of a 70,000-member wheel with 100-byte names is about 10 MB
   * (46 bytes a record plus name and extra fields); real wheels' directories are far smaller.
   */
  static final long MAX_DIRECTORY = 16L << 20;

  private InstalledSize installedSize(DistFile file) {
    Optional<String> sha256 = Optional.ofNullable(file.hashes().get("sha256"));
    Optional<InstalledSizeCache> cache = http.cacheDir().map(d -> new InstalledSizeCache(d.resolve("installed-size")));
    OptionalLong cached = sha256.flatMap(h -> cache.map(c -> c.get(h))).orElse(OptionalLong.empty());
    if (cached.isPresent()) {
      return InstalledSize.of(cached.getAsLong());
    }
    String url = file.url().orElse(file.filename());
    try {
      Long seen = sizesSeen.get(url);
      long bytes = seen != null ? seen : measure(file, url);
      sha256.ifPresent(h -> cache.ifPresent(c -> c.put(h, bytes)));
      return InstalledSize.of(bytes);
    } catch (IndexError e) {
      return InstalledSize.failed(e);
    } catch (java.io.IOException e) {
      return InstalledSize.failed(new IndexError(url, "cannot read the wheel: " + e.getMessage(), e));
    }
  }

  private long measure(DistFile file, String url) throws IndexError, java.io.IOException {
    if (file.url().isEmpty() || !file.isWheel()) {
      throw new IndexError(url, "not a wheel, so not measured");
    }
    if (FindLinks.isLocal(url)) {
      return WheelMetadata.readLocal(FindLinks.localPath(url)).installedBytes();
    }
    return ZipDirectory.installedBytes(
        ZipDirectory.read(new RangedFile(fetcher, url, file.hashes(), ZipDirectory.TAIL, true), url, MAX_DIRECTORY));
  }


  /**
   * The bytes of an sdist, to read its member list: at most {@code maxBytes} (a larger one is
   * refused, as its size on the page or its answer says), checked against the index's hash.
   *
   * @throws IndexError when it cannot be fetched, is larger than the cap or its hash differs
   */
  public byte[] sdistBytes(DistFile file, long maxBytes) throws IndexError {
    String url = file.url().orElseThrow(() -> new IndexError(file.filename(), "no URL for this file"));
    String cap = " (--sdist-max-download raises the cap of " + maxBytes + " bytes)";
    if (file.size().isPresent() && file.size().getAsLong() > maxBytes) {
      throw new IndexError(url, "the sdist is " + file.size().getAsLong() + " bytes, not downloaded" + cap);
    }
    byte[] body;
    if (url.startsWith("file:")) {
      try {
        Path path = Path.of(URI.create(url));
        if (java.nio.file.Files.size(path) > maxBytes) {
          throw new IndexError(url, "the sdist is larger than the cap, not read" + cap);
        }
        body = java.nio.file.Files.readAllBytes(path);
      } catch (java.io.IOException e) {
        throw new IndexError(url, "cannot read the sdist: " + e.getMessage(), e);
      }
    } else {
      HttpFetcher.Result r;
      try {
        r = fetcher.get(url, "*/*", maxBytes);
      } catch (IndexError e) {
        throw e.reason().contains("exceeds the limit") ? new IndexError(url, e.reason() + cap) : e;
      }
      if (r.code() == 404) {
        throw new IndexError(url, "HTTP 404: the sdist the page lists is missing");
      }
      body = r.body();
    }
    verify(body, file.hashes(), url);
    return body;
  }

  /** The on-disk cache folder of this client's runs, if any ({@code --cache-dir}; none with {@code --no-cache}). */
  public Optional<Path> cacheDir() {
    return http.cacheDir();
  }

  /**
   * The PEP 658 metadata of a file, checked against the hash the index gave (PEP 714:
   * {@code core-metadata}, else {@code dist-info-metadata}).
   *
   * @throws IndexError when the file has no metadata file, it cannot be fetched, or its hash differs
   */
  public CoreMetadata metadata(DistFile file) throws IndexError {
    String url = file.url().orElseThrow(() -> new IndexError(file.filename(), "no URL for this file"));
    if (!file.coreMetadata().available()) {
      throw new IndexError(url, "the index offers no metadata file for " + file.filename() + " (PEP 658)");
    }
    String metadataUrl = url + ".metadata";
    if (FindLinks.isLocal(metadataUrl)) {
      try {
        byte[] body = java.nio.file.Files.readAllBytes(FindLinks.localPath(metadataUrl));
        verify(body, file.coreMetadata().hashes(), metadataUrl);
        return CoreMetadata.parse(new String(body, StandardCharsets.UTF_8));
      } catch (java.io.IOException e) {
        throw new IndexError(metadataUrl, "metadata file announced but not readable: " + e.getMessage(), e);
      }
    }
    HttpFetcher.Result r = fetcher.get(metadataUrl, "*/*");
    if (r.code() == 404) {
      throw new IndexError(metadataUrl, "HTTP 404: metadata file announced but missing");
    }
    verify(r.body(), file.coreMetadata().hashes(), metadataUrl);
    return CoreMetadata.parse(new String(r.body(), StandardCharsets.UTF_8));
  }

  /**
   * The {@code METADATA} inside a wheel, which pip reads when the index offers no metadata file:
   * from the file itself for a local find-links folder, else by byte ranges of its URL (a
   * server that ignores ranges sends the whole wheel, bounded and hash-checked like any body).
   *
   * @throws IndexError when the wheel cannot be fetched or is not a readable wheel
   */
  public CoreMetadata wheelMetadata(DistFile file) throws IndexError {
    String url = file.url().orElseThrow(() -> new IndexError(file.filename(), "no URL for this file"));
    if (!file.isWheel()) {
      throw new IndexError(url, file.filename() + " is not a wheel; its metadata exists only once it is built");
    }
    if (FindLinks.isLocal(url)) {
      WheelMetadata.Read read = WheelMetadata.readLocal(FindLinks.localPath(url));
      sizesSeen.put(url, read.installedBytes());
      return read.metadata();
    }
    WheelMetadata.Read read = WheelMetadata.read(new RangedFile(fetcher, url, file.hashes(), ZipDirectory.TAIL, false), url);
    sizesSeen.put(url, read.installedBytes());
    return read.metadata();
  }

  static void verify(byte[] body, Map<String, String> hashes, String url) throws IndexError {
    for (String algorithm : List.of("sha256", "sha384", "sha512")) {
      String expected = hashes.get(algorithm);
      if (expected == null) {
        continue;
      }
      String actual;
      try {
        actual = HexFormat.of().formatHex(MessageDigest.getInstance(algorithm.toUpperCase().replace("SHA", "SHA-")).digest(body));
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("the JDK lacks " + algorithm, e);
      }
      if (!actual.equals(expected)) {
        throw new IndexError(url, algorithm + " mismatch: index says " + expected + ", file has " + actual);
      }
      return;
    }
    // No usable hash given: pip accepts the file unverified (metadata "true"); so do we.
  }

  private Optional<ProjectPage> fromIndex(IndexLocation index, String canonical) throws IndexError {
    String url = index.projectUrl(canonical);
    if (index.local()) {
      return FindLinks.indexPage(url, canonical, html, Source.index(index.display()));
    }
    HttpFetcher.Result r = fetcher.get(url, ContentTypes.ACCEPT);
    if (r.code() == 404) {
      return Optional.empty();
    }
    Source source = Source.index(index.display());
    switch (ContentTypes.of(r.contentType())) {
      case JSON:
        return Optional.of(json.translate(r.body(), r.url(), source, true));
      case HTML:
        return Optional.of(html.parse(r.body(), r.url(), canonical, source));
      default:
        throw new IndexError(url, "unexpected content type '" + r.contentType() + "' (expected PEP 691 JSON or PEP 503 HTML)");
    }
  }

  private Optional<ProjectPage> fromFindLinks(String link, String canonical) throws IndexError {
    Source source = Source.findLinks(link);
    List<DistFile> files;
    if (FindLinks.isLocal(link)) {
      Optional<List<DistFile>> local = FindLinks.local(link, canonical, html);
      if (local.isEmpty()) {
        outages.notice("Location '" + link + "' is ignored: it is either a non-existing path or lacks a specific scheme.");
        return Optional.empty();
      }
      files = local.get();
    } else {
      HttpFetcher.Result r = fetcher.get(Urls.withoutUserInfo(link), "text/html");
      if (r.code() == 404) {
        throw new IndexError(link, "HTTP 404 for a find-links page");
      }
      if (ContentTypes.of(r.contentType()) != ContentTypes.Kind.HTML) {
        throw new IndexError(link, "unexpected content type '" + r.contentType() + "' for a find-links page (expected HTML)");
      }
      files = FindLinks.filter(html.parse(r.body(), r.url(), canonical, source).files(), canonical);
    }
    return files.isEmpty() ? Optional.empty() : Optional.of(new ProjectPage(canonical, List.of(), files, List.of(source)));
  }

  /** pip's merge: all files are candidates; the first listing of a file name is kept. */
  static ProjectPage merge(String canonical, List<ProjectPage> pages) {
    if (pages.size() == 1) {
      return pages.get(0);
    }
    Set<String> versions = new LinkedHashSet<>();
    Map<String, DistFile> files = new LinkedHashMap<>();
    List<Source> sources = new ArrayList<>();
    for (ProjectPage p : pages) {
      versions.addAll(p.versions());
      p.files().forEach(f -> files.putIfAbsent(f.filename(), f));
      sources.addAll(p.sources());
    }
    return new ProjectPage(canonical, List.copyOf(versions), List.copyOf(files.values()), sources);
  }

  @Override
  public void close() {
    fetcher.close();
  }
}
