package dev.wheelwise.image;

import dev.wheelwise.pep440.PipProfile;
import dev.wheelwise.pep440.Version;
import dev.wheelwise.tags.Arch;
import dev.wheelwise.tags.Libc;
import dev.wheelwise.tags.Target;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * What {@code check} needs to know about one image on one platform: the {@link Target} pip
 * runs on, pip's profile, sizes, compilers, package manager and OS, each with how it is known.
 *
 * @param image the resolved image
 * @param platform the platform these facts are for
 * @param target the interpreter and platform, when Python, libc and a wheel architecture are known
 * @param pipProfile the profile of the image's pip, when its version is known
 * @param compressedBytes what a pull downloads for this platform, when read
 * @param uncompressedBytes the unpacked size for this platform, when read
 * @param confidence the worst provenance among the facts the target rests on (Python, libc)
 * @param remarks sentences for people (aliases, derivations, why something is unknown)
 */
public record ImageFacts(
    ResolvedImage image,
    Platform platform,
    Optional<Target> target,
    Optional<PipProfile> pipProfile,
    OptionalLong compressedBytes,
    OptionalLong uncompressedBytes,
    Provenance confidence,
    List<String> remarks) {

  public ImageFacts {
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(platform, "platform");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(pipProfile, "pipProfile");
    Objects.requireNonNull(compressedBytes, "compressedBytes");
    Objects.requireNonNull(uncompressedBytes, "uncompressedBytes");
    Objects.requireNonNull(confidence, "confidence");
    remarks = List.copyOf(remarks);
  }

  /**
   * The facts of {@code image} on {@code platform}. An image published for a known list of
   * platforms that does not include this one fails, naming the platforms it has.
   */
  public static ImageFacts of(ResolvedImage image, Platform requested) throws UnknownImage {
    CatalogEntry e = image.entry();
    List<String> remarks = new ArrayList<>(image.remarks());
    Platform platform = requested;
    if (image.pinnedPlatform().isPresent() && !image.pinnedPlatform().get().equals(requested)) {
      platform = image.pinnedPlatform().get();
      remarks.add("the digest names the " + platform + " image; " + requested + " does not apply");
    }
    Optional<ImagePlatform> listed = e.platform(platform);
    if (!e.platforms().isEmpty() && listed.isEmpty()) {
      throw new UnknownImage(image.reference().familiar() + " is not published for " + platform + "; it is for "
          + e.platforms().stream().map(ImagePlatform::platform).collect(Collectors.joining(", ")));
    }
    if (e.platforms().isEmpty() && e.origin() != CatalogEntry.Origin.DESCRIBED) {
      remarks.add("the catalog does not list this image's platforms; " + platform + " is assumed to exist");
    }
    Optional<Arch> arch = platform.arch();
    Optional<Target> target = Optional.empty();
    Optional<Libc> libc = e.libc();
    Optional<Version> python = e.python().value();
    if (python.isEmpty()) {
      remarks.add("Python is unknown (" + e.python().basis() + "); describe it with --python X.Y --libc glibc-X.Y|musl-1.Y");
    } else if (libc.isEmpty()) {
      remarks.add("the libc version is unknown; describe it with --libc glibc-X.Y|musl-X.Y");
    } else if (arch.isEmpty()) {
      remarks.add("pip has no wheel architecture this project knows for " + platform);
    } else {
      Version v = python.get();
      int micro = v.release().size() >= 3 ? v.releasePart(2).intValueExact() : -1;
      target = Optional.of(new Target(v.releasePart(0).intValueExact(), v.releasePart(1).intValueExact(), micro, false, libc.get(), arch.get()));
    }
    return new ImageFacts(
        image,
        platform,
        target,
        e.pip().value().map(PipProfile::forPip),
        listed.map(ImagePlatform::compressedBytes).orElse(OptionalLong.empty()),
        listed.map(ImagePlatform::uncompressedBytes).orElse(OptionalLong.empty()),
        e.targetProvenance(),
        remarks);
  }

  public CatalogEntry entry() {
    return image.entry();
  }

  /** The official python images' repository, whose Dockerfiles decide what is preinstalled. */
  private static final String PYTHON_OFFICIAL = "docker.io/library/python";

  /**
   * What the image's Python has before anything is installed, beyond pip itself. The official
   * python images before 3.12 install setuptools (get-pip.py, later a pinned {@code pip install
   * setuptools==…}); 3.12 and newer install none (catalog SOURCES.md, the docker-library/python
   * Dockerfiles row). The catalog keeps the pinned version only in its notes, so the version is
   * left unknown here: a requirement with no version range is met, one with a range is
   * undecided. Wheel is left out: not every old Dockerfile installed it. Other images: nothing
   * is known, so nothing is claimed.
   */
  public List<PreinstalledDistribution> preinstalled() {
    Optional<Version> python = python().value();
    if (!entry().name().equals(PYTHON_OFFICIAL) || entry().origin() == CatalogEntry.Origin.DESCRIBED || python.isEmpty()
        || python.get().release().size() < 2) {
      return List.of();
    }
    boolean before312 = python.get().releasePart(0).intValueExact() < 3
        || python.get().releasePart(0).intValueExact() == 3 && python.get().releasePart(1).intValueExact() < 12;
    return before312
        ? List.of(new PreinstalledDistribution("setuptools", Optional.empty(),
            "the official python images before 3.12 install setuptools, per the docker-library/python Dockerfiles"))
        : List.of();
  }

  public Fact<Version> python() {
    return entry().python();
  }

  public Fact<Version> pip() {
    return entry().pip();
  }

  public Fact<String> libcVersion() {
    return entry().libcVersion();
  }

  public Fact<List<String>> compilers() {
    return entry().compilers();
  }

  public Fact<String> packageManager() {
    return entry().packageManager();
  }

  public Fact<OsRelease> os() {
    return entry().os();
  }

  public LocalDate asOf() {
    return entry().asOf();
  }

  /** The names of facts shown as UNVERIFIED: each lowers the confidence {@code check} reports. */
  public List<String> unverifiedFacts() {
    List<String> out = new ArrayList<>();
    CatalogEntry e = entry();
    if (e.os().provenance() == Provenance.UNVERIFIED) out.add("os");
    if (e.libcVersion().provenance() == Provenance.UNVERIFIED) out.add("libc");
    if (e.python().provenance() == Provenance.UNVERIFIED) out.add("python");
    if (e.pip().provenance() == Provenance.UNVERIFIED) out.add("pip");
    if (e.compilers().provenance() == Provenance.UNVERIFIED) out.add("compilers");
    if (e.packageManager().provenance() == Provenance.UNVERIFIED) out.add("packageManager");
    return out;
  }
}
