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
    return new CheckInput(
        List.of(new CheckInput.InputRef(lock.file(), lock.kind().toString())),
        lock.requiresPython(),
        image -> packagesOn(lock, selection, image),
        formats,
        dockerfile);
  }

  static CheckInput.Packages packagesOn(LockedSet lock, GroupSelection selection, ImageCandidate image) {
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
      Version version = Version.tryParse(p.version());
      if (version == null) {
        skipped.add(p.pin() + " (not a PEP 440 version)");
        continue;
      }
      List<CandidateFile> files = new ArrayList<>();
      for (DistributionFile f : p.files()) {
        files.add(new CandidateFile(p.name(), version, f.fileName(), f.size(), f.uploadTime(), false, Optional.empty()));
      }
      wanted.add(Wanted.listed(p.name(), VersionFilter.exactly(version), files, p.origin()));
    }
    return new CheckInput.Packages(wanted, Optional.empty(), skipped);
  }
}
