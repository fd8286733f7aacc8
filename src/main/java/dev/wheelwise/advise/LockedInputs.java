package dev.wheelwise.advise;

import dev.wheelwise.pep440.Version;
import dev.wheelwise.pep508.MarkerEnvironment;
import dev.wheelwise.project.DistributionFile;
import dev.wheelwise.project.GroupSelection;
import dev.wheelwise.project.InstallSet;
import dev.wheelwise.project.InstallSetError;
import dev.wheelwise.project.InstallSets;
import dev.wheelwise.project.LockedPackage;
import dev.wheelwise.project.LockedSet;
import dev.wheelwise.project.PackageSource;
import dev.wheelwise.tags.Target;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;

/**
 * A lock as the comparison's input: per image, the lock's install set for that image's marker
 * environment, each package pinned to its locked version with the files the lock lists. The
 * project itself and packages from VCS, paths or URLs are not chosen among index files; they
 * are listed as skipped.
 */
public final class LockedInputs {
  private LockedInputs() {}

  public static CheckInput of(LockedSet lock, GroupSelection selection, FormatControl formats,
      Optional<CheckInput.DockerfileSetup> dockerfile) {
    // One Wanted per locked package for every image: the planner judges each once per tag list.
    Map<LockedPackage, Optional<Wanted>> wanted = new IdentityHashMap<>();
    return new CheckInput(
        List.of(new CheckInput.InputRef(lock.file(), lock.kind().toString())),
        lock.requiresPython(),
        image -> packagesOn(lock, selection, image, wanted),
        formats,
        dockerfile);
  }

  static CheckInput.Packages packagesOn(LockedSet lock, GroupSelection selection, ImageCandidate image) {
    return packagesOn(lock, selection, image, new IdentityHashMap<>());
  }

  static CheckInput.Packages packagesOn(LockedSet lock, GroupSelection selection, ImageCandidate image,
      Map<LockedPackage, Optional<Wanted>> made) {
    if (image.target().isEmpty()) {
      return new CheckInput.Packages(List.of(), Optional.of("the image's Python or libc is unknown"), List.of());
    }
    Target t = image.target().get().tags().target();
    MarkerEnvironment env = MarkerEnvironment.linuxCPython(t.pythonMajor(), t.pythonMinor(), Math.max(t.pythonMicro(), 0),
        t.arch().tagName());
    InstallSet set;
    try {
      set = InstallSets.compute(lock, env, selection, image.target().get().profile());
    } catch (InstallSetError e) {
      return new CheckInput.Packages(List.of(), Optional.of(e.getMessage()), List.of());
    }
    List<Wanted> wanted = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    for (InstallSet.Item item : set.packages()) {
      LockedPackage p = item.pkg();
      PackageSource.Kind kind = p.source().kind();
      if (kind != PackageSource.Kind.REGISTRY && kind != PackageSource.Kind.UNSPECIFIED) {
        skipped.add(p.name() + " (" + p.source() + ")");
        continue;
      }
      Optional<Wanted> one = made.computeIfAbsent(p, LockedInputs::wanted);
      if (one.isEmpty()) {
        skipped.add(p.pin() + " (not a PEP 440 version)");
        continue;
      }
      wanted.add(one.get());
    }
    return new CheckInput.Packages(wanted, Optional.empty(), skipped);
  }

  /** The locked release with the files the lock lists; empty when its version is not PEP 440. */
  private static Optional<Wanted> wanted(LockedPackage p) {
    Version version = Version.tryParse(p.version());
    if (version == null) {
      return Optional.empty();
    }
    List<CandidateFile> files = new ArrayList<>();
    for (DistributionFile f : p.files()) {
      files.add(new CandidateFile(p.name(), version, f.fileName(), f.size(), f.uploadTime(), false, Optional.empty()));
    }
    return Optional.of(Wanted.listed(p.name(), VersionFilter.exactly(version), files, p.origin()));
  }
}
