package dev.wheelwise.cli;

import dev.wheelwise.ParseError;
import dev.wheelwise.advise.CandidateSearch;
import dev.wheelwise.advise.CheckInput;
import dev.wheelwise.advise.CheckResult;
import dev.wheelwise.advise.CheckService;
import dev.wheelwise.advise.Choice;
import dev.wheelwise.advise.DockerfileInputs;
import dev.wheelwise.advise.FileSource;
import dev.wheelwise.advise.ImageCandidate;
import dev.wheelwise.advise.ImagePlan;
import dev.wheelwise.advise.IndexFileSource;
import dev.wheelwise.advise.KnowledgeCosts;
import dev.wheelwise.advise.RecordedSdistContents;
import dev.wheelwise.advise.WheelSizes;
import dev.wheelwise.dockerfile.DockerfileModel;
import dev.wheelwise.image.Catalog;
import dev.wheelwise.image.Overlay;
import dev.wheelwise.index.IndexError;
import dev.wheelwise.image.Platform;
import dev.wheelwise.lint.Wheels;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * check's index and image options on {@code lint} and {@code fix} (a picocli mixin), and the one
 * way both run check on a Dockerfile: the base image of the stage that installs Python packages
 * and its siblings, as {@code check DOCKERFILE} compares them.
 */
final class WheelCheckOptions {

  @Option(names = "--platform", paramLabel = "OS/ARCH", split = ",", description = "linux/amd64 or linux/arm64 (repeat; default linux/amd64).")
  List<String> platforms = new ArrayList<>();

  @Option(names = "--index-url", paramLabel = "URL", description = "The package index (default https://pypi.org/simple).")
  String indexUrl;

  @Option(names = "--extra-index-url", paramLabel = "URL", description = "More indexes (repeat).")
  List<String> extraIndexUrls = new ArrayList<>();

  @Option(names = "--offline", description = "Use only the embedded snapshot; never the network.")
  boolean offline;

  @Option(names = "--as-of", paramLabel = "DATE", description = "Only files uploaded by DATE, and the image records in force then (YYYY-MM-DD).")
  String asOf;

  @Mixin ConnectionOptions connection = new ConnectionOptions();

  @Option(names = "--overlay", paramLabel = "FILE", hidden = true, description = "The local image catalog overlay.")
  Path overlay;

  /** One index session for every file of a run. */
  Session open(PrintWriter err) {
    return open(err, new OutputOptions());
  }

  /** As above, with the command's --quiet/--verbose. */
  Session open(PrintWriter err, OutputOptions verbosity) {
    return new Session(err, verbosity);
  }

  final class Session implements AutoCloseable {
    private final IndexAccess access;
    private final Optional<LocalDate> date;
    private Catalog catalog;
    // read once per session, not per check: fix checks up to three times, lint once per file
    private final FileSource offlineSource;
    private KnowledgeCosts costs;

    private final PrintWriter trace;

    private Session(PrintWriter err, OutputOptions verbosity) {
      IndexOptions o = new IndexOptions();
      o.indexUrl = indexUrl;
      o.extraIndexUrls = extraIndexUrls;
      o.offline = offline;
      o.asOf = asOf;
      o.connection = connection;
      o.quiet = true;
      o.verbosity = verbosity;
      this.trace = verbosity.trace(err);
      this.access = new IndexAccess(o, err);
      this.date = AsOfDate.parse(asOf);
      // Read the snapshot (a ~9 MB array) before the caller parses any Dockerfile, as check does:
      // read later, it no longer fits the young generation's remaining space and costs lint an
      // extra collection, which made lint slower than check on the article's Dockerfile.
      this.offlineSource = offline ? access.snapshotSource(date) : null;
    }

    /**
     * check's answer for the Dockerfile: every image check compares, so the result carries check's
     * recommendation (fix switches to it and judges its edits by it). Throws {@link UsageException}
     * when the base image cannot be compared (a private image the catalog cannot place); index
     * failures propagate.
     */
    Wheels check(DockerfileModel model, Path dockerfile, Path context) throws ParseError, IOException, IndexError {
      return check(model, dockerfile, context, false);
    }

    /**
     * As {@link #check}, for lint's rules, which read the other images only to name one instead
     * of the base when pip builds from source there: an all-wheels image of the base's Python,
     * else check's recommendation. So the comparison grows only as far as a finding needs: the
     * images the Dockerfile uses; when a plan there builds from source (or fails), the slim images
     * of the same Python, then all of that Python's; when none of those is all wheels, every image
     * (dozens: most of check's time). A partial answer carries no recommendation, since none was made.
     */
    Wheels checkBase(DockerfileModel model, Path dockerfile, Path context) throws ParseError, IOException, IndexError {
      return check(model, dockerfile, context, true);
    }

    private Wheels check(DockerfileModel model, Path dockerfile, Path context, boolean baseFirst)
        throws ParseError, IOException, IndexError {
      FileSource source = offline ? offlineSource : new IndexFileSource(access.source(), access.client(),
          project -> access.snapshot().versions(project), access.asOf());
      Optional<IndexFileSource> live = source instanceof IndexFileSource l ? Optional.of(l) : Optional.empty();
      DockerfileInputs.Read read = DockerfileInputs.read(model, dockerfile, context, source);
      CheckInput input = read.input();
      if (catalog == null) {
        catalog = CatalogFiles.load(overlay != null ? overlay : Overlay.defaultPath(System.getenv(), Path.of(System.getProperty("user.home"))), trace);
      }
      List<Platform> wanted = Platform.parseAll(platforms);
      // The same search check DOCKERFILE makes, so SourceBuild's "use X instead" names check's recommendation.
      CandidateSearch.Outcome outcome = CandidateSearch.search(new CandidateSearch.Request(catalog, date, input.requiresPython(),
          read.baseImage(), List.of(), wanted, Optional.empty(), Optional.empty(), Optional.empty()));
      if (outcome instanceof CandidateSearch.Unplaced unplaced) {
        throw new UsageException(unplaced.reason());
      }
      CandidateSearch.Placed placed = (CandidateSearch.Placed) outcome;
      if (costs == null) {
        costs = KnowledgeCosts.load();
      }
      // As check builds it for a Dockerfile: the sdist classifications the snapshot recorded and the
      // source's other releases (blocking packages' upgrades, the likely-pure guess), so lint's
      // findings and fix's judgement rest on check's own answer. No sdist is downloaded here.
      CheckService service = new CheckService(costs, live.map(WheelSizes.class::cast),
          new RecordedSdistContents(project -> access.snapshotRecordingSdists().flatMap(s -> s.versions(project))), Optional.of(source));
      CheckService.Shown shown = new CheckService.Shown(placed.inUse(), false, false);
      if (baseFirst) {
        List<ImageCandidate> base = placed.candidates().stream().filter(c -> placed.inUse().contains(c.image())).toList();
        if (!base.isEmpty()) {
          CheckResult baseOnly = service.check(source.describe(), Optional.ofNullable(asOf), input, base, shown);
          throwFirstError(live);
          if (baseOnly.images().stream().noneMatch(Session::wantsComparison)) {
            return partial(baseOnly, placed, "no source build on " + String.join(", ", placed.inUse()));
          }
          Set<String> pythons = base.stream().map(c -> Wheels.minor(c.python())).collect(Collectors.toSet());
          List<ImageCandidate> samePython = placed.candidates().stream().filter(c -> pythons.contains(Wheels.minor(c.python()))).toList();
          // The slim images first: Wheels names a slim one before any other, so when one of them
          // installs from wheels the other images of that Python cannot change the answer.
          List<ImageCandidate> slim = samePython.stream().filter(c -> base.contains(c) || c.slim()).toList();
          int compared = base.size();
          for (List<ImageCandidate> step : List.of(slim, samePython)) {
            if (step.size() == compared || step.size() == placed.candidates().size()) {
              continue; // nothing new to compare, or the last step's comparison of every image
            }
            compared = step.size();
            CheckResult siblings = service.check(source.describe(), Optional.ofNullable(asOf), input, step, shown);
            throwFirstError(live);
            if (new Wheels(siblings, placed.inUse()).allWheelsOnBasePython(false).isPresent()) {
              return partial(siblings, placed, "an image of Python " + String.join(", ", pythons) + " installs every package from a wheel");
            }
          }
        }
      }
      CheckResult result = service.check(source.describe(), Optional.ofNullable(asOf), input, placed.candidates(), shown);
      throwFirstError(live);
      return new Wheels(result, placed.inUse());
    }

    /** A plan whose WW1001 names another image: pip builds from source there, or the build fails. */
    private static boolean wantsComparison(ImagePlan plan) {
      return plan.failure().isPresent() || plan.packages().stream().anyMatch(p -> p.choice() instanceof Choice.Sdist);
    }

    /** An answer from some of the images, said on --verbose. */
    private Wheels partial(CheckResult some, CandidateSearch.Placed placed, String because) {
      int compared = some.images().size(); // one plan per image and platform, as candidates are
      trace.println("verbose: lint: " + because + ", so " + (placed.candidates().size() - compared) + " of "
          + placed.candidates().size() + " image(s) were not compared");
      trace.flush();
      return new Wheels(withoutComparison(some), placed.inUse());
    }

    /** Plans from some of the images: not all were compared, so nothing is recommended or nearest. */
    private static CheckResult withoutComparison(CheckResult r) {
      return new CheckResult(r.index(), r.asOf(), r.inputs(), r.images(), Optional.empty(), r.remedies(), r.imageOrigin(),
          r.provenance(), r.matrix(), r.detailed(), Optional.empty());
    }

    private static void throwFirstError(Optional<IndexFileSource> live) throws IndexError {
      if (live.isPresent() && !live.get().errors().isEmpty()) {
        throw live.get().errors().get(0);
      }
    }

    @Override
    public void close() {
      access.close();
    }
  }
}
