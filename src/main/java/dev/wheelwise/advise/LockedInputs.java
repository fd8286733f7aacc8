package dev.wheelwise.advise;

import dev.wheelwise.pep440.PipProfile;
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
import dev.wheelwise.tags.SdistFilename;
import dev.wheelwise.tags.Target;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;

/**
 * A lock as the comparison's input: per image, the lock's install set for that image's marker
 * environment, each package pinned to its locked version with the files the lock lists. A
 * package from a direct URL is judged by the file the URL names, as pip would install it (a
 * spaCy model's {@code …-py3-none-any.whl} installs everywhere; a {@code linux_aarch64} wheel
 * nowhere else). The project itself and packages from VCS or local paths are not compared: they
 * are listed as skipped, with the reason.
 */
public final class LockedInputs {
  private LockedInputs() {}

  public static CheckInput of(LockedSet lock, GroupSelection selection, FormatControl formats,
      Optional<CheckInput.DockerfileSetup> dockerfile) {
    // One Wanted per locked package for every image: the planner judges each once per tag list.
    Map<LockedPackage, Optional<Wanted>> wanted = new IdentityHashMap<>();
    // The install set depends on the image only through its marker environment and its pip's
    // marker rules: slim, full and alpine of one Python on one architecture share it, so it is
    // walked once for them all.
    Map<SetKey, CheckInput.Packages> sets = new HashMap<>();
    return new CheckInput(
        List.of(new CheckInput.InputRef(lock.file(), lock.kind().toString())),
        lock.requiresPython(),
        image -> image.target().isEmpty() ? packagesOn(lock, selection, image, wanted)
            : sets.computeIfAbsent(new SetKey(environment(image.target().get().tags().target()), image.target().get().profile()),
                k -> packagesOn(lock, selection, image, wanted)),
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
    MarkerEnvironment env = environment(image.target().get().tags().target());
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
      if (kind != PackageSource.Kind.REGISTRY && kind != PackageSource.Kind.UNSPECIFIED && kind != PackageSource.Kind.URL) {
        skipped.add(p.name() + " (" + p.source() + "): not compared, "
            + (p.source().isLocalProject() ? "the project or a workspace member, built from the source tree"
                : kind == PackageSource.Kind.GIT ? "pip builds it from a VCS checkout" : "pip builds it from a local path"));
        continue;
      }
      if (kind == PackageSource.Kind.URL && directFiles(p).isEmpty()) {
        skipped.add(p.name() + " (" + p.source() + "): not compared, the URL names no wheel or sdist file");
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

  /** What decides an install set: the marker values and the pip (its packaging) that evaluates them. */
  private record SetKey(MarkerEnvironment env, PipProfile profile) {}

  private static MarkerEnvironment environment(Target t) {
    return MarkerEnvironment.linuxCPython(t.pythonMajor(), t.pythonMinor(), Math.max(t.pythonMicro(), 0), t.arch().tagName());
  }

  /** The locked release with the files the lock lists; empty when its version is not PEP 440. */
  private static Optional<Wanted> wanted(LockedPackage p) {
    Version version = Version.tryParse(p.version());
    if (version == null) {
      return Optional.empty();
    }
    List<CandidateFile> files = new ArrayList<>();
    for (DistributionFile f : p.source().kind() == PackageSource.Kind.URL ? directFiles(p) : p.files()) {
      files.add(new CandidateFile(p.name(), version, f.fileName(), f.size(), f.uploadTime(), false, Optional.empty()));
    }
    return Optional.of(Wanted.listed(p.name(), VersionFilter.exactly(version), files, p.origin()));
  }

  /**
   * The file a direct-URL package installs: the lock's own listing when it has one (uv writes a
   * URL sdist as {@code sdist = { hash = … }}, its name being the source URL's), else the file the
   * URL's last segment names (a wheel or an sdist), else none. pip installs that file and no
   * other, so it is the only candidate.
   */
  static List<DistributionFile> directFiles(LockedPackage p) {
    Optional<String> named = fileNamed(p.source().location());
    List<DistributionFile> out = new ArrayList<>();
    for (DistributionFile f : p.files()) {
      if (!f.fileName().isEmpty()) {
        out.add(f);
      } else if (named.isPresent()) {
        out.add(new DistributionFile(named.get(), Optional.of(p.source().location()), f.size(), f.hashes(), f.uploadTime()));
      }
    }
    if (out.isEmpty() && named.isPresent()) {
      out.add(new DistributionFile(named.get(), Optional.of(p.source().location()), java.util.OptionalLong.empty(), Map.of(),
          Optional.empty()));
    }
    return out;
  }

  /** The wheel or sdist file name a URL ends with (before any {@code #} fragment), percent-decoded. */
  private static Optional<String> fileNamed(String location) {
    int cut = location.indexOf('#');
    String path = cut >= 0 ? location.substring(0, cut) : location;
    String name = path.substring(path.lastIndexOf('/') + 1);
    String decoded = java.net.URLDecoder.decode(name.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
    // Any archive pip installs from a URL: a wheel, or a source archive it unpacks (.tgz, .tar.xz, ...).
    boolean archive = decoded.endsWith(".whl") || SdistFilename.pipExtension(decoded).isPresent();
    return archive ? Optional.of(decoded) : Optional.empty();
  }
}
