package dev.wheelwise.advise;

import dev.wheelwise.index.AsOf;
import dev.wheelwise.index.CoreMetadata;
import dev.wheelwise.index.DistFile;
import dev.wheelwise.index.FetchOutcome;
import dev.wheelwise.index.IndexClient;
import dev.wheelwise.index.IndexError;
import dev.wheelwise.index.ProjectPage;
import dev.wheelwise.index.ProjectSource;
import dev.wheelwise.index.Snapshot;
import dev.wheelwise.index.Source;
import dev.wheelwise.pep440.Version;
import dev.wheelwise.pep508.Names;
import dev.wheelwise.resolve.MetadataSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Package files from a live index ({@code --index-url}, usually an {@code index.FallbackSource}
 * with the snapshot behind it), asked once per project on first use. An index that answers
 * badly (5xx, a malformed page) does not stop the comparison: the project's files stay unknown
 * (so nothing is claimed for it) and {@link #errors} keeps the error for the caller to report.
 * A release's dependencies are read where pip reads them, from the core metadata of the file it
 * takes ({@link #metadata}); for a page the snapshot stood in for, they are the ones it recorded.
 */
public final class IndexFileSource implements FileSource, WheelSizes {

  private final ProjectSource index;
  private final Function<String, Optional<Map<String, Snapshot.VersionFacts>>> recorded;
  private final Optional<AsOf> asOf;
  private final IndexClient client;
  private final Map<String, CompletableFuture<MetadataSource.Metadata>> metadata = new HashMap<>();
  private final Map<String, Optional<ProjectPage>> pages = new HashMap<>();
  private final Map<String, Optional<Map<String, Snapshot.VersionFacts>>> facts = new HashMap<>();
  private final List<IndexError> errors = new ArrayList<>();

  /**
   * @param index where pages come from
   * @param client reads the metadata of the files on those pages
   * @param recorded the snapshot's facts of a project (its release dependencies and, for pages
   *     the snapshot stood in for, which releases it lists completely)
   * @param asOf {@code --as-of}, applied to every page
   */
  public IndexFileSource(ProjectSource index, IndexClient client,
      Function<String, Optional<Map<String, Snapshot.VersionFacts>>> recorded, Optional<AsOf> asOf) {
    this.index = Objects.requireNonNull(index, "index");
    this.client = Objects.requireNonNull(client, "client");
    this.recorded = Objects.requireNonNull(recorded, "recorded");
    this.asOf = Objects.requireNonNull(asOf, "asOf");
  }

  private synchronized Optional<ProjectPage> page(String canonicalName) {
    Optional<ProjectPage> page = pages.get(canonicalName);
    if (page == null) {
      try {
        page = index.project(canonicalName).map(p -> asOf.map(a -> a.filter(p)).orElse(p));
      } catch (IndexError e) {
        errors.add(e);
        page = Optional.empty();
      }
      pages.put(canonicalName, page);
    }
    return page;
  }

  /** Fetches the pages not yet read with the client's parallelism (pip reads them one by one). */
  @Override
  public void prefetch(Collection<String> canonicalNames) {
    List<String> missing;
    synchronized (this) {
      missing = canonicalNames.stream().distinct().filter(n -> !pages.containsKey(n)).toList();
    }
    if (missing.size() < 2) {
      return;
    }
    Map<String, FetchOutcome> fetched = index.projects(missing, event -> {});
    synchronized (this) {
      fetched.forEach((name, outcome) -> {
        outcome.error().ifPresent(errors::add);
        pages.putIfAbsent(name, outcome.page().map(p -> asOf.map(a -> a.filter(p)).orElse(p)));
      });
    }
  }

  /** Reads the metadata of these files side by side (the client's parallelism) into the run's memo. */
  @Override
  public void prefetchMetadata(Collection<CandidateFile> chosen) {
    List<CandidateFile> missing;
    synchronized (this) {
      missing = chosen.stream().filter(f -> !metadata.containsKey(key(f))).toList();
    }
    if (missing.size() >= 2) {
      client.inParallel(missing, this::metadata);
    }
  }

  private synchronized Map<String, Snapshot.VersionFacts> recorded(String canonicalName) {
    return facts.computeIfAbsent(canonicalName, recorded).orElse(null);
  }

  @Override
  public List<CandidateFile> files(String canonicalName) {
    List<CandidateFile> out = new ArrayList<>();
    page(canonicalName).ifPresent(p -> {
      for (DistFile f : p.files()) {
        CandidateFile.from(canonicalName, f).ifPresent(out::add);
      }
    });
    return out;
  }

  /** An index lists every file of a project; a snapshot page only what it recorded. */
  @Override
  public boolean complete(String canonicalName, Version version) {
    Optional<ProjectPage> page = page(canonicalName);
    if (page.isEmpty()) {
      return false;
    }
    return live(page.get()) || RecordedFacts.complete(recorded(canonicalName), version);
  }

  /** The live index answered for the project, from every location, and none lists it. */
  @Override
  public boolean absent(String canonicalName) {
    return page(canonicalName).isEmpty() && index.knowsAbsent(canonicalName) && errorsFor(canonicalName).isEmpty();
  }

  private synchronized List<IndexError> errorsFor(String canonicalName) {
    return errors.stream().filter(e -> e.url().contains("/" + canonicalName + "/")).toList();
  }

  /** Every page read so far came from the live index itself, and none failed. */
  @Override
  public synchronized boolean listsEveryFile() {
    return errors.isEmpty() && pages.values().stream().flatMap(Optional::stream).allMatch(IndexFileSource::live);
  }

  private static boolean live(ProjectPage page) {
    return page.sources().stream().allMatch(s -> s.kind() != Source.Kind.SNAPSHOT);
  }

  /**
   * What pip reads to learn the dependencies of the release it takes {@code chosen} from: that
   * file's core metadata, fetched when the resolver first visits the release and kept for the
   * run. A metadata file (PEP 658/714) when the index offers one, for an sdist too (pip 23.2.1
   * uses it for any file); else a wheel's own METADATA, read by byte ranges; an sdist without
   * one stays unknown, as pip would build it to learn them. A failed read (404, hash mismatch,
   * 5xx, metadata of another release) leaves the release unknown and is kept in {@link #errors}.
   */
  @Override
  public MetadataSource.Metadata metadata(CandidateFile chosen) {
    Optional<ProjectPage> page = page(chosen.name());
    if (page.isEmpty() || !live(page.get())) {
      return FileSource.super.metadata(chosen);
    }
    DistFile file = page.get().files().stream().filter(f -> f.filename().equals(chosen.filename())).findFirst()
        .orElseThrow(() -> new IllegalArgumentException(chosen.filename() + " is not on the page of " + chosen.name()));
    // One read per file, outside the lock, so prefetches of other files go on meanwhile.
    CompletableFuture<MetadataSource.Metadata> read;
    boolean mine = false;
    synchronized (this) {
      read = metadata.get(key(chosen));
      if (read == null) {
        read = new CompletableFuture<>();
        metadata.put(key(chosen), read);
        mine = true;
      }
    }
    if (mine) {
      try {
        read.complete(read(file, chosen));
      } catch (RuntimeException e) {
        read.completeExceptionally(e);
        throw e;
      }
    }
    return read.join();
  }

  private static String key(CandidateFile f) {
    return f.name() + "/" + f.filename();
  }

  private MetadataSource.Metadata read(DistFile file, CandidateFile chosen) {
    CoreMetadata meta;
    String from;
    try {
      if (file.coreMetadata().available()) {
        meta = client.metadata(file);
        from = file.filename() + ".metadata";
      } else if (file.isWheel()) {
        meta = client.wheelMetadata(file);
        from = file.filename();
      } else {
        return new MetadataSource.Unknown("the index offers no metadata file (PEP 658) for " + file.filename()
            + "; pip would build it to learn them, wheelwise does not build");
      }
      Version version = Version.tryParse(meta.version());
      if (!meta.name().isEmpty() && !Names.canonicalize(meta.name()).equals(chosen.name())
          || !meta.version().isEmpty() && (version == null || version.compareTo(chosen.version()) != 0)) {
        // pip discards such a candidate (MetadataInconsistent) and tries older ones; an index that
        // serves metadata of another release is answering badly, so nothing is claimed.
        throw new IndexError(file.url().orElse(file.filename()), "its metadata is of " + meta.name() + " " + meta.version()
            + ", not " + chosen.name() + " " + chosen.version());
      }
    } catch (IndexError e) {
      synchronized (this) {
        errors.add(e);
      }
      return new MetadataSource.Unknown("reading the metadata of " + file.filename() + " failed: " + e.reason());
    }
    return new MetadataSource.Known(meta.requiresDist(), meta.requiresPython(), from);
  }

  /**
   * Reads the installed size of each wheel listed by the live index (not a page the snapshot
   * stood in for) from its zip central directory, by byte ranges, all at once within the
   * client's parallelism. A wheel that cannot be read is left to the estimate: the failure is a
   * size note, not an error of the check.
   */
  @Override
  public Measured measure(Collection<CandidateFile> wheels) {
    Map<DistFile, String> files = new LinkedHashMap<>();
    for (CandidateFile wheel : wheels) {
      page(wheel.name()).filter(IndexFileSource::live).flatMap(p -> p.files().stream()
          .filter(f -> f.filename().equals(wheel.filename())).findFirst()).ifPresent(f -> files.put(f, wheel.filename()));
    }
    Map<String, Long> installed = new HashMap<>();
    List<IndexError> refused = new ArrayList<>();
    List<IndexError> failed = new ArrayList<>();
    client.installedSizes(files.keySet()).forEach((file, size) -> {
      size.bytes().ifPresent(b -> installed.put(files.get(file), b));
      size.failure().ifPresent(e -> (e.rangesRefused() ? refused : failed).add(e));
    });
    List<String> notes = new ArrayList<>();
    if (!refused.isEmpty()) {
      notes.add("the index does not answer byte ranges (" + refused.get(0).url() + "): " + refused.size()
          + " wheel(s) estimated from file size rather than downloaded to measure");
    }
    if (!failed.isEmpty()) {
      notes.add("reading the zip directory of " + failed.size() + " wheel(s) failed, first " + failed.get(0).getMessage());
    }
    if (files.size() < wheels.size()) {
      notes.add((wheels.size() - files.size()) + " wheel(s) not listed by the live index (the snapshot stood in): estimated from file size");
    }
    return new Measured(installed, notes);
  }

  /** The live index's own listing of this file (URL, hashes, size); empty for a page the snapshot stood in for. */
  public Optional<DistFile> liveFile(CandidateFile file) {
    return page(file.name()).filter(IndexFileSource::live)
        .flatMap(p -> p.files().stream().filter(f -> f.filename().equals(file.filename())).findFirst());
  }

  /** The client this source reads through. */
  public IndexClient client() {
    return client;
  }

  @Override
  public Optional<Dependencies> dependencies(String canonicalName, Version version) {
    return RecordedFacts.dependencies(recorded(canonicalName), version);
  }

  @Override
  public String describe() {
    return index.describe();
  }

  /** The bad answers met so far, in the order met. */
  public synchronized List<IndexError> errors() {
    return List.copyOf(errors);
  }
}
