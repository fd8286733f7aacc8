package dev.wheelwise.advise;

import dev.wheelwise.image.CatalogEntry;
import dev.wheelwise.image.ImageFacts;
import dev.wheelwise.image.PreinstalledDistribution;
import dev.wheelwise.image.OsRelease;
import dev.wheelwise.pep440.PipProfile;
import dev.wheelwise.tags.Target;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * One candidate image on one platform, as the catalog knows it: what pip there sees
 * ({@link #target()}) and what a build there has. Unknown facts stay empty.
 *
 * @param image the reference as the user would write it ({@code python:3.12-alpine})
 * @param platform the OCI platform ({@code linux/amd64})
 * @param python the image's Python ({@code 3.12.12})
 * @param libc {@code glibc} or {@code musl}
 * @param libcVersion its version when known ({@code 1.2.5})
 * @param packageManager {@code apk} or {@code apt}, empty when unknown
 * @param compilers compilers and build tools the image ships ({@code gcc}, {@code make})
 * @param systemPackages system packages the image is known to provide (headers, libraries)
 * @param systemPackagesKnown true when {@code systemPackages} is the whole story for builds (a
 *     slim or alpine image without -dev packages); false for images that ship headers the
 *     catalog does not list (the full {@code buildpack-deps} variants), where a missing package
 *     is only "not known to be there"
 * @param baseBytes uncompressed size of the image, when recorded
 * @param siblings other images of the same Python the catalog knows (slim, full, alpine…)
 * @param target what pip's file choice sees on this image; empty when the catalog lacks the
 *     facts (Python, libc, architecture), and then the image is shown, not analysed
 * @param remarks what a person should know about these facts (aliases, assumptions, unknowns)
 * @param preinstalled distributions the image's Python has before any install (setuptools in the
 *     official images before 3.12), which pip keeps for a requirement they satisfy
 * @param variant the matrix column of a python image: its family on its OS release
 *     ({@code slim-trixie}, {@code bookworm}, {@code alpine3.24}); other images, their name
 */
public record ImageCandidate(
    String image,
    String platform,
    String python,
    String libc,
    Optional<String> libcVersion,
    Optional<String> packageManager,
    Set<String> compilers,
    Set<String> systemPackages,
    boolean systemPackagesKnown,
    OptionalLong baseBytes,
    List<String> siblings,
    Optional<ChooserTarget> target,
    List<String> remarks,
    List<PreinstalledDistribution> preinstalled,
    String variant) {

  public ImageCandidate {
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(platform, "platform");
    Objects.requireNonNull(python, "python");
    Objects.requireNonNull(libc, "libc");
    Objects.requireNonNull(libcVersion, "libcVersion");
    Objects.requireNonNull(packageManager, "packageManager");
    compilers = Set.copyOf(compilers);
    systemPackages = Set.copyOf(systemPackages);
    Objects.requireNonNull(baseBytes, "baseBytes");
    siblings = List.copyOf(siblings);
    Objects.requireNonNull(target, "target");
    remarks = List.copyOf(remarks);
    preinstalled = List.copyOf(preinstalled);
    Objects.requireNonNull(variant, "variant");
  }

  /** The matrix row: the Python minor ({@code 3.13}), or {@code unknown}. */
  public String minor() {
    String[] parts = python.split("\\.");
    return parts.length >= 2 ? parts[0] + "." + parts[1] : python;
  }

  /** An image the catalog cannot place: shown with the reason, not analysed. */
  public static ImageCandidate unplaced(String image, String platform, String reason) {
    return new ImageCandidate(image, platform, "unknown", "unknown", Optional.empty(), Optional.empty(), Set.of(), Set.of(), false,
        OptionalLong.empty(), List.of(), Optional.empty(), List.of(reason), List.of(), image);
  }

  /**
   * The candidate the catalog describes. An image whose pip version is not recorded is taken to
   * have a current pip (every python image since 2022 ships pip ≥ 21.2, which knows musllinux);
   * the remark says so.
   */
  public static ImageCandidate of(ImageFacts facts, List<String> siblings) {
    return of(facts, siblings, Optional.empty());
  }

  /**
   * The candidate with the pip that installs given by the user ({@code check --pip}, e.g. a
   * Dockerfile that pins pip), which stands for the image's own; the remark says which.
   */
  public static ImageCandidate of(ImageFacts facts, List<String> siblings, Optional<PipProfile> givenPip) {
    return of(facts, siblings, givenPip, ChooserTarget::of);
  }

  /**
   * As {@link #of(ImageFacts, List, Optional)}, with the chooser target made (or reused) by
   * {@code targets}: a search shares one tag list among the images that have the same.
   */
  public static ImageCandidate of(ImageFacts facts, List<String> siblings, Optional<PipProfile> givenPip,
      BiFunction<Target, PipProfile, ChooserTarget> targets) {
    CatalogEntry e = facts.entry();
    List<String> remarks = new ArrayList<>(facts.remarks());
    PipProfile profile = givenPip.map(given -> {
      remarks.add(given + " as given with --pip"
          + facts.pipProfile().map(own -> " (the image has " + own + ")").orElse(" (the image's own pip is not recorded)"));
      return given;
    }).or(facts::pipProfile).orElseGet(() -> {
      remarks.add("pip version not recorded; assumed " + PipProfile.DEFAULT);
      return PipProfile.DEFAULT;
    });
    Optional<ChooserTarget> target = facts.target().map(t -> targets.apply(t, profile));
    Optional<String> manager = facts.packageManager().value().filter(m -> m.equals("apk") || m.equals("apt"));
    Set<String> compilers = new LinkedHashSet<>(facts.compilers().value().orElse(List.of()));
    boolean bare = facts.compilers().known() && compilers.isEmpty();
    return new ImageCandidate(
        facts.image().reference().familiar(),
        facts.platform().toString(),
        facts.python().value().map(Object::toString).orElse("unknown"),
        e.libc().map(l -> l.family().lower()).orElse("unknown"),
        facts.libcVersion().value(),
        manager,
        compilers,
        Set.of(),
        bare,
        facts.uncompressedBytes(),
        siblings,
        target,
        remarks,
        facts.preinstalled(),
        variantOf(facts));
  }

  /** {@code slim-trixie}, {@code trixie}, {@code alpine3.24} for a python image; another image's name. */
  private static String variantOf(ImageFacts facts) {
    CatalogEntry e = facts.entry();
    Optional<OsRelease> os = e.os().value();
    if (!e.name().equals("docker.io/library/python") || os.isEmpty()) {
      return facts.image().reference().familiar();
    }
    if (os.get().id().equals("alpine")) {
      String[] v = os.get().version().orElse("").split("\\.");
      return "alpine" + (v.length >= 2 ? v[0] + "." + v[1] : "");
    }
    String family = e.variant().orElse("full");
    String release = os.get().codename().orElse(os.get().id());
    return family.equals("full") ? release : family + "-" + release;
  }

  /**
   * A docker-library python slim variant ({@code slim-trixie}), from the catalog's record of the
   * image's family rather than its name: lint names a slim image first, and the ranking prefers
   * one where sizes do not decide.
   */
  public boolean slim() {
    return variant.startsWith("slim-");
  }

  public boolean isMusl() {
    return libc.equals("musl");
  }
}
