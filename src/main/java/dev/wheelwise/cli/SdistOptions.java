package dev.wheelwise.cli;

import dev.wheelwise.advise.IndexFileSource;
import dev.wheelwise.advise.IndexSdistContents;
import dev.wheelwise.advise.SdistContents;
import dev.wheelwise.index.SdistArchive;
import java.util.Optional;
import picocli.CommandLine.Option;

/** How much of an sdist check reads to tell pure Python from compiled (live index only). */
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

  /** The reader of a live index's sdists; offline, none (the planner guesses from wheels). */
  SdistContents contents(Optional<IndexFileSource> live) {
    if (maxDownload < 1 || maxMembers < 1 || maxUnpacked < 1) {
      throw new UsageException("--sdist-max-download, --sdist-max-members and --sdist-max-unpacked must be positive");
    }
    return live.<SdistContents>map(l -> new IndexSdistContents(l, maxDownload, new SdistArchive.Limits(maxMembers, maxUnpacked)))
        .orElse(SdistContents.NONE);
  }
}
