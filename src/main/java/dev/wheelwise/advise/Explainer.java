package dev.wheelwise.advise;

import dev.wheelwise.index.DistFile;
import dev.wheelwise.index.ProjectPage;
import dev.wheelwise.index.Yanked;
import dev.wheelwise.pep440.Version;
import dev.wheelwise.tags.PipFilenames;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * {@code wheelwise explain}: one release's files, pip's verdict on each and the file it would
 * take. The decision is {@link FileChooser}'s (the one implementation of research §2.2, the
 * same that {@code check} uses); this only picks which release to show and words the outcome.
 */
public final class Explainer {

  /** One file of the release and pip's verdict on it. */
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

  private final FileChooser chooser;

  public Explainer(FileChooser chooser) {
    this.chooser = Objects.requireNonNull(chooser, "chooser");
  }

  /** Explains {@code page} for a pinned version ({@code ==V}) or, when empty, the version pip would choose. */
  public Explanation explain(ProjectPage page, Optional<Version> pinned) {
    String project = page.name();
    List<DistFile> named = new ArrayList<>();
    List<CandidateFile> candidates = new ArrayList<>();
    List<FileVerdict> unparsable = new ArrayList<>();
    for (DistFile f : page.files()) {
      Optional<CandidateFile> c = CandidateFile.from(project, f);
      if (c.isPresent()) {
        named.add(f);
        candidates.add(c.get());
      } else {
        unparsable.add(new FileVerdict(f, Optional.empty(), false, OptionalInt.empty(), whyUnparsable(project, f.filename())));
      }
    }
    VersionFilter filter = pinned.map(VersionFilter::exactly).orElse(VersionFilter.any());
    Choice choice = chooser.choose(project, filter, candidates);
    Optional<CandidateFile> chosen = choice instanceof Choice.Wheel w ? Optional.of(w.file())
        : choice instanceof Choice.Sdist s ? Optional.of(s.file()) : Optional.empty();
    Version release;
    String summary;
    if (chosen.isPresent()) {
      release = chosen.get().version();
      CandidateFile c = chosen.get();
      String kind = choice instanceof Choice.Wheel w ? "wheel, tag rank " + w.tagRank() : "sdist: pip builds it from source";
      String yankNote = c.yanked() ? " (yanked; pip takes it only because the version is pinned with ==)" : "";
      summary = "pip would take " + c.filename() + " (" + kind + ")" + yankNote;
    } else if (pinned.isPresent()) {
      Set<Version> matched = new HashSet<>(filter.apply(candidates.stream().map(CandidateFile::version).distinct().toList()));
      if (matched.isEmpty()) {
        return new Explanation(project, Optional.of(pinned.get().toString()), List.of(), Optional.empty(),
            "no file of " + project + " " + pinned.get() + " was seen");
      }
      release = matched.stream().max(Comparator.naturalOrder()).orElseThrow();
      summary = "nothing of " + project + " " + release + " is installable here: " + reason(choice);
    } else {
      Optional<Version> newest = candidates.stream().map(CandidateFile::version).max(Comparator.naturalOrder());
      if (newest.isEmpty()) {
        return new Explanation(project, Optional.empty(), unparsable, Optional.empty(), "no wheel or sdist of " + project + " was seen");
      }
      release = newest.get();
      summary = "no release of " + project + " has a file pip can use here (" + reason(choice) + "); showing the newest, " + release;
    }
    List<FileVerdict> files = new ArrayList<>();
    for (int i = 0; i < candidates.size(); i++) {
      CandidateFile c = candidates.get(i);
      if (c.version().compareTo(release) == 0) {
        files.add(verdict(c, named.get(i)));
      }
    }
    Optional<DistFile> chosenFile = chosen.map(c -> named.get(candidates.indexOf(c)));
    return new Explanation(project, Optional.of(release.toString()), files, chosenFile, summary);
  }

  private FileVerdict verdict(CandidateFile c, DistFile f) {
    FileChooser.Verdict v = chooser.judge(c.name(), c);
    String why = v.why();
    if (v.usable() && f.yanked().isYanked()) {
      why += "; yanked" + f.yanked().reason().map(r -> " (" + r + ")").orElse("");
    } else if (f.yanked().state() == Yanked.State.UNKNOWN) {
      why += "; yanked status unknown";
    }
    return new FileVerdict(f, Optional.of(c.version().toString()), v.usable(), v.rank(), why);
  }

  private static String reason(Choice choice) {
    if (choice instanceof Choice.Nothing n) {
      return n.reason();
    }
    return choice instanceof Choice.Unknown u ? u.reason() : choice.install();
  }

  private static String whyUnparsable(String project, String filename) {
    return PipFilenames.whyNot(project, filename).orElse("not a file pip accepts");
  }
}
