package dev.wheelwise.advise;

import dev.wheelwise.pep440.Version;
import dev.wheelwise.resolve.MetadataSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * A {@link FileSource} seen by the resolver for one target: per project, the versions that
 * have a file pip would install there (chosen by {@link FileChooser}, so tags, the files'
 * requires-python, yanking and format control apply exactly as for a pin), and per release the
 * core metadata of that file, as pip reads the metadata of the candidate it tries. Answers are
 * memoized for the life of one resolution.
 */
public final class ChosenFiles implements MetadataSource {

  private final FileSource source;
  private final FileChooser chooser;
  private final Map<String, List<CandidateFile>> files = new HashMap<>();
  private final Map<String, NavigableMap<Version, CandidateFile>> chosen = new HashMap<>();
  private final Map<String, NavigableMap<Version, String>> names = new HashMap<>();

  public ChosenFiles(FileSource source, FileChooser chooser) {
    this.source = source;
    this.chooser = chooser;
  }

  public List<CandidateFile> files(String name) {
    return files.computeIfAbsent(name, source::files);
  }

  @Override
  public boolean listed(String canonicalName) {
    return !files(canonicalName).isEmpty();
  }

  @Override
  public boolean absent(String canonicalName) {
    return files(canonicalName).isEmpty() && source.absent(canonicalName);
  }

  @Override
  public NavigableMap<Version, String> installable(String canonicalName) {
    return names.computeIfAbsent(canonicalName, n -> {
      NavigableMap<Version, String> out = new TreeMap<>();
      chosen(n).forEach((v, f) -> out.put(v, f.filename()));
      return java.util.Collections.unmodifiableNavigableMap(out);
    });
  }

  @Override
  public String whyNotInstallable(String canonicalName) {
    Choice c = chooser.choose(canonicalName, VersionFilter.any(), files(canonicalName));
    return c instanceof Choice.Nothing n ? n.reason() : c instanceof Choice.Unknown u ? u.reason() : "no installable file";
  }

  @Override
  public Metadata metadata(String canonicalName, Version version) {
    CandidateFile file = chosen(canonicalName).get(version);
    return file == null ? new Unknown("no file of " + canonicalName + " " + version + " is installable here") : source.metadata(file);
  }

  /** Per version, the file pip would install from it here (versions with none are left out). */
  private NavigableMap<Version, CandidateFile> chosen(String name) {
    return chosen.computeIfAbsent(name, n -> {
      Map<Version, List<CandidateFile>> byVersion = new LinkedHashMap<>();
      for (CandidateFile f : files(n)) {
        byVersion.computeIfAbsent(f.version(), v -> new ArrayList<>()).add(f);
      }
      // Every version on its own: the pre-release rule is the resolver's, over the versions kept here.
      UnaryOperator<List<Version>> all = vs -> vs;
      VersionFilter any = new VersionFilter("", false, Optional.empty(), all);
      NavigableMap<Version, CandidateFile> out = new TreeMap<>();
      byVersion.forEach((v, fs) -> {
        Choice c = chooser.choose(n, any, fs);
        if (c instanceof Choice.Wheel w) {
          out.put(v, w.file());
        } else if (c instanceof Choice.Sdist s) {
          out.put(v, s.file());
        }
      });
      return out;
    });
  }
}
