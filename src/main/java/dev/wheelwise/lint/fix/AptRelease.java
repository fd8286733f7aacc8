package dev.wheelwise.lint.fix;

import dev.wheelwise.ParseError;
import dev.wheelwise.dockerfile.Stage;
import dev.wheelwise.image.Catalog;
import dev.wheelwise.image.Fact;
import dev.wheelwise.image.ImageReference;
import dev.wheelwise.image.OsRelease;
import dev.wheelwise.image.ResolvedImage;
import dev.wheelwise.image.UnknownImage;
import dev.wheelwise.lint.Subject;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * The Debian or Ubuntu release a stage's base image is built on, which decides the runtime
 * package names ({@link AptRuntime}): the catalog's record of the base (the one in force on
 * check's {@code --as-of} when the wheel-aware rules ran, else the newest), whose OS must be a
 * trusted fact (read from the image's tag set or Dockerfile, or stated by the tag); for debian
 * and ubuntu tags the catalog does not list, the release the tag names ({@code bookworm-slim},
 * {@code 22.04}). Anything else is refused: the names are never guessed.
 */
final class AptRelease {
  private AptRelease() {}

  /** The release and how it was found (for the diff header). */
  record Found(OsRelease os, String basis) {}

  private static final class Bundled {
    static final Catalog CATALOG = Catalog.bundled();
  }

  static Found of(Subject subject, Stage stage) throws BuildDeps.Refused {
    String image = stage.image();
    if (image == null) {
      throw new BuildDeps.Refused(stage.line(), "the final stage's base image is not known (an ARG without a value?), so neither is "
          + "its Debian/Ubuntu release, which decides the runtime package names");
    }
    ImageReference reference;
    try {
      reference = ImageReference.parse(image);
    } catch (ParseError e) {
      throw new BuildDeps.Refused(stage.line(), "the base image " + image + " is not an image reference: " + e.getMessage());
    }
    Catalog catalog = Bundled.CATALOG;
    Optional<LocalDate> asOf = subject.wheels().flatMap(w -> w.result().asOf()).flatMap(AptRelease::date);
    String why;
    try {
      ResolvedImage resolved = catalog.resolve(reference, asOf);
      Fact<OsRelease> os = resolved.entry().os();
      if (os.known() && os.provenance().trusted()) {
        List<String> remarks = resolved.remarks();
        OsRelease found = os.value().orElseThrow();
        return new Found(found, found + ": " + (remarks.isEmpty() ? image + ", " + os.basis() : remarks.get(0)));
      }
      why = os.known() ? "the catalog only assumes it (" + os.basis() + ")" : "the catalog does not know it (" + os.basis() + ")";
    } catch (UnknownImage e) {
      why = e.getMessage();
    }
    Optional<Found> named = fromTag(catalog, reference);
    if (named.isPresent()) {
      return named.get();
    }
    throw new BuildDeps.Refused(stage.line(), "the Debian/Ubuntu release of " + image + " decides the runtime package names, and "
        + why + "; name the release in the tag (python:3.12-slim-bookworm)");
  }

  /** debian:bookworm-slim, debian:12.5, ubuntu:22.04: the release the tag's first part names, as the catalog's release table knows it. */
  private static Optional<Found> fromTag(Catalog catalog, ImageReference reference) {
    String name = reference.familiarName();
    if (!(name.equals("debian") || name.equals("ubuntu")) || reference.tag().isEmpty()) {
      return Optional.empty();
    }
    String first = reference.tag().get().split("-")[0];
    String release = name.equals("debian") ? first.replaceAll("^([0-9]+)\\..*$", "$1") : first;
    return catalog.release(name, release).map(r -> new Found(new OsRelease(name, Optional.of(r.release()), r.codename()),
        name + " " + r.release() + r.codename().map(c -> " (" + c + ")").orElse("") + ": named by the tag of " + reference.familiar()));
  }

  private static Optional<LocalDate> date(String asOf) {
    try {
      return Optional.of(LocalDate.parse(asOf.length() >= 10 ? asOf.substring(0, 10) : asOf));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
