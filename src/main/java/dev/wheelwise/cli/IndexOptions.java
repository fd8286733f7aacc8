package dev.wheelwise.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Where package facts come from (a picocli {@code @Mixin}): pip's index options, uv's
 * first-index rule, the snapshot ({@code --offline}) and {@code --as-of}. Flags beat
 * {@code PIP_*}/{@code UV_*} variables, which beat pip.conf, as in pip.
 */
public final class IndexOptions {

  @Option(names = {"-i", "--index-url"}, paramLabel = "URL", description = "base URL of the Simple API index (default: pip's configuration, else https://pypi.org/simple)")
  String indexUrl;

  @Option(names = "--extra-index-url", paramLabel = "URL", description = "another index to use as well (repeatable)")
  List<String> extraIndexUrls = new ArrayList<>();

  @Option(names = {"-f", "--find-links"}, paramLabel = "DIR|URL", description = "a folder of archives or an HTML page of links (repeatable)")
  List<String> findLinks = new ArrayList<>();

  @Option(names = "--no-index", description = "ignore indexes; only --find-links")
  boolean noIndex;

  @Option(names = "--index-strategy", paramLabel = "pip|first-index",
      description = "pip merges the files of every index (default); first-index takes the project from the first index that has it, as uv does")
  String strategy = "pip";

  @Option(names = "--offline", description = "use only the embedded snapshot of index facts")
  boolean offline;

  @Option(names = "--snapshot", paramLabel = "FILE", description = "a snapshot file to use instead of the embedded one")
  Path snapshot;

  @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", description = "only files uploaded by the end of that day (UTC)")
  String asOf;

  @Mixin ConnectionOptions connection = new ConnectionOptions();

  /** No progress bar even on a terminal (check and lint fetch in phases a bar would misstate). */
  boolean quiet;

  /** The command's --quiet/--verbose, set by the command (each declares its own {@link OutputOptions}). */
  OutputOptions verbosity = new OutputOptions();

  Optional<LocalDate> asOfDate() {
    return AsOfDate.parse(asOf);
  }

  boolean firstIndex() {
    if (strategy.equals("first-index")) {
      return true;
    }
    if (strategy.equals("pip")) {
      return false;
    }
    throw new UsageException("--index-strategy expects pip or first-index, got '" + strategy + "'");
  }
}
