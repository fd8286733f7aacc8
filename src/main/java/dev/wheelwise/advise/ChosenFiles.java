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
 * dependencies the source recorded. Answers are memoized for the life of one resolution.
 */
public final class ChosenFiles implements MetadataSource {

  private final FileSource source;
  private final FileChooser chooser;
  private final Map<String, List<CandidateFile>> files = new HashMap<>();
  private final Map<String, NavigableMap<Version, Choice>> choices = new HashMap<>();
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
  public NavigableMap<Version, String> installable(String canonicalName) {
    return names.computeIfAbsent(canonicalName, n -> {
      NavigableMap<Version, String> out = new TreeMap<>();
      choices(n).forEach((v, c) -> out.put(v, c instanceof Choice.Wheel w ? w.file().filename()
          : ((Choice.Sdist) c).file().filename()));
      return java.util.Collections.unmodifiableNavigableMap(out);
    });
  }

  @Override
  public String whyNotInstallable(String canonicalName) {
    Choice c = chooser.choose(canonicalName, VersionFilter.any(), files(canonicalName));
    return c instanceof Choice.Nothing n ? n.reason() : c instanceof Choice.Unknown u ? u.reason() : "no installable file";
  }

  @Override
  public Optional<Dependencies> dependencies(String canonicalName, Version version) {
    return source.dependencies(canonicalName, version).map(d -> new Dependencies(d.requirements(), d.from()));
  }

  private NavigableMap<Version, Choice> choices(String name) {
    return choices.computeIfAbsent(name, n -> {
      Map<Version, List<CandidateFile>> byVersion = new LinkedHashMap<>();
      for (CandidateFile f : files(n)) {
        byVersion.computeIfAbsent(f.version(), v -> new ArrayList<>()).add(f);
      }
      // Every version on its own: the pre-release rule is the resolver's, over the versions kept here.
      UnaryOperator<List<Version>> all = vs -> vs;
      VersionFilter any = new VersionFilter("", false, Optional.empty(), all);
      NavigableMap<Version, Choice> out = new TreeMap<>();
      byVersion.forEach((v, fs) -> {
        Choice c = chooser.choose(n, any, fs);
        if (c instanceof Choice.Wheel || c instanceof Choice.Sdist) {
          out.put(v, c);
        }
      });
      return out;
    });
  }
}
