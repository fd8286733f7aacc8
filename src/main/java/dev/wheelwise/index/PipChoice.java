package dev.wheelwise.index;

import dev.wheelwise.pep440.InvalidSpecifier;
import dev.wheelwise.pep440.PipProfile;
import dev.wheelwise.pep440.SpecifierSet;
import dev.wheelwise.pep440.Version;
import dev.wheelwise.tags.BuildTag;
import dev.wheelwise.tags.Compatibility;
import dev.wheelwise.tags.InvalidSdistFilename;
import dev.wheelwise.tags.InvalidWheelFilename;
import dev.wheelwise.tags.SdistFilename;
import dev.wheelwise.tags.SupportedTags;
import dev.wheelwise.tags.WheelFilename;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Which file of a project pip would take on a target, and why every other file was passed
 * over, following pip's {@code LinkEvaluator} and {@code CandidateEvaluator} (research §2.2):
 * links are filtered (archive kind, name, tags, Requires-Python), the highest version with a
 * usable file wins (version before tags), then within it the wheel with the best tag rank and
 * the higher build tag, the sdist only when no wheel fits. Yanked files (PEP 592) are skipped
 * unless the release is pinned with {@code ==} and nothing else is left.
 */
public final class PipChoice {

  /** One file and the verdict on it. */
  public record FileVerdict(DistFile file, Optional<String> version, boolean usable, OptionalInt rank, String why) {}

  /**
   * @param version the release looked at (the pin, or the one pip would pick), if any
   * @param files the verdict on every file of that release, in index order
   * @param chosen the file pip would take
   * @param summary one sentence on the choice (or why there is none)
   */
  public record Explanation(String project, Optional<String> version, List<FileVerdict> files, Optional<DistFile> chosen, String summary) {
    public Explanation {
      files = List.copyOf(files);
    }
  }

  private final SupportedTags tags;
  private final PipProfile profile;
  private final Version python;

  public PipChoice(SupportedTags tags, PipProfile profile) {
    this.tags = Objects.requireNonNull(tags, "tags");
    this.profile = Objects.requireNonNull(profile, "profile");
    this.python = Version.tryParse(tags.target().pythonFullVersion());
  }

  /** Explains {@code page} for a pinned version ({@code ==V}) or, when empty, the version pip would choose. */
  public Explanation explain(ProjectPage page, Optional<Version> pinned) {
    Map<Version, List<FileVerdict>> byVersion = new LinkedHashMap<>();
    List<FileVerdict> unparsable = new ArrayList<>();
    for (DistFile f : page.files()) {
      FileVerdict v = judge(page.name(), f);
      Version version = v.version().map(Version::tryParse).orElse(null);
      if (version == null) {
        unparsable.add(v);
      } else {
        byVersion.computeIfAbsent(version, k -> new ArrayList<>()).add(v);
      }
    }
    Version release;
    if (pinned.isPresent()) {
      release = byVersion.keySet().stream().filter(v -> v.equals(pinned.get())).findFirst().orElse(null);
      if (release == null) {
        return new Explanation(page.name(), Optional.of(pinned.get().toString()), List.of(), Optional.empty(),
            "no file of " + page.name() + " " + pinned.get() + " was seen");
      }
    } else {
      release = newestUsable(byVersion);
      if (release == null) {
        Version newest = byVersion.keySet().stream().max(Comparator.naturalOrder()).orElse(null);
        if (newest == null) {
          return new Explanation(page.name(), Optional.empty(), unparsable, Optional.empty(), "no wheel or sdist of " + page.name() + " was seen");
        }
        return new Explanation(page.name(), Optional.of(newest.toString()), byVersion.get(newest), Optional.empty(),
            "no release of " + page.name() + " has a file pip can use here; showing the newest, " + newest);
      }
    }
    List<FileVerdict> files = byVersion.get(release);
    List<FileVerdict> usable = files.stream().filter(FileVerdict::usable).toList();
    List<FileVerdict> notYanked = usable.stream().filter(f -> !f.file().yanked().isYanked()).toList();
    List<FileVerdict> pool = notYanked;
    String yankNote = "";
    if (pool.isEmpty() && pinned.isPresent() && !usable.isEmpty()) {
      pool = usable; // PEP 592: an exact pin may still install a yanked file
      yankNote = " (yanked; pip takes it only because the version is pinned with ==)";
    }
    if (pool.isEmpty()) {
      String why = usable.isEmpty() ? "no file of " + release + " is usable here" : "every usable file of " + release + " is yanked";
      return new Explanation(page.name(), Optional.of(release.toString()), files, Optional.empty(), why);
    }
    FileVerdict best = pool.stream().max(PipChoice::compare).orElseThrow();
    String kind = best.file().isWheel() ? "wheel, tag rank " + best.rank().getAsInt() : "sdist: pip builds it from source";
    return new Explanation(page.name(), Optional.of(release.toString()), files, Optional.of(best.file()),
        "pip would take " + best.file().filename() + " (" + kind + ")" + yankNote);
  }

  /** The newest version with a usable, non-yanked file; pre-releases only when there is nothing else. */
  private static Version newestUsable(Map<Version, List<FileVerdict>> byVersion) {
    Version bestFinal = null;
    Version bestPre = null;
    for (Map.Entry<Version, List<FileVerdict>> e : byVersion.entrySet()) {
      boolean ok = e.getValue().stream().anyMatch(f -> f.usable() && !f.file().yanked().isYanked());
      if (!ok) {
        continue;
      }
      if (e.getKey().isPrerelease()) {
        bestPre = bestPre == null || e.getKey().compareTo(bestPre) > 0 ? e.getKey() : bestPre;
      } else {
        bestFinal = bestFinal == null || e.getKey().compareTo(bestFinal) > 0 ? e.getKey() : bestFinal;
      }
    }
    return bestFinal != null ? bestFinal : bestPre;
  }

  /** pip's sort key within a version: wheels above sdists, lower tag rank, higher build tag. */
  private static int compare(FileVerdict a, FileVerdict b) {
    boolean aw = a.file().isWheel();
    boolean bw = b.file().isWheel();
    if (aw != bw) {
      return aw ? 1 : -1;
    }
    if (!aw) {
      return 0;
    }
    int byRank = Integer.compare(b.rank().getAsInt(), a.rank().getAsInt());
    if (byRank != 0) {
      return byRank;
    }
    // pip: no build tag is the empty tuple, below every build tag.
    Optional<BuildTag> ab = buildTag(a);
    Optional<BuildTag> bb = buildTag(b);
    if (ab.isPresent() != bb.isPresent()) {
      return ab.isPresent() ? 1 : -1;
    }
    return ab.isPresent() ? ab.get().compareTo(bb.get()) : 0;
  }

  private static Optional<BuildTag> buildTag(FileVerdict f) {
    try {
      return WheelFilename.parse(f.file().filename()).build();
    } catch (InvalidWheelFilename e) {
      return Optional.empty();
    }
  }

  private FileVerdict judge(String project, DistFile f) {
    String name;
    String version;
    OptionalInt rank = OptionalInt.empty();
    String why;
    boolean usable;
    if (f.isWheel()) {
      WheelFilename w;
      try {
        w = WheelFilename.parse(f.filename(), profile);
      } catch (InvalidWheelFilename e) {
        return new FileVerdict(f, Optional.empty(), false, rank, "not a valid wheel name: " + e.plainMessage());
      }
      name = w.name();
      version = w.version().toString();
      Compatibility c = tags.compatibility(w);
      if (c instanceof Compatibility.Compatible ok) {
        usable = true;
        rank = OptionalInt.of(ok.rank());
        why = "usable: tag rank " + ok.rank();
      } else {
        Compatibility.Incompatible no = (Compatibility.Incompatible) c;
        usable = false;
        why = reasonWords(no.reason()) + ": " + no.detail();
      }
    } else {
      SdistFilename s;
      try {
        s = SdistFilename.parse(f.filename());
      } catch (InvalidSdistFilename e) {
        return new FileVerdict(f, Optional.empty(), false, rank, "not a wheel or sdist pip accepts: " + e.plainMessage());
      }
      name = s.name();
      version = s.version().toString();
      usable = true;
      why = "usable as source: pip would build it";
    }
    if (!name.equals(project)) {
      return new FileVerdict(f, Optional.of(version), false, OptionalInt.empty(), "belongs to project " + name + ", not " + project);
    }
    if (usable && f.requiresPython().isPresent() && python != null) {
      try {
        SpecifierSet rp = SpecifierSet.parse(f.requiresPython().get(), profile);
        if (!rp.contains(python, profile, Optional.of(true))) {
          usable = false;
          why = "requires-python " + f.requiresPython().get() + " excludes Python " + python;
          rank = OptionalInt.empty();
        }
      } catch (InvalidSpecifier e) {
        why += " (its requires-python '" + f.requiresPython().get() + "' is invalid, so pip ignores it)";
      }
    }
    if (usable && f.yanked().isYanked()) {
      why += "; yanked" + f.yanked().reason().map(r -> " (" + r + ")").orElse("");
    } else if (f.yanked().state() == Yanked.State.UNKNOWN) {
      why += "; yanked status unknown";
    }
    return new FileVerdict(f, Optional.of(version), usable, rank, why);
  }

  private static String reasonWords(Compatibility.Reason r) {
    switch (r) {
      case GLIBC_TOO_NEW:
        return "glibc too new";
      case MUSL_TOO_NEW:
        return "musl too new";
      case PIP_TOO_OLD:
        return "pip too old for this tag";
      case GLIBC_WHEEL_ON_MUSL:
        return "glibc wheel on musl";
      case MUSL_WHEEL_ON_GLIBC:
        return "musl wheel on glibc";
      case ABI3_ON_FREE_THREADED:
        return "abi3 on free-threaded Python";
      case WRONG_ABI:
        return "wrong ABI";
      case WRONG_PYTHON:
        return "wrong Python";
      case WRONG_ARCH:
        return "wrong architecture";
      case OTHER_OS:
        return "other operating system";
      default:
        return "unsupported tag";
    }
  }
}
