package dev.wheelwise.image;

import dev.wheelwise.image.Sibling.Relation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * {@code check}'s default candidates for an image: the same Python on full, slim and alpine,
 * the same variant on the previous Debian release, and the distroless and Chainguard Python
 * images the catalog has (their Python is often unknown: a candidate without a target is shown,
 * not analysed).
 */
public final class Siblings {
  private Siblings() {}

  /** The image itself first, then its siblings; an image that is not a python image has none. */
  public static List<Sibling> of(Catalog catalog, ResolvedImage image, Optional<LocalDate> asOf) {
    List<Sibling> out = new ArrayList<>();
    out.add(new Sibling(Relation.SELF, image));
    CatalogEntry e = image.entry();
    if (!e.name().equals(Catalog.PYTHON) || e.python().value().isEmpty()) {
      return out;
    }
    String minor = Catalog.minorOf(e.python().value().get());
    ImageReference python = image.reference();
    // The Debian release to compare on: the image's own, or for alpine the one python:X.Y-slim uses.
    Optional<String> codename = e.os().value().flatMap(OsRelease::codename);
    if (codename.isEmpty()) {
      codename = resolve(catalog, python.withTag(minor + "-slim"), asOf).flatMap(r -> r.entry().os().value()).flatMap(OsRelease::codename);
    }
    String variant = e.variant().orElse("full");
    if (codename.isPresent()) {
      String c = codename.get();
      add(out, Relation.FULL, resolve(catalog, python.withTag(minor + "-" + c), asOf));
      add(out, Relation.SLIM, resolve(catalog, python.withTag(minor + "-slim-" + c), asOf));
      previousDebian(catalog, c).ifPresent(prev -> add(out, Relation.PREVIOUS_DEBIAN,
          resolve(catalog, python.withTag(minor + (variant.equals("slim") || variant.equals("alpine") ? "-slim-" : "-") + prev), asOf)));
    }
    add(out, Relation.ALPINE, resolve(catalog, python.withTag(minor + "-alpine"), asOf));
    for (CatalogEntry other : catalog.entries()) {
      Relation relation = other.name().contains("/distroless/") ? Relation.DISTROLESS
          : other.name().startsWith("cgr.dev/chainguard/") ? Relation.CHAINGUARD : null;
      if (relation != null && other.name().contains("python") && !other.tags().isEmpty()) {
        add(out, relation, resolve(catalog, other.reference(), asOf));
      }
    }
    return out;
  }

  private static void add(List<Sibling> out, Relation relation, Optional<ResolvedImage> image) {
    if (image.isEmpty()) {
      return;
    }
    boolean seen = out.stream().anyMatch(s -> s.image().entry().equals(image.get().entry()));
    if (!seen) {
      out.add(new Sibling(relation, image.get()));
    }
  }

  private static Optional<ResolvedImage> resolve(Catalog catalog, ImageReference reference, Optional<LocalDate> asOf) {
    try {
      ResolvedImage r = catalog.resolve(reference, asOf);
      return r.resolution() == ResolvedImage.Resolution.LISTED ? Optional.of(r) : Optional.empty();
    } catch (UnknownImage e) {
      return Optional.empty();
    }
  }

  /** The Debian release before {@code codename} in the release table. */
  static Optional<String> previousDebian(Catalog catalog, String codename) {
    List<ReleaseLibc> debian = catalog.releases().stream()
        .filter(r -> r.os().equals("debian") && r.codename().isPresent())
        .sorted(Comparator.comparingInt(r -> Integer.parseInt(r.release())))
        .toList();
    for (int i = 1; i < debian.size(); i++) {
      if (debian.get(i).codename().get().equals(codename)) {
        return debian.get(i - 1).codename();
      }
    }
    return Optional.empty();
  }
}
