package dev.wheelwise.cli;

import dev.wheelwise.index.DistFile;
import dev.wheelwise.index.Snapshot;
import dev.wheelwise.index.SnapshotBuilder;
import dev.wheelwise.index.SnapshotCodec;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code wheelwise snapshot build|info}: make or describe a snapshot of index facts. */
@Command(name = "snapshot", mixinStandardHelpOptions = true,
    description = "Make or describe the snapshot of index facts used offline.",
    subcommands = {SnapshotCommand.Build.class, SnapshotCommand.Info.class})
final class SnapshotCommand implements Runnable {
  @Spec CommandSpec spec;

  @picocli.CommandLine.Mixin OutputOptions verbosity = new OutputOptions();

  @Override
  public void run() {
    throw new UsageException("snapshot needs a subcommand: build or info");
  }

  @Command(name = "build", mixinStandardHelpOptions = true,
      description = {"Build a snapshot from folders of lockfiles (uv.lock, poetry.lock, pdm.lock, pylock.toml),",
          "PEP 691 project pages and release-dates.tsv, and from local PEP 503 trees (--index file:///srv/mirror/simple).",
          "Example: wheelwise snapshot build --from ../shared/corpus/lockfiles --from ../shared/corpus/index-facts --out snapshot.json.gz"})
  static final class Build implements Callable<Integer> {
    @Option(names = "--from", paramLabel = "DIR", arity = "1..*", description = "input folders, read recursively")
    List<Path> from = new java.util.ArrayList<>();

    @Option(names = "--index", paramLabel = "URL|DIR", description = "a local PEP 503 tree (file:// URL or folder, as check takes it): every project in it (repeatable)")
    List<String> indexes = new java.util.ArrayList<>();

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "the snapshot to write (gzip'd JSON)")
    Path out;

    @Option(names = "--no-sdist-contents",
        description = "do not read the sdists of --index trees (by default each is read within the --sdist-max-* caps and classified: pure, compiled, unknown)")
    boolean noSdistContents;

    @picocli.CommandLine.Mixin SdistOptions sdistOptions = new SdistOptions();

    @Spec CommandSpec spec;

    @picocli.CommandLine.Mixin OutputOptions verbosity = new OutputOptions();

    @Override
    public Integer call() throws IOException, dev.wheelwise.index.IndexError {
      if (from.isEmpty() && indexes.isEmpty()) {
        throw new UsageException("snapshot build needs --from DIR or --index URL");
      }
      for (String index : indexes) {
        if (SnapshotBuilder.localTree(index).isEmpty()) {
          throw new UsageException("--index " + index + ": not a local folder (a file:// URL or a path to a PEP 503 tree); "
              + "a remote index lists no projects to walk");
        }
      }
      for (Path dir : from) {
        if (!Files.isDirectory(dir)) {
          throw new UsageException("--from " + dir + ": not a folder");
        }
      }
      SnapshotBuilder.Result r = SnapshotBuilder.build(from, indexes,
          noSdistContents ? Optional.empty() : Optional.of(sdistOptions.recorder()), today());
      Files.write(out, SnapshotCodec.write(r.snapshot()));
      PrintWriter err = spec.commandLine().getErr();
      PrintWriter notices = verbosity.notices(err);
      r.skipped().forEach(s -> notices.println("skipped: " + s));
      from.forEach(d -> verbosity.trace(err).println("verbose: input: --from " + d.toAbsolutePath()));
      indexes.forEach(i -> verbosity.trace(err).println("verbose: input: --index " + i));
      spec.commandLine().getOut().println("wrote " + out + ": " + summary(r.snapshot()));
      return Main.EXIT_OK;
    }
  }

  @Command(name = "info", mixinStandardHelpOptions = true, description = "Describe the embedded snapshot (or --file): date, coverage, inputs.")
  static final class Info implements Callable<Integer> {
    @Option(names = "--file", paramLabel = "FILE", description = "a snapshot file instead of the embedded one")
    Path file;

    @Spec CommandSpec spec;

    @picocli.CommandLine.Mixin OutputOptions verbosity = new OutputOptions();

    @Override
    public Integer call() throws IOException {
      Snapshot s;
      if (file != null) {
        try (InputStream in = Files.newInputStream(file)) {
          s = SnapshotCodec.read(in);
        }
      } else {
        s = SnapshotCodec.embedded().orElseThrow(() -> new UsageException("this build carries no snapshot"));
      }
      verbosity.trace(spec.commandLine().getErr()).println("verbose: snapshot: " + (file != null ? file.toAbsolutePath() : "embedded in this build"));
      PrintWriter out = spec.commandLine().getOut();
      out.println("snapshot " + s.date() + " (" + Snapshot.SCHEMA + ")");
      out.println("  " + summary(s));
      long files = s.fileCount();
      long sized = count(s, f -> f.size().isPresent());
      long timed = count(s, f -> f.uploadTime().isPresent());
      long hashed = count(s, f -> f.sha256().isPresent());
      out.printf("  files with size %d (%d%%), upload time %d (%d%%), sha256 %d (%d%%); yanked: not recorded by any input%n",
          sized, pct(sized, files), timed, pct(timed, files), hashed, pct(hashed, files));
      long complete = s.projects().values().stream().flatMap(m -> m.values().stream()).filter(Snapshot.VersionFacts::complete).count();
      out.println("  versions known to list every file: " + complete + " of " + s.versionCount()
          + "; other versions list only the files seen, so a missing file is 'not seen', not 'absent'");
      out.println("  release dates: " + s.releaseDates().values().stream().mapToInt(Map::size).sum() + " versions of " + s.releaseDates().size() + " projects");
      Map<String, Integer> kinds = new TreeMap<>();
      s.inputs().forEach(i -> kinds.merge(i.startsWith("index ") ? "PEP 503 tree" : i.substring(i.lastIndexOf('/') + 1).replaceAll("^pylock\\..*\\.toml$", "pylock.toml").replaceAll("^.*\\.json$", "PEP 691 page"), 1, Integer::sum));
      out.println("  inputs: " + kinds);
      out.flush();
      return Main.EXIT_OK;
    }

    private static long count(Snapshot s, java.util.function.Predicate<DistFile> p) {
      return s.projects().values().stream().flatMap(m -> m.values().stream()).flatMap(v -> v.files().stream()).filter(p).count();
    }

    private static long pct(long part, long whole) {
      return whole == 0 ? 0 : Math.round(100.0 * part / whole);
    }
  }

  static String summary(Snapshot s) {
    int sdists = s.sdistsRecorded();
    return s.projects().size() + " projects, " + s.versionCount() + " versions, " + s.fileCount() + " files from " + s.inputs().size() + " inputs"
        + (sdists > 0 ? ", " + sdists + " sdists classified" : "");
  }

  /**
   * The day sdist classifications are dated: {@code SOURCE_DATE_EPOCH} when set (reproducible
   * builds give the same bytes), else today in UTC.
   */
  static LocalDate today() {
    String epoch = System.getenv("SOURCE_DATE_EPOCH");
    if (epoch != null && epoch.matches("[0-9]{1,12}")) {
      return LocalDate.ofInstant(Instant.ofEpochSecond(Long.parseLong(epoch)), ZoneOffset.UTC);
    }
    return LocalDate.now(ZoneOffset.UTC);
  }
}
