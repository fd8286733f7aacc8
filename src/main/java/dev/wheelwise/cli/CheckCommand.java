package dev.wheelwise.cli;

import dev.wheelwise.LocalFiles;
import dev.wheelwise.ParseError;
import dev.wheelwise.advise.CandidateSearch;
import dev.wheelwise.advise.CheckInput;
import dev.wheelwise.advise.CheckResult;
import dev.wheelwise.advise.CheckService;
import dev.wheelwise.advise.FailOnPolicy;
import dev.wheelwise.advise.DockerfileInputs;
import dev.wheelwise.advise.FileSource;
import dev.wheelwise.advise.IndexFileSource;
import dev.wheelwise.advise.RecordedSdistContents;
import dev.wheelwise.index.IndexError;
import dev.wheelwise.advise.KnowledgeCosts;
import dev.wheelwise.advise.WheelSizes;
import dev.wheelwise.advise.ProjectFileInputs;
import dev.wheelwise.advise.RequirementInputs;
import dev.wheelwise.dockerfile.Dockerfile;
import dev.wheelwise.dockerfile.DockerfileModel;
import dev.wheelwise.project.PyprojectReader;
import dev.wheelwise.project.RequirementSet;
import dev.wheelwise.project.RequirementsFileReader;
import java.util.Map;
import dev.wheelwise.advise.FormatControl;
import dev.wheelwise.advise.LockedInputs;
import dev.wheelwise.image.Catalog;
import dev.wheelwise.image.Overlay;
import dev.wheelwise.image.Platform;
import dev.wheelwise.pep440.PipProfile;
import dev.wheelwise.pep440.Version;
import dev.wheelwise.project.GroupSelection;
import dev.wheelwise.project.LockedSet;
import dev.wheelwise.report.CheckHtml;
import dev.wheelwise.report.CheckJson;
import dev.wheelwise.report.CheckSarif;
import dev.wheelwise.report.CheckTable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code wheelwise check [PATH…]}: which base image should this project use, and what does each
 * choice cost. Thin: reads the options, loads the inputs and the images, calls
 * {@link CheckService}, renders, and maps {@code --fail-on} to the exit code.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
    description = "Compare base images for a project: which file pip installs for every package on each image, "
        + "what compiles, what it needs, what it costs, and which image to use.")
public final class CheckCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "PATH", arity = "0..*",
      description = "A folder (finds the Dockerfile and dependency files), a Dockerfile, or a dependency file (default: .).")
  List<Path> paths = new ArrayList<>();

  @Option(names = {"-f", "--file"}, paramLabel = "DOCKERFILE",
      description = "The Dockerfile, as docker build -f: PATH is then the build context (default: PATH/Dockerfile).")
  Path file;

  @Option(names = "--observations", paramLabel = "FILE",
      description = "Build timings to calibrate on besides the bundled ones (bench --record's TSV).")
  Path observations;

  @Option(names = "--show-config", description = "Print each option's value and where it came from (flag, WHEELWISE_* "
      + "variable, [tool.wheelwise] in pyproject.toml, default), then exit.")
  boolean showConfig;

  @Option(names = "--image", paramLabel = "REF", split = ",",
      description = "An image to compare (repeat). Default: every Python the project allows (narrowed by --python) on slim, full "
          + "and alpine, on the two newest Debian and Alpine releases, plus the Dockerfile's base image and its siblings.")
  List<String> images = new ArrayList<>();

  @Option(names = "--platform", paramLabel = "OS/ARCH", split = ",", description = "linux/amd64 or linux/arm64 (repeat; default linux/amd64).")
  List<String> platforms = new ArrayList<>();

  @Option(names = "--index-url", paramLabel = "URL", description = "The package index (default https://pypi.org/simple).")
  String indexUrl;

  @Option(names = "--extra-index-url", paramLabel = "URL", description = "More indexes (repeat).")
  List<String> extraIndexUrls = new ArrayList<>();

  @Option(names = "--find-links", paramLabel = "DIR|URL",
      description = "A folder of archives, an archive, or an HTML page of links, as pip's --find-links (repeat; -f is the Dockerfile here).")
  List<String> findLinks = new ArrayList<>();

  @Option(names = "--no-index", description = "Ignore indexes; only --find-links, as pip's --no-index.")
  boolean noIndex;

  @Option(names = "--offline", description = "Use only the snapshot (embedded, or --snapshot) and the files lockfiles list; never the network.")
  boolean offline;

  @Option(names = "--snapshot", paramLabel = "FILE",
      description = "A snapshot file (wheelwise snapshot build) instead of the embedded one; with its sdist classifications when built from an index.")
  Path snapshot;

  @Mixin ConnectionOptions connection = new ConnectionOptions();

  @Option(names = "--as-of", paramLabel = "DATE", description = "Only files uploaded by DATE, and the image records in force then (YYYY-MM-DD).")
  String asOf;

  @Option(names = "--prefer-binary", description = "As pip's --prefer-binary: any wheel before any sdist.")
  boolean preferBinary;

  @Option(names = "--pre", description = "As pip's --pre: pre-release and development versions are candidates too.")
  boolean pre;

  @Option(names = "--only-binary", paramLabel = "NAMES", description = "As pip's --only-binary (:all:, :none: or names; repeat).")
  List<String> onlyBinary = new ArrayList<>();

  @Option(names = "--no-binary", paramLabel = "NAMES", description = "As pip's --no-binary (:all:, :none: or names; repeat).")
  List<String> noBinary = new ArrayList<>();

  @Option(names = "--format", paramLabel = "FORMAT",
      description = "table, json, markdown, sarif (SARIF 2.1.0 for code scanning) or html (one self-contained page) (default table).")
  String format = "table";

  @Option(names = "--output", paramLabel = "FILE", description = "Write the report to FILE instead of standard output.")
  Path output;

  @Option(names = "--fail-on", paramLabel = "POLICY",
      description = "Exit 1 when an image under check (the --image ones, else the Dockerfile's base, else the recommended one) "
          + "has a source build or is unavailable, or its verdict is unknown: source-build, unavailable or never (default never).")
  String failOn = "never";

  @Option(names = "--extra", paramLabel = "NAME", description = "Install this extra of the project (repeat).")
  List<String> extras = new ArrayList<>();

  @Option(names = "--group", paramLabel = "NAME", description = "Install this dependency group (repeat).")
  List<String> groups = new ArrayList<>();

  @Option(names = "--python", paramLabel = "X.Y[.Z]",
      description = "Compare only this Python (X.Y); also the Python of an image the catalog knows none for (ubuntu:24.04), "
          + "or, with --libc, of one it cannot place (a private base).")
  String describedPython;

  @Option(names = "--libc", paramLabel = "LIBC", description = "glibc-X.Y or musl-1.Y of such an image (with --python).")
  String describedLibc;

  @Option(names = "--pip", paramLabel = "VERSION",
      description = "The pip that installs on every image, e.g. 23.2.1 when the Dockerfile pins it "
          + "(default: the image's recorded pip, else 26.1).")
  String pip;

  @Option(names = "--details", paramLabel = "WHICH",
      description = "Per-image detail for: chosen (the recommended image, the Dockerfile's base, the --image ones; default) or all.")
  String details = "chosen";

  @Option(names = "--overlay", paramLabel = "FILE", hidden = true, description = "The local image catalog overlay.")
  Path overlay;

  @picocli.CommandLine.Mixin
  SdistOptions sdistOptions = new SdistOptions();

  @Mixin OutputOptions verbosity = new OutputOptions();

  @Override
  public Integer call() throws ParseError, IOException {
    String renderer = format.toLowerCase(Locale.ROOT);
    if (!List.of("table", "json", "markdown", "sarif", "html").contains(renderer)) {
      throw new UsageException("--format: expected table, json, markdown, sarif or html, got '" + format + "'");
    }
    if (!details.equals("chosen") && !details.equals("all")) {
      throw new UsageException("--details: expected chosen or all, got '" + details + "'");
    }
    FailOnPolicy policy = FailOnPolicy.named(failOn).orElseThrow(
        () -> new UsageException("--fail-on: expected source-build, unavailable or never, got '" + failOn + "'"));
    try (IndexAccess access = new IndexAccess(indexOptions(), spec.commandLine().getErr())) {
      Checked checked = compute(access, spec.commandLine().getErr());
      render(checked.result().withProvenance(access.provenance()), renderer, checked.inUse());
      int code = exitCode(policy.judge(checked.result(), !images.isEmpty(), checked.inUse()));
      if (!checked.errors().isEmpty()) {
        // What is known was printed above; the projects the index answered badly for are unknown there.
        checked.errors().forEach(e -> spec.commandLine().getErr().println("error: " + e.getMessage()));
        spec.commandLine().getErr().flush();
        return Main.EXIT_INDEX;
      }
      return code;
    }
  }

  /**
   * What a check computed: the result, the images the project uses, the Dockerfile it read (for
   * bench, which rebuilds it), and the index errors met.
   */
  record Checked(CheckResult result, Set<String> inUse, Optional<ReadDockerfile> dockerfile, List<IndexError> errors) {}

  /** A Dockerfile as check read it: the parsed file, its model and its build context. */
  record ReadDockerfile(Dockerfile file, DockerfileModel model, Path context, Path path) {}

  /** The bundled cost knowledge, calibrated also on --observations when given. */
  private KnowledgeCosts costs() throws IOException {
    if (observations == null) {
      return KnowledgeCosts.load();
    }
    try {
      return KnowledgeCosts.load(dev.wheelwise.cost.RecordedObservations.modelWith(observations));
    } catch (java.nio.file.NoSuchFileException e) {
      throw new UsageException("--observations: no such file " + observations);
    } catch (IOException e) {
      throw new UsageException("--observations: " + e.getMessage());
    }
  }

  /** The docker context an unknown image is described on: bench's --context (check itself has none and follows DOCKER_HOST/DOCKER_CONTEXT). */
  Optional<String> engineContext = Optional.empty();

  /** The check itself, for {@code call} and for {@code bench}. */
  Checked compute(IndexAccess access, java.io.PrintWriter err) throws ParseError, IOException {
    Optional<LocalDate> date = date();
    FormatControl formats = FormatControl.DEFAULT.withPreferBinary(preferBinary).withPre(pre);
    Loaded loaded = loadInput(formats, date, access, err);
    CheckInput input = loaded.input();
    Catalog catalog = CatalogFiles.load(overlay != null ? overlay
        : Overlay.defaultPath(System.getenv(), Path.of(System.getProperty("user.home"))), verbosity.trace(err));
    List<Platform> wanted = Platform.parseAll(platforms);
    CandidateSearch.Outcome outcome = CandidateSearch.search(new CandidateSearch.Request(catalog, date, input.requiresPython(),
        loaded.baseImage(), images, wanted, describedPython(), describedLibc(), pipProfile(), EngineImages.describer(System.getenv(), engineContext, verbosity.notices(err))));
    if (outcome instanceof CandidateSearch.Unplaced unplaced) {
      throw new UsageException(unplaced.reason());
    }
    CandidateSearch.Placed placed = (CandidateSearch.Placed) outcome;
    CheckResult result = new CheckService(costs(), loaded.live().map(WheelSizes.class::cast),
        sdistOptions.contents(loaded.live(), new RecordedSdistContents(
            project -> access.snapshotRecordingSdists().flatMap(s -> s.versions(project)))), Optional.of(loaded.releases()))
        .check(loaded.index(), Optional.ofNullable(asOf), input, placed.candidates(),
            new CheckService.Shown(placed.inUse(), !images.isEmpty(), details.equals("all")));
    if (loaded.live().isPresent()) {
      // Pages are fetched while planning: only now is it known whether the snapshot stood in.
      result = result.withIndex(loaded.live().get().describe());
    }
    List<IndexError> errors = loaded.live().map(IndexFileSource::errors).orElse(List.of());
    return new Checked(result, placed.inUse(), loaded.dockerfile(), errors);
  }

  /** Writes the report. */
  private void render(CheckResult result, String renderer, Set<String> imagesInUse) throws IOException {
    String text = switch (renderer) {
      case "json" -> CheckJson.render(result);
      case "markdown" -> CheckTable.markdown(result);
      case "sarif" -> CheckSarif.render(result,
          new CheckSarif.Setting(VersionProvider.version(), Path.of("").toAbsolutePath(), imagesInUse, lineCounts(result)));
      case "html" -> CheckHtml.render(result);
      default -> CheckTable.text(result);
    };
    if (output != null) {
      Files.writeString(output, text, StandardCharsets.UTF_8);
    } else {
      spec.commandLine().getOut().print(text);
      spec.commandLine().getOut().flush();
    }
  }

  /** Exit 1 when the policy tripped, each trip named on standard error (the report stays parseable). */
  private int exitCode(FailOnPolicy.Outcome outcome) {
    if (!outcome.tripped()) {
      return Main.EXIT_OK;
    }
    outcome.trips().forEach(t -> spec.commandLine().getErr().println("policy --fail-on " + failOn + ": " + t));
    spec.commandLine().getErr().flush();
    return Main.EXIT_POLICY;
  }

  /** How many lines each input file has, for findings about a file as a whole. */
  private static Map<String, Integer> lineCounts(CheckResult result) throws IOException {
    Map<String, Integer> out = new java.util.HashMap<>();
    for (CheckInput.InputRef in : result.inputs()) {
      // Counted in bytes: the count does not depend on the file's encoding.
      byte[] bytes = LocalFiles.read(Path.of(in.path()));
      int lines = bytes.length > 0 && bytes[bytes.length - 1] != '\n' ? 1 : 0;
      for (byte b : bytes) {
        lines += b == '\n' ? 1 : 0;
      }
      out.put(in.path(), lines);
    }
    return out;
  }

  /** check's index flags in the shape the other index commands share. */
  IndexOptions indexOptions() {
    IndexOptions o = new IndexOptions();
    o.indexUrl = indexUrl;
    o.extraIndexUrls = extraIndexUrls;
    o.findLinks = findLinks;
    o.noIndex = noIndex;
    o.offline = offline;
    o.snapshot = snapshot;
    o.asOf = asOf;
    o.connection = connection;
    o.quiet = true;
    o.verbosity = verbosity;
    return o;
  }

  private String indexLabel() {
    return indexUrl != null ? indexUrl : "https://pypi.org/simple";
  }

  /**
   * The input, the Dockerfile's base image when the input is a Dockerfile, where files come
   * from, and the live index source when one is read.
   */
  private record Loaded(CheckInput input, Optional<String> baseImage, String index, Optional<IndexFileSource> live, FileSource releases,
      Optional<ReadDockerfile> dockerfile) {
    Loaded(CheckInput input, Optional<String> baseImage, String index, Optional<IndexFileSource> live, FileSource releases) {
      this(input, baseImage, index, live, releases, Optional.empty());
    }
  }

  private Loaded loadInput(FormatControl formats, Optional<LocalDate> date, IndexAccess access, java.io.PrintWriter err) throws ParseError, IOException {
    List<Path> given = paths.isEmpty() ? List.of(Path.of(".")) : paths;
    if (given.size() > 1) {
      throw new UsageException("check takes one PATH for now; got " + given.size());
    }
    Path path = given.get(0);
    if (!Files.exists(path)) {
      throw new UsageException(path + ": no such file or folder");
    }
    Path context = Files.isDirectory(path) ? path : Optional.ofNullable(path.toAbsolutePath().getParent()).orElse(Path.of("."));
    if (file != null) {
      if (!Files.isDirectory(path)) {
        throw new UsageException("-f/--file: PATH must be the build context folder, got the file " + path);
      }
      Path dockerfile = Files.exists(file) ? file : path.resolve(file);
      if (!Files.isRegularFile(dockerfile)) {
        throw new UsageException("-f/--file: no such Dockerfile " + file);
      }
      path = dockerfile;
      verbosity.trace(err).println("verbose: input: " + path + " (-f/--file; build context " + context + ")");
    } else if (Files.isDirectory(path)) {
      path = InputFiles.discover(path, verbosity.notices(err), verbosity.trace(err));
    } else {
      verbosity.trace(err).println("verbose: input: " + path + " (named on the command line)");
    }
    GroupSelection selection = new GroupSelection(Set.copyOf(extras), Set.copyOf(groups), false);
    String name = path.getFileName().toString();
    if (InputFiles.isLock(name)) {
      LockedSet lock = InputFiles.readLock(path);
      // The files come from the lock itself (inputs[].kind says which); the index is where it points.
      return new Loaded(LockedInputs.of(lock, selection, merge(access.configuredFormats(FormatControl.DEFAULT), formats), Optional.empty()), Optional.empty(),
          lock.packages().stream().filter(p -> p.source().kind() == dev.wheelwise.project.PackageSource.Kind.REGISTRY)
              .map(p -> p.source().location()).filter(l -> !l.isEmpty()).findFirst().orElse(indexLabel()), Optional.empty(),
          // Later releases of a blocking package are looked up in the snapshot, read only if one blocks.
          new LazySource(() -> access.snapshotSource(date)));
    }
    FileSource source = offline ? access.snapshotSource(date)
        : new IndexFileSource(access.source(), access.client(), project -> access.snapshot().versions(project), access.asOf());
    Optional<IndexFileSource> live = source instanceof IndexFileSource l ? Optional.of(l) : Optional.empty();
    if (file != null || InputFiles.isDockerfile(name)) {
      Dockerfile parsed = Dockerfile.parse(path.toString(), LocalFiles.read(path));
      DockerfileModel model = DockerfileModel.of(parsed, Map.of(), context);
      DockerfileInputs.Read read = DockerfileInputs.read(model, path, context, source);
      java.io.PrintWriter notices = verbosity.notices(err);
      read.notes().forEach(n -> notices.println("note: " + n));
      notices.flush();
      CheckInput input = read.input();
      // Command-line format options come after the Dockerfile's, as they would on pip's command line.
      CheckInput merged = new CheckInput(input.inputs(), input.requiresPython(), input.packages(),
          merge(input.formats(), formats), input.dockerfile());
      return new Loaded(merged, read.baseImage(), source.describe(), live, source, Optional.of(new ReadDockerfile(parsed, model, context, path)));
    }
    boolean pyproject = name.equals("pyproject.toml");
    RequirementSet set = pyproject ? PyprojectReader.read(path) : new RequirementsFileReader(Map.of()).read(path);
    // A pyproject.toml's selected extras and groups, and dependencies its backend reads from files.
    ProjectFileInputs.Read read = pyproject
        ? ProjectFileInputs.of(path, set, new GroupSelection(Set.copyOf(extras), Set.copyOf(groups), false))
        : ProjectFileInputs.Read.of(set.requirements().stream().map(r -> new RequirementInputs.Written(r.text(), r.origin())).toList());
    java.io.PrintWriter notices = verbosity.notices(err);
    read.notes().forEach(n -> notices.println("note: " + n));
    notices.flush();
    List<RequirementInputs.Written> written = read.written();
    List<String> unread = read.unread();
    // pip's configured format options come first: they are the defaults its command line and the file add to.
    FormatControl configured = access.configuredFormats(FormatControl.DEFAULT);
    FormatControl fileFormats = configured.withPreferBinary(configured.preferBinary() || set.options().preferBinary())
        .withPre(set.options().pre());
    for (String v : set.options().onlyBinary()) {
      fileFormats = fileFormats.withOnlyBinary(v);
    }
    for (String v : set.options().noBinary()) {
      fileFormats = fileFormats.withNoBinary(v);
    }
    FormatControl allFormats = merge(fileFormats, formats);
    List<CheckInput.InputRef> refs = new ArrayList<>(List.of(new CheckInput.InputRef(path.toString(), set.kind().toString())));
    refs.addAll(read.refs());
    CheckInput input = new CheckInput(refs, set.requiresPython(),
        image -> RequirementInputs.packagesOn(written, source, image, allFormats).withUnread(unread), allFormats, Optional.empty());
    return new Loaded(input, Optional.empty(), source.describe(), live, source);
  }

  private FormatControl merge(FormatControl first, FormatControl then) {
    FormatControl out = first.withPreferBinary(first.preferBinary() || then.preferBinary()).withPre(then.pre());
    for (String v : onlyBinary) {
      out = out.withOnlyBinary(v);
    }
    for (String v : noBinary) {
      out = out.withNoBinary(v);
    }
    return out;
  }

  /** A source made on first use. */
  private static final class LazySource implements FileSource {
    private final java.util.concurrent.Callable<FileSource> make;
    private FileSource made;

    LazySource(java.util.concurrent.Callable<FileSource> make) {
      this.make = make;
    }

    private FileSource source() {
      if (made == null) {
        try {
          made = make.call();
        } catch (Exception e) {
          throw new UsageException("cannot read the snapshot: " + e.getMessage());
        }
      }
      return made;
    }

    @Override
    public List<dev.wheelwise.advise.CandidateFile> files(String canonicalName) {
      return source().files(canonicalName);
    }

    @Override
    public boolean complete(String canonicalName, Version version) {
      return source().complete(canonicalName, version);
    }

    @Override
    public String describe() {
      return source().describe();
    }
  }

  /** The snapshot (--snapshot, else the embedded one), through --as-of (--offline). */

  private Optional<Version> describedPython() {
    if (describedPython == null) {
      return Optional.empty();
    }
    Version python = Version.tryParse(describedPython);
    if (python == null || python.release().size() < 2 || python.releasePart(0).intValue() != 3) {
      throw new UsageException("--python: expected a CPython 3 version X.Y or X.Y.Z such as 3.12, got '" + describedPython + "'");
    }
    return Optional.of(python);
  }

  private Optional<dev.wheelwise.tags.Libc> describedLibc() {
    if (describedLibc == null) {
      return Optional.empty();
    }
    return Optional.of(dev.wheelwise.tags.Libc.parse(describedLibc).orElseThrow(() ->
        new UsageException("--libc: expected glibc-X.Y or musl-1.Y (e.g. glibc-2.36, musl-1.2), got '" + describedLibc + "'")));
  }

  /** The profile of {@code --pip}, checked before any work. */
  private Optional<PipProfile> pipProfile() {
    if (pip == null) {
      return Optional.empty();
    }
    Version version = Version.tryParse(pip);
    if (version == null) {
      throw new UsageException("--pip expects a pip version such as 23.2.1 or 24.0, got '" + pip + "'");
    }
    return Optional.of(PipProfile.forPip(version));
  }

  private Optional<LocalDate> date() {
    return AsOfDate.parse(asOf);
  }
}
