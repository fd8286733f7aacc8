package dev.wheelwise.advise;

import dev.wheelwise.pep440.Version;
import dev.wheelwise.pep508.Names;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import dev.wheelwise.tags.BuildTag;
import dev.wheelwise.tags.Compatibility;
import dev.wheelwise.tags.InvalidWheelFilename;
import dev.wheelwise.tags.WheelFilename;

/**
 * Which file pip installs for one requirement on one target, following pip's
 * {@code PackageFinder} and resolver factory exactly (research notes §2.2):
 *
 * <ol>
 *   <li>link filter: a supported archive; wheels only when binaries are allowed, sdists only
 *       when source is; the wheel name parses, names the project and has a supported tag;
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

  public FileChooser(ChooserTarget target, FormatControl formats) {
    this.target = Objects.requireNonNull(target, "target");
    this.formats = Objects.requireNonNull(formats, "formats");
  }

  public ChooserTarget target() {
    return target;
  }

  public FormatControl formats() {
    return formats;
  }

  /** A file that passed the link filter, with what pip sorts it by. */
  private record Applicable(CandidateFile file, boolean wheel, int rank, Optional<BuildTag> build) {}

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
    Rejections why = new Rejections();
    List<Applicable> applicable = new ArrayList<>();
    for (CandidateFile file : files) {
      evaluate(name, file, why).ifPresent(applicable::add);
    }
    Set<Version> versions = new LinkedHashSet<>();
    applicable.forEach(a -> versions.add(a.file().version()));
    Set<Version> allowed = new java.util.HashSet<>(filter.apply(new ArrayList<>(versions)));
    List<Applicable> matching = new ArrayList<>();
    for (Applicable a : applicable) {
      if (allowed.contains(a.file().version())) {
        matching.add(a);
      } else {
        why.versionExcluded++;
      }
    }
    boolean allYanked = !matching.isEmpty() && matching.stream().allMatch(a -> a.file().yanked());
    List<Applicable> installable = new ArrayList<>();
    for (Applicable a : matching) {
      if (a.file().yanked() && !(allYanked && filter.pinned())) {
        why.yanked++;
      } else {
        installable.add(a);
      }
    }
    Optional<Applicable> best = installable.stream().max(sortKey());
    if (best.isEmpty()) {
      return new Choice.Nothing(explain(name, filter, files, why));
    }
    Applicable a = best.get();
    return a.wheel() ? new Choice.Wheel(a.file(), a.rank()) : new Choice.Sdist(a.file());
  }

  private Optional<Applicable> evaluate(String project, CandidateFile file, Rejections why) {
    if (!file.isSupportedArchive()) {
      why.unsupportedArchives++;
      return Optional.empty();
    }
    Applicable result;
    if (file.isWheel()) {
      why.wheels++;
      if (!formats.allowsBinary(project)) {
        why.binaryForbidden++;
        return Optional.empty();
      }
      WheelFilename parsed;
      try {
        parsed = WheelFilename.parse(file.filename(), target.profile());
      } catch (InvalidWheelFilename e) {
        why.badNames++;
        return Optional.empty();
      }
      if (!parsed.name().equals(project)) {
        why.badNames++;
        return Optional.empty();
      }
      Compatibility fit = target.tags().compatibility(parsed);
      if (fit instanceof Compatibility.Incompatible no) {
        why.untagged++;
        if (why.closest == null || no.reason().compareTo(why.closest.reason()) < 0) {
          why.closest = no;
        }
        return Optional.empty();
      }
      result = new Applicable(file, true, ((Compatibility.Compatible) fit).rank(), parsed.build());
    } else {
      why.sdists++;
      if (!formats.allowsSource(project)) {
        why.sourceForbidden++;
        return Optional.empty();
      }
      // pip gives an sdist the priority -len(supported tags): below every wheel.
      result = new Applicable(file, false, target.tags().ordered().size(), Optional.empty());
    }
    if (file.requiresPython().isPresent() && !target.requiresPythonAllows(file.requiresPython().get())) {
      why.requiresPython.add(file.requiresPython().get().trim());
      return Optional.empty();
    }
    return Optional.of(result);
  }

  /** pip's {@code CandidateEvaluator._sort_key}, as a comparator whose maximum is chosen. */
  private Comparator<Applicable> sortKey() {
    Comparator<Optional<BuildTag>> builds =
        (x, y) -> x.isEmpty() ? (y.isEmpty() ? 0 : -1) : (y.isEmpty() ? 1 : x.get().compareTo(y.get()));
    return Comparator.<Applicable>comparingInt(a -> a.file().yanked() ? 0 : 1)
        .thenComparingInt(a -> formats.preferBinary() && a.wheel() ? 1 : 0)
        .thenComparing(a -> a.file().version())
        .thenComparingInt(a -> -a.rank())
        .thenComparing(Applicable::build, builds);
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
      parts.add(why.badNames + " wheel name(s) that do not parse or name another project");
    }
    if (why.unsupportedArchives > 0) {
      parts.add(why.unsupportedArchives + " file(s) in archive formats pip cannot install");
    }
    return String.join(" and ", parts);
  }
}
