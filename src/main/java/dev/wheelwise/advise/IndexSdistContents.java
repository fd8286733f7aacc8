package dev.wheelwise.advise;

import dev.wheelwise.cost.SdistClass;
import dev.wheelwise.cost.SdistClassCache;
import dev.wheelwise.index.DistFile;
import dev.wheelwise.index.SdistArchive;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads the sdists a plan builds from the live index: downloads each once (at most
 * {@code maxDownload} bytes, hash-checked), lists its members as a stream within the archive
 * limits, classifies it, and keeps the answer by sha256 under the cache folder
 * ({@code sdist-class/}). A download or archive that is refused leaves that sdist unknown with
 * the reason; the check goes on.
 */
public final class IndexSdistContents implements SdistContents {

  /** 20 MB: a pure-Python sdist is rarely above 1 MB; numpy's is about 20 MB. */
  public static final long DEFAULT_MAX_DOWNLOAD = 20_000_000L;

  private final IndexFileSource index;
  private final long maxDownload;
  private final SdistArchive.Limits limits;
  private final Optional<SdistClassCache> cache;
  private final Map<String, Optional<SdistClass>> seen = new HashMap<>();

  public IndexSdistContents(IndexFileSource index, long maxDownload, SdistArchive.Limits limits) {
    this.index = Objects.requireNonNull(index, "index");
    this.maxDownload = maxDownload;
    this.limits = Objects.requireNonNull(limits, "limits");
    this.cache = index.client().cacheDir().map(d -> new SdistClassCache(d.resolve("sdist-class")));
  }

  @Override
  public synchronized Optional<SdistClass> of(CandidateFile sdist) {
    return seen.computeIfAbsent(sdist.name() + "/" + sdist.filename(), k -> read(sdist));
  }

  private Optional<SdistClass> read(CandidateFile sdist) {
    Optional<DistFile> file = index.liveFile(sdist);
    if (file.isEmpty()) {
      return Optional.empty(); // not on the live index (the snapshot stood in): nothing to read
    }
    Optional<String> sha256 = Optional.ofNullable(file.get().hashes().get("sha256"));
    Optional<SdistClass> cached = sha256.flatMap(h -> cache.flatMap(c -> c.get(h)));
    if (cached.isPresent()) {
      return cached;
    }
    SdistReading.Outcome found = SdistReading.classify(index.client(), file.get(), maxDownload, limits);
    if (found.fromContents()) {
      sha256.ifPresent(h -> cache.ifPresent(c -> c.put(h, found.value())));
    }
    return Optional.of(found.value());
  }
}
