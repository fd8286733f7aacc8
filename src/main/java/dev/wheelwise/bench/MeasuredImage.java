package dev.wheelwise.bench;

import dev.wheelwise.image.CatalogEntry;
import dev.wheelwise.image.Fact;
import dev.wheelwise.image.ImagePlatform;
import dev.wheelwise.image.ImageReference;
import dev.wheelwise.image.Provenance;
import dev.wheelwise.image.ResolvedImage;
import dev.wheelwise.pep440.Version;
import dev.wheelwise.tags.Libc;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * An image described by running it, as a catalog record {@code check} can plan on: Python, libc,
 * pip, compilers and package manager are {@link Provenance#MEASURED}; the OS release, digests and
 * the compressed size stay unknown.
 */
public final class MeasuredImage {
  private MeasuredImage() {}

  public static ResolvedImage of(ImageReference reference, ImageDescription d, LocalDate today) {
    String basis = "measured by running image " + shortId(d.imageId());
    Optional<Libc.Family> family = d.libcFamily().map(f -> f.toLowerCase(Locale.ROOT).startsWith("musl") ? Libc.Family.MUSL : Libc.Family.GLIBC);
    Fact<String> libcVersion = d.libcVersion().map(v -> Fact.of(v, Provenance.MEASURED, basis)).orElseGet(() -> Fact.unknown("the probe read no libc version"));
    Fact<Version> python = version(d.python(), basis, "the image has no python3");
    Fact<Version> pip = version(d.pip(), basis, "the image's python3 has no pip");
    List<ImagePlatform> platforms = new ArrayList<>();
    if (!d.architecture().isEmpty()) {
      platforms.add(new ImagePlatform("linux/" + d.architecture(), Optional.empty(), OptionalLong.empty(),
          d.bytes() >= 0 ? OptionalLong.of(d.bytes()) : OptionalLong.empty()));
    }
    CatalogEntry entry = new CatalogEntry(reference.name(), List.of(reference.tag().orElse("latest")), List.of(), today, true, Optional.empty(),
        Fact.unknown("not read by the probe"), family, libcVersion, Optional.empty(), python, pip, Optional.empty(), platforms,
        Fact.of(d.compilers(), Provenance.MEASURED, basis + " (on the PATH)"),
        Fact.of(d.packageManager(), Provenance.MEASURED, basis + " (on the PATH)"),
        CatalogEntry.Origin.MEASURED, List.of(), "");
    List<String> remarks = new ArrayList<>();
    remarks.add(reference.familiar() + " described by running it (image " + shortId(d.imageId()) + "): "
        + d.implementation().orElse("no Python") + " " + d.python().orElse("") + ", " + family.map(f -> f.name().toLowerCase(Locale.ROOT)).orElse("libc unknown")
        + " " + d.libcVersion().orElse("") + ", pip " + d.pip().orElse("none") + " (measured)");
    if (d.implementation().isPresent() && !d.implementation().get().equals("CPython")) {
      remarks.add("the image's Python is " + d.implementation().get() + "; the plan assumes CPython tags");
    }
    return new ResolvedImage(reference, entry, ResolvedImage.Resolution.DESCRIBED, Optional.empty(), remarks);
  }

  private static Fact<Version> version(Optional<String> text, String basis, String missing) {
    if (text.isEmpty()) {
      return Fact.unknown(missing);
    }
    Version v = Version.tryParse(text.get());
    return v == null ? Fact.unknown("not a version: " + text.get()) : Fact.of(v, Provenance.MEASURED, basis);
  }

  static String shortId(String id) {
    String hex = id.startsWith("sha256:") ? id.substring(7) : id;
    return hex.length() > 12 ? hex.substring(0, 12) : hex;
  }
}
