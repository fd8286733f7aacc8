package dev.wheelwise.lint.fix;

import dev.wheelwise.ParseError;
import dev.wheelwise.dockerfile.Stage;
import dev.wheelwise.image.Catalog;
import dev.wheelwise.image.Fact;
import dev.wheelwise.image.ImageReference;
import dev.wheelwise.image.OsRelease;
import dev.wheelwise.image.ReleaseLibc;
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
 * trusted fact (read from the image's tag set or Dockerfile, or stated by the tag); else the
 * release the tag names ({@code debian:bookworm-slim}, {@code ubuntu:22.04}, {@code
 * nvidia/cuda:…-ubuntu22.04}). Anything else is refused: the names are never guessed.
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

  /**
   * The release a tag names: debian:bookworm-slim, debian:12.5 and ubuntu:22.04 by their first
   * part; other images by a part that is a Debian codename or {@code ubuntuNN.NN}
   * (nvidia/cuda:11.8.0-base-ubuntu22.04, as python:3.12-slim-bookworm does), as the catalog's
   * release table knows it.
   */
  private static Optional<Found> fromTag(Catalog catalog, ImageReference reference) {
    String name = reference.familiarName();
    if (reference.tag().isEmpty()) {
      return Optional.empty();
    }
    String[] parts = reference.tag().get().split("-");
    Optional<ReleaseLibc> row = Optional.empty();
    if (name.equals("debian") || name.equals("ubuntu")) {
      row = catalog.release(name, name.equals("debian") ? parts[0].replaceAll("^([0-9]+)\\..*$", "$1") : parts[0]);
    } else {
      for (String part : parts) {
        Optional<ReleaseLibc> named = part.matches("ubuntu[0-9]+\\.[0-9]+") ? catalog.release("ubuntu", part.substring(6))
            : part.matches("[a-z]+") ? catalog.release("debian", part).filter(r -> r.codename().equals(Optional.of(part)))
            : Optional.empty();
        row = row.isEmpty() ? named : row;
      }
    }
    return row.map(r -> new Found(new OsRelease(r.os(), Optional.of(r.release()), r.codename()),
        r.os() + " " + r.release() + r.codename().map(c -> " (" + c + ")").orElse("") + ": named by the tag of " + reference.familiar()));
  }

  private static Optional<LocalDate> date(String asOf) {
    try {
      return Optional.of(LocalDate.parse(asOf.length() >= 10 ? asOf.substring(0, 10) : asOf));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
