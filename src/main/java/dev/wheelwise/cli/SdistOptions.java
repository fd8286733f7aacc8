package dev.wheelwise.cli;

import dev.wheelwise.advise.IndexFileSource;
import dev.wheelwise.advise.IndexSdistContents;
import dev.wheelwise.advise.SdistContents;
import dev.wheelwise.advise.SdistReading;
import dev.wheelwise.index.RecordedSdist;
import dev.wheelwise.index.SdistArchive;
import java.util.Optional;
import picocli.CommandLine.Option;

/** How much of an sdist check (live index) and snapshot build (local index) read to tell pure Python from compiled. */
final class SdistOptions {

  @Option(names = "--sdist-max-download", paramLabel = "BYTES",
      description = "Download an sdist up to BYTES to read its member list (default 20000000).")
  long maxDownload = IndexSdistContents.DEFAULT_MAX_DOWNLOAD;

  @Option(names = "--sdist-max-members", paramLabel = "N",
      description = "Refuse an sdist with more than N members (default 50000).")
  long maxMembers = SdistArchive.Limits.DEFAULT.maxMembers();

  @Option(names = "--sdist-max-unpacked", paramLabel = "BYTES",
      description = "Refuse an sdist that unpacks to more than BYTES (default 1000000000).")
  long maxUnpacked = SdistArchive.Limits.DEFAULT.maxUnpackedBytes();

  /**
   * The reader of a live index's sdists, then what the snapshot recorded (for files the live
   * index does not list); offline, the snapshot's records alone. Without either the planner
   * guesses from the project's wheels.
   */
  SdistContents contents(Optional<IndexFileSource> live, SdistContents recorded) {
    SdistArchive.Limits limits = limits();
    return live.<SdistContents>map(l -> new IndexSdistContents(l, maxDownload, limits).or(recorded)).orElse(recorded);
  }

  /** How {@code snapshot build} reads the sdists of a local index: the same caps as check's. */
  RecordedSdist.Reader recorder() {
    return SdistReading.recorder(maxDownload, limits());
  }

  private SdistArchive.Limits limits() {
    if (maxDownload < 1 || maxMembers < 1 || maxUnpacked < 1) {
      throw new UsageException("--sdist-max-download, --sdist-max-members and --sdist-max-unpacked must be positive");
    }
    return new SdistArchive.Limits(maxMembers, maxUnpacked);
  }
}
