package dev.wheelwise.cli;

import dev.wheelwise.ParseError;
import dev.wheelwise.advise.ImageCandidate;
import dev.wheelwise.image.Catalog;
import dev.wheelwise.image.ImageFacts;
import dev.wheelwise.image.ImageReference;
import dev.wheelwise.image.Platform;
import dev.wheelwise.image.ResolvedImage;
import dev.wheelwise.image.Sibling;
import dev.wheelwise.image.Siblings;
import dev.wheelwise.image.UnknownImage;
import dev.wheelwise.pep440.PipProfile;
import dev.wheelwise.pep440.Version;
import dev.wheelwise.tags.Libc;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Which images {@code check} compares, from its options and the catalog in force on the
 * {@code --as-of} date: the named images, or the Dockerfile's base and its siblings; images the
 * catalog cannot place are shown as unknown unless {@code --python}/{@code --libc} describe them.
 */
final class CandidateImages {
  private final Catalog catalog;
  private final Optional<LocalDate> date;
  private final List<String> images;
  private final List<String> platforms;
  private final Optional<Version> python;
  private final Optional<Libc> libc;
  private final Optional<PipProfile> pip;
  private final Function<ImageReference, Optional<ResolvedImage>> measured;

  /**
   * @param images {@code --image}, as written
   * @param platforms {@code --platform}; empty for linux/amd64
   * @param python {@code --python}: the Python of an image the catalog cannot place or knows none for
   * @param libc {@code --libc}: with {@code python}, the libc of an image the catalog cannot place
   * @param pip {@code --pip}: the pip that installs on every image
   */
  CandidateImages(Catalog catalog, Optional<LocalDate> date, List<String> images, List<String> platforms, Optional<Version> python,
      Optional<Libc> libc, Optional<PipProfile> pip) {
    this(catalog, date, images, platforms, python, libc, pip, ref -> Optional.empty());
  }

  /**
   * As above; {@code measured} describes an image the catalog cannot place by running it on a
   * container engine (empty when no engine answers or the engine lacks the image).
   */
  CandidateImages(Catalog catalog, Optional<LocalDate> date, List<String> images, List<String> platforms, Optional<Version> python,
      Optional<Libc> libc, Optional<PipProfile> pip, Function<ImageReference, Optional<ResolvedImage>> measured) {
    this.measured = measured;
    this.catalog = catalog;
    this.date = date;
    this.images = List.copyOf(images);
    this.platforms = List.copyOf(platforms);
    this.python = python;
    this.libc = libc;
    this.pip = pip;
  }

  /** Whether the user named the images ({@code --image}). */
  boolean named() {
    return !images.isEmpty();
  }

  /**
   * The candidates: each {@code --image}, else the Dockerfile's base (or the newest Python the
   * project allows) with its slim, full and alpine siblings; on every platform asked for.
   */
  List<ImageCandidate> candidates(Optional<String> requiresPython, Optional<String> baseImage) throws ParseError {
    List<Platform> wanted = new ArrayList<>();
    for (String p : platforms.isEmpty() ? List.of("linux/amd64") : platforms) {
      wanted.add(Platform.parse(p));
    }
    List<ResolvedImage> resolved = new ArrayList<>();
    List<String> siblingNames = new ArrayList<>();
    List<ImageCandidate> out = new ArrayList<>();
    if (named()) {
      for (String text : images) {
        resolved.add(resolve(ImageReference.parse(text)));
      }
      images.forEach(siblingNames::add);
    } else {
      String start = baseImage.orElseGet(() -> DefaultImages.newestAllowed(catalog, date, requiresPython));
      ResolvedImage base;
      try {
        base = described(catalog.resolve(ImageReference.parse(start), date));
      } catch (UnknownImage | ParseError unplaced) {
        Optional<ResolvedImage> given = describedAs(start).or(() -> measuredAs(start));
        // A base the catalog cannot place (ubuntu, a private image) is shown as unknown unless
        // described; the newest Python the project allows (or the described one) is compared beside it.
        if (given.isPresent()) {
          resolved.add(given.get());
          siblingNames.add(given.get().reference().familiar());
        } else {
          for (Platform platform : wanted) {
            out.add(ImageCandidate.unplaced(start, platform.toString(), unplaced.getMessage()));
          }
        }
        String beside = given.map(g -> "python:" + g.entry().python().value().get().releasePart(0) + "."
            + g.entry().python().value().get().releasePart(1) + "-slim").orElse(null);
        base = beside != null && resolvable(beside) ? resolve(ImageReference.parse(beside))
            : resolve(ImageReference.parse(DefaultImages.newestAllowed(catalog, date, requiresPython)));
      }
      for (Sibling s : Siblings.of(catalog, base, date)) {
        if (s.relation() == Sibling.Relation.SELF || s.relation() == Sibling.Relation.FULL
            || s.relation() == Sibling.Relation.SLIM || s.relation() == Sibling.Relation.ALPINE) {
          resolved.add(s.image());
          siblingNames.add(s.image().reference().familiar());
        }
      }
    }
    for (ResolvedImage image : resolved) {
      for (Platform platform : wanted) {
        try {
          ImageFacts facts = ImageFacts.of(image, platform);
          List<String> siblings = siblingNames.stream().filter(n -> !n.equals(image.reference().familiar())).toList();
          out.add(ImageCandidate.of(facts, siblings, pip));
        } catch (UnknownImage notPublished) {
          if (named()) {
            throw new UsageException(notPublished.getMessage());
          }
          out.add(ImageCandidate.unplaced(image.reference().familiar(), platform.toString(), notPublished.getMessage()));
        }
      }
    }
    return out;
  }

  private ResolvedImage resolve(ImageReference ref) {
    try {
      return described(catalog.resolve(ref, date));
    } catch (UnknownImage unknown) {
      return describedAs(ref.familiar()).or(() -> measured.apply(ref)).orElseThrow(() -> new UsageException(unknown.getMessage()));
    }
  }

  private boolean resolvable(String reference) {
    try {
      catalog.resolve(ImageReference.parse(reference), date);
      return true;
    } catch (UnknownImage | ParseError e) {
      return false;
    }
  }

  /** A catalog record without a Python (ubuntu:24.04) with the --python given; others as they are. */
  private ResolvedImage described(ResolvedImage image) {
    if (image.entry().python().value().isPresent() || python.isEmpty()) {
      return image;
    }
    return Catalog.withPython(image, python.get());
  }

  private Optional<ResolvedImage> measuredAs(String reference) {
    try {
      return measured.apply(ImageReference.parse(reference));
    } catch (ParseError e) {
      return Optional.empty();
    }
  }

  /** The image as --python and --libc describe it, when both are given. */
  private Optional<ResolvedImage> describedAs(String reference) {
    if (python.isEmpty() && libc.isEmpty()) {
      return Optional.empty();
    }
    if (python.isEmpty() || libc.isEmpty()) {
      throw new UsageException("--python and --libc describe an image together; give both (e.g. --python 3.12 --libc glibc-2.36)");
    }
    try {
      return Optional.of(catalog.describe(ImageReference.parse(reference), python.get(), libc.get()));
    } catch (ParseError e) {
      return Optional.empty();
    }
  }

  /**
   * The images the project uses, as the plans name them: the Dockerfile's base image when no
   * --image is given; empty (every image compared) when the images were named or nothing names one.
   */
  Set<String> inUse(Optional<String> baseImage) {
    if (named() || baseImage.isEmpty()) {
      return Set.of();
    }
    Set<String> names = new java.util.HashSet<>(List.of(baseImage.get()));
    try {
      names.add(catalog.resolve(ImageReference.parse(baseImage.get()), date).reference().familiar());
    } catch (UnknownImage | ParseError unplaced) {
      // Shown under its name as written (ImageCandidate.unplaced), which is already in the set.
    }
    return names;
  }
}
