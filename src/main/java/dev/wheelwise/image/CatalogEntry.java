package dev.wheelwise.image;

import dev.wheelwise.pep440.Version;
import dev.wheelwise.tags.Libc;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One image record: a set of tags that named the same image on a date, and what is known about
 * it, each fact with its provenance.
 *
 * @param name the normalized repository name, e.g. {@code docker.io/library/python}
 * @param tags the tags of this image (the first is the most specific)
 * @param sharedTags tags shared with other-OS builds of the same version ({@code 3.12},
 *     {@code latest}); on Linux they name this image
 * @param asOf the date the record describes
 * @param dated false when the source record had no date and {@code asOf} is the catalog's
 *     build date
 * @param variant {@code full}, {@code slim} or {@code alpine} for the Python official image,
 *     else empty
 * @param os the OS release
 * @param libcFamily glibc or musl, when known
 * @param libcVersion {@code 2.36}, {@code 1.2.5}
 * @param libcPackage the package as the image's package list names it, when read
 * @param python the CPython version installed as {@code python3}
 * @param pip the pip version installed
 * @param indexDigest the multi-platform index (manifest list) digest, when read
 * @param platforms the platforms published, with digests and sizes when read; empty when unknown
 * @param compilers compilers present in the image ({@code gcc}, {@code g++}, {@code make})
 * @param packageManager {@code apt}, {@code apk}, {@code dnf}, {@code none}
 * @param origin where the record comes from
 * @param sources the primary sources, as the catalog lists them
 * @param notes the catalog's notes
 */
public record CatalogEntry(
    String name,
    List<String> tags,
    List<String> sharedTags,
    LocalDate asOf,
    boolean dated,
    Optional<String> variant,
    Fact<OsRelease> os,
    Optional<Libc.Family> libcFamily,
    Fact<String> libcVersion,
    Optional<String> libcPackage,
    Fact<Version> python,
    Fact<Version> pip,
    Optional<String> indexDigest,
    List<ImagePlatform> platforms,
    Fact<List<String>> compilers,
    Fact<String> packageManager,
    Origin origin,
    List<String> sources,
    String notes) {

  /** Where a record comes from. */
  public enum Origin {
    /** The bundled catalog, generated from the project's shared catalog. */
    CATALOG,
    /** The local overlay, written by {@code wheelwise images refresh} from a registry. */
    REFRESHED,
    /** Made for a tag the catalog does not list, from the facts the tag itself states. */
    DERIVED_TAG,
    /** Described by the user with {@code --python} and {@code --libc}. */
    DESCRIBED,
    /** Described by running the image on a container engine ({@code wheelwise images describe}). */
    MEASURED
  }

  public CatalogEntry {
    Objects.requireNonNull(name, "name");
    tags = List.copyOf(tags);
    sharedTags = List.copyOf(sharedTags);
    Objects.requireNonNull(asOf, "asOf");
    Objects.requireNonNull(variant, "variant");
    Objects.requireNonNull(os, "os");
    Objects.requireNonNull(libcFamily, "libcFamily");
    Objects.requireNonNull(libcVersion, "libcVersion");
    Objects.requireNonNull(libcPackage, "libcPackage");
    Objects.requireNonNull(python, "python");
    Objects.requireNonNull(pip, "pip");
    Objects.requireNonNull(indexDigest, "indexDigest");
    platforms = List.copyOf(platforms);
    Objects.requireNonNull(compilers, "compilers");
    Objects.requireNonNull(packageManager, "packageManager");
    Objects.requireNonNull(origin, "origin");
    sources = List.copyOf(sources);
    Objects.requireNonNull(notes, "notes");
  }

  /** True when {@code tag} names this image (its own tags or its shared tags). */
  public boolean hasTag(String tag) {
    return tags.contains(tag) || sharedTags.contains(tag);
  }

  /** The reference of the most specific tag, e.g. {@code python:3.12.14-slim-bookworm}. */
  public ImageReference reference() {
    int slash = name.indexOf('/');
    return ImageReference.of(name.substring(0, slash), name.substring(slash + 1), tags.isEmpty() ? "latest" : tags.get(0));
  }

  /** The libc as the foundation's {@link Libc} (major.minor), when family and version are known. */
  public Optional<Libc> libc() {
    if (libcFamily.isEmpty() || libcVersion.value().isEmpty()) {
      return Optional.empty();
    }
    return Libc.parse(libcFamily.get().lower() + "-" + libcVersion.value().get());
  }

  /** The platform record for {@code platform}, when the image lists it. */
  public Optional<ImagePlatform> platform(Platform platform) {
    String wanted = platform.toString();
    return platforms.stream().filter(p -> p.platform().equals(wanted)).findFirst();
  }

  /**
   * The worst provenance of the facts a target depends on (Python and libc): what {@code check}
   * reports as its confidence in this image.
   */
  public Provenance targetProvenance() {
    return python.provenance().worse(libcVersion.provenance());
  }
}
