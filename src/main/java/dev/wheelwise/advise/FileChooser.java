package dev.wheelwise.advise;

import dev.wheelwise.pep440.Version;
import dev.wheelwise.pep508.Names;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import dev.wheelwise.tags.BuildTag;
import dev.wheelwise.tags.Compatibility;
import dev.wheelwise.tags.InvalidSdistFilename;
import dev.wheelwise.tags.InvalidWheelFilename;
import dev.wheelwise.tags.SdistFilename;
import dev.wheelwise.tags.WheelFilename;

/**
 * Which file pip installs for one requirement on one target, following pip's
 * {@code PackageFinder} and resolver factory exactly (research notes §2.2):
 *
 * <ol>
 *   <li>link filter: a supported archive; wheels only when binaries are allowed, sdists only
 *       when source is; the wheel name parses, names the project and has a supported tag; an
 *       sdist's name, when it splits, names the project;
 *       {@code requires-python} admits the target (an invalid one is ignored);
 *   <li>the requirement's specifier over the surviving versions (with PEP 440's pre-release
 *       rules, inside {@link VersionFilter});
 *   <li>PEP 592: yanked files only when every remaining file is yanked and the requirement pins
 *       with {@code ==}/{@code ===};
 *   <li>the best by {@code (not yanked, prefer-binary and wheel, version, -tag rank,
 *       build tag)}; an sdist ranks below every wheel of its version.
 * </ol>
 *
 * One chooser serves one target and one format control; it holds no mutable state.
 */
public final class FileChooser {

  private final ChooserTarget target;
  private final FormatControl formats;
  private final WheelNames.Parser wheelNames;

  public FileChooser(ChooserTarget target, FormatControl formats) {
    this(target, formats, new WheelNames());
  }

  /** @param wheelNames wheel names already parsed for other targets of the same check */
  FileChooser(ChooserTarget target, FormatControl formats, WheelNames wheelNames) {
    this.target = Objects.requireNonNull(target, "target");
    this.formats = Objects.requireNonNull(formats, "formats");
    this.wheelNames = wheelNames.of(target.profile());
  }

  public ChooserTarget target() {
    return target;
  }

  public FormatControl formats() {
    return formats;
  }

  /**
   * pip's verdict on one file for one project on this target: usable (with its tag rank, or
   * for an sdist none) or not, and why in words a person can act on. {@code wheelwise explain}
   * lists these; {@link #choose} decides from the same evaluation.
   */
  public record Verdict(CandidateFile file, boolean usable, OptionalInt rank, String why) {
    public Verdict {
      Objects.requireNonNull(file, "file");
      Objects.requireNonNull(rank, "rank");
      Objects.requireNonNull(why, "why");
    }
  }

  /** Which step of pip's link filter dropped a file. */
  private enum Drop { UNSUPPORTED_ARCHIVE, BINARY_FORBIDDEN, SOURCE_FORBIDDEN, BAD_NAME, UNTAGGED, REQUIRES_PYTHON }

  /**
   * One file through the link filter: {@code drop} empty when it passed, with what pip sorts
   * it by ({@code rank}: an sdist gets -len(supported tags), i.e. below every wheel).
   */
  private record Evaluation(CandidateFile file, boolean wheel, int rank, Optional<BuildTag> build,
      Optional<Drop> drop, String detail, Compatibility.Incompatible incompatible) {

    static Evaluation passed(CandidateFile file, boolean wheel, int rank, Optional<BuildTag> build) {
      return new Evaluation(file, wheel, rank, build, Optional.empty(), "", null);
    }

    static Evaluation dropped(CandidateFile file, Drop drop, String detail) {
      return new Evaluation(file, file.isWheel(), -1, Optional.empty(), Optional.of(drop), detail, null);
    }

    boolean applicable() {
      return drop.isEmpty();
    }
  }

  /** Why files were dropped, gathered for the reason of a {@link Choice.Nothing}. */
  private static final class Rejections {
    int wheels;
    int sdists;
    int unsupportedArchives;
    int binaryForbidden;
    int sourceForbidden;
    int badNames;
    int untagged;
    Compatibility.Incompatible closest;
    final Set<String> requiresPython = new LinkedHashSet<>();
    int versionExcluded;
    int yanked;

    void count(Evaluation e) {
      if (e.drop().equals(Optional.of(Drop.UNSUPPORTED_ARCHIVE))) {
        unsupportedArchives++;
        return;
      }
      if (e.wheel()) {
        wheels++;
      } else {
        sdists++;
      }
      if (e.drop().isEmpty()) {
        return;
      }
      switch (e.drop().get()) {
        case BINARY_FORBIDDEN -> binaryForbidden++;
        case SOURCE_FORBIDDEN -> sourceForbidden++;
        case BAD_NAME -> badNames++;
        case UNTAGGED -> {
          untagged++;
          if (e.incompatible() != null && (closest == null || e.incompatible().reason().compareTo(closest.reason()) < 0)) {
            closest = e.incompatible();
          }
        }
        case REQUIRES_PYTHON -> requiresPython.add(e.file().requiresPython().orElseThrow().trim());
        default -> throw new IllegalStateException(e.drop().get().toString());
      }
    }
  }

  /**
   * Chooses among {@code files} (any order, any versions) for the project {@code project}
   * under {@code filter}.
   */
  public Choice choose(String project, VersionFilter filter, List<CandidateFile> files) {
    String name = Names.canonicalize(project);
    if (files.isEmpty()) {
      return new Choice.Unknown("no files known for " + name + filter.text());
    }
    // Most files of a release do not fit a given image (other systems, architectures, Pythons);
    // why each does not is wanted only when nothing fits, so it is worked out only then.
    Choice quick = choose(name, filter, files, false);
    return quick != null ? quick : choose(name, filter, files, true);
  }

  /** The choice; when nothing fits, {@link Choice.Nothing} with the reason if {@code detailed}, else null. */
  private Choice choose(String name, VersionFilter filter, List<CandidateFile> files, boolean detailed) {
    Rejections why = new Rejections();
    List<Evaluation> applicable = new ArrayList<>();
    for (CandidateFile file : files) {
      Evaluation e = evaluate(name, file, detailed);
      why.count(e);
      if (e.applicable()) {
        applicable.add(e);
      }
    }
    Set<Version> versions = new LinkedHashSet<>();
    applicable.forEach(a -> versions.add(a.file().version()));
    Set<Version> allowed = new java.util.HashSet<>(filter.apply(new ArrayList<>(versions)));
    List<Evaluation> matching = new ArrayList<>();
    for (Evaluation a : applicable) {
      if (allowed.contains(a.file().version())) {
        matching.add(a);
      } else {
        why.versionExcluded++;
      }
    }
    boolean allYanked = !matching.isEmpty() && matching.stream().allMatch(a -> a.file().yanked());
    List<Evaluation> installable = new ArrayList<>();
    for (Evaluation a : matching) {
      if (a.file().yanked() && !(allYanked && filter.pinned())) {
        why.yanked++;
      } else {
        installable.add(a);
      }
    }
    Optional<Evaluation> best = installable.stream().max(sortKey());
    if (best.isEmpty()) {
      return detailed ? new Choice.Nothing(explain(name, filter, files, why)) : null;
    }
    Evaluation a = best.get();
    return a.wheel() ? new Choice.Wheel(a.file(), a.rank()) : new Choice.Sdist(a.file());
  }

  /** pip's link filter on one file of {@code project}, with the reason in words. */
  public Verdict judge(String project, CandidateFile file) {
    Evaluation e = evaluate(Names.canonicalize(project), file, true);
    if (e.applicable()) {
      String ignored = file.requiresPython().filter(rp -> !target.requiresPythonParses(rp))
          .map(rp -> " (its requires-python '" + rp + "' is invalid, so pip ignores it)").orElse("");
      return e.wheel()
          ? new Verdict(file, true, OptionalInt.of(e.rank()), "usable: tag rank " + e.rank() + ignored)
          : new Verdict(file, true, OptionalInt.empty(), "usable as source: pip would build it" + ignored);
    }
    String why = e.drop().get() == Drop.UNTAGGED
        ? e.incompatible().reason().words() + ": " + e.detail()
        : e.detail();
    return new Verdict(file, false, OptionalInt.empty(), why);
  }

  /** @param detailed whether an incompatible wheel's reason is worked out (else only that it is one) */
  private Evaluation evaluate(String project, CandidateFile file, boolean detailed) {
    if (!file.isSupportedArchive()) {
      return Evaluation.dropped(file, Drop.UNSUPPORTED_ARCHIVE, "not an archive format pip can install");
    }
    Evaluation result;
    if (file.isWheel()) {
      if (!formats.allowsBinary(project)) {
        return Evaluation.dropped(file, Drop.BINARY_FORBIDDEN, "--no-binary forbids this wheel");
      }
      WheelFilename parsed;
      try {
        parsed = wheelNames.parse(file.filename());
      } catch (InvalidWheelFilename e) {
        return Evaluation.dropped(file, Drop.BAD_NAME, "not a valid wheel name: " + e.plainMessage());
      }
      if (!parsed.name().equals(project)) {
        return Evaluation.dropped(file, Drop.BAD_NAME, "belongs to project " + parsed.name() + ", not " + project);
      }
      int rank = target.tags().bestRank(parsed.tags());
      if (rank < 0) {
        if (!detailed) {
          return new Evaluation(file, true, -1, Optional.empty(), Optional.of(Drop.UNTAGGED), "", null);
        }
        Compatibility.Incompatible no = (Compatibility.Incompatible) target.tags().compatibility(parsed);
        return new Evaluation(file, true, -1, Optional.empty(), Optional.of(Drop.UNTAGGED), no.detail(), no);
      }
      result = Evaluation.passed(file, true, rank, parsed.build());
    } else {
      if (!formats.allowsSource(project)) {
        return Evaluation.dropped(file, Drop.SOURCE_FORBIDDEN, "--only-binary forbids this sdist");
      }
      // pip reads an sdist's version after the project's name (a file named for another
      // project has none: "Missing project version"), and takes one named for a Python
      // (foo-1.0-py2.7.tar.gz) only on that Python.
      SdistFilename named;
      try {
        named = SdistFilename.parseForPip(file.filename(), project);
      } catch (InvalidSdistFilename e) {
        return Evaluation.dropped(file, Drop.BAD_NAME, e.plainMessage());
      }
      String python = target.python().releasePart(0) + "." + target.python().releasePart(1);
      if (named.python().isPresent() && !named.python().get().equals(python)) {
        return Evaluation.dropped(file, Drop.BAD_NAME, "named for Python " + named.python().get() + " (-py" + named.python().get()
            + "), so pip skips it on Python " + python);
      }
      // pip gives an sdist the priority -len(supported tags): below every wheel.
      result = Evaluation.passed(file, false, target.tags().ordered().size(), Optional.empty());
    }
    if (file.requiresPython().isPresent() && !target.requiresPythonAllows(file.requiresPython().get())) {
      return Evaluation.dropped(file, Drop.REQUIRES_PYTHON,
          "requires-python " + file.requiresPython().get() + " excludes Python " + target.python());
    }
    return result;
  }

  /** pip's {@code CandidateEvaluator._sort_key}, as a comparator whose maximum is chosen. */
  private Comparator<Evaluation> sortKey() {
    Comparator<Optional<BuildTag>> builds =
        (x, y) -> x.isEmpty() ? (y.isEmpty() ? 0 : -1) : (y.isEmpty() ? 1 : x.get().compareTo(y.get()));
    return Comparator.<Evaluation>comparingInt(a -> a.file().yanked() ? 0 : 1)
        .thenComparingInt(a -> formats.preferBinary() && a.wheel() ? 1 : 0)
        .thenComparing(a -> a.file().version())
        .thenComparingInt(a -> -a.rank())
        .thenComparing(Evaluation::build, builds);
  }

  private String explain(String project, VersionFilter filter, List<CandidateFile> files, Rejections why) {
    if (files.isEmpty()) {
      return "no files known for " + project + filter.text();
    }
    List<String> parts = new ArrayList<>();
    if (why.untagged > 0) {
      parts.add("no wheel for " + target.description() + " (of " + why.untagged + " wheel"
          + (why.untagged == 1 ? "" : "s") + ", the closest: " + why.closest.detail() + ")");
    } else if (why.wheels == 0) {
      parts.add("no wheels");
    }
    if (why.binaryForbidden > 0) {
      parts.add("--no-binary forbids its wheels");
    }
    if (why.sourceForbidden > 0) {
      parts.add("--only-binary forbids its sdist");
    } else if (why.sdists == 0) {
      parts.add("no sdist");
    }
    if (!why.requiresPython.isEmpty()) {
      parts.add("requires-python " + String.join(" / ", why.requiresPython) + " excludes Python " + target.python());
    }
    if (why.versionExcluded > 0) {
      parts.add("no release matching " + filter.text() + " among the installable files");
    }
    if (why.yanked > 0) {
      parts.add("only yanked files match");
    }
    if (why.badNames > 0) {
      parts.add(why.badNames + " file name(s) that do not parse or name another project or Python");
    }
    if (why.unsupportedArchives > 0) {
      parts.add(why.unsupportedArchives + " file(s) in archive formats pip cannot install");
    }
    return String.join(" and ", parts);
  }
}
