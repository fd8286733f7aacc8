package dev.wheelwise.advise;

import dev.wheelwise.ParseError;
import dev.wheelwise.image.Catalog;
import dev.wheelwise.image.CatalogEntry;
import dev.wheelwise.image.ImageFacts;
import dev.wheelwise.image.ImageReference;
import dev.wheelwise.image.OsRelease;
import dev.wheelwise.image.Platform;
import dev.wheelwise.image.ResolvedImage;
import dev.wheelwise.image.Sibling;
import dev.wheelwise.image.Siblings;
import dev.wheelwise.image.UnknownImage;
import dev.wheelwise.pep440.InvalidSpecifier;
import dev.wheelwise.pep440.PipProfile;
import dev.wheelwise.pep440.SpecifierSet;
import dev.wheelwise.pep440.Version;
import dev.wheelwise.tags.Libc;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Which images {@code check} compares: a pure function of the catalog in force on the as-of date,
 * the project's {@code requires-python}, the Dockerfile's base image and the platforms asked for.
 *
 * <p>The search space is every final CPython minor the catalog has in force that the project
 * admits (narrowed by {@code --python}) × the python image's variant families (slim, full,
 * alpine) on the two newest Debian and the two newest Alpine releases the catalog has for that
 * minor × every platform. Named images ({@code --image}) replace the search. A Dockerfile's base
 * image and its slim, full and alpine siblings are always shown, first. Images the catalog cannot
 * place are shown as unknown unless {@code --python} and {@code --libc} describe them.
 */
public final class CandidateSearch {

  private static final String PYTHON = "docker.io/library/python";

  private CandidateSearch() {}

  /**
   * What the search is asked.
   *
   * @param named {@code --image}, as written; empty for the search
   * @param platforms {@code --platform}, parsed; empty for linux/amd64
   * @param python {@code --python}: narrows the minors searched; the Python of a record that has
   *     none (ubuntu:24.04); with {@code libc}, describes an image the catalog cannot place
   * @param libc {@code --libc}, with {@code python}
   * @param pip {@code --pip}: the pip that installs on every image
   * @param measured describes an image the catalog cannot place by running it on a container
   *     engine; empty when no engine answers or the engine lacks the image
   */
  public record Request(Catalog catalog, Optional<LocalDate> asOf, Optional<String> requiresPython, Optional<String> baseImage,
      List<String> named, List<Platform> platforms, Optional<Version> python, Optional<Libc> libc, Optional<PipProfile> pip,
      Function<ImageReference, Optional<ResolvedImage>> measured) {
    public Request {
      Objects.requireNonNull(catalog, "catalog");
      Objects.requireNonNull(asOf, "asOf");
      Objects.requireNonNull(requiresPython, "requiresPython");
      Objects.requireNonNull(baseImage, "baseImage");
      named = List.copyOf(named);
      platforms = List.copyOf(platforms.isEmpty() ? List.of(Platform.LINUX_AMD64) : platforms);
      Objects.requireNonNull(python, "python");
      Objects.requireNonNull(libc, "libc");
      Objects.requireNonNull(pip, "pip");
      Objects.requireNonNull(measured, "measured");
    }

    /** A request with no engine to describe unplaced images. */
    public Request(Catalog catalog, Optional<LocalDate> asOf, Optional<String> requiresPython, Optional<String> baseImage,
        List<String> named, List<Platform> platforms, Optional<Version> python, Optional<Libc> libc, Optional<PipProfile> pip) {
      this(catalog, asOf, requiresPython, baseImage, named, platforms, python, libc, pip, ref -> Optional.empty());
    }
  }

  /** The search's answer: the images to compare, or why the request names none (a usage error). */
  public sealed interface Outcome permits Placed, Unplaced {}

  /**
   * The candidates, in the order shown (the base and its siblings first, then newest Python
   * first), and the images the project uses: the Dockerfile's base under the names the plans
   * give it; empty when the images were named or nothing names one.
   */
  public record Placed(List<ImageCandidate> candidates, Set<String> inUse) implements Outcome {
    public Placed {
      candidates = List.copyOf(candidates);
      inUse = Set.copyOf(inUse);
    }
  }

  /** A named image the catalog cannot place or that is not published for a platform asked for. */
  public record Unplaced(String reason) implements Outcome {
    public Unplaced {
      Objects.requireNonNull(reason, "reason");
    }
  }

  public static Outcome search(Request request) {
    try {
      return request.named().isEmpty() ? new Search(request).unnamed() : new Search(request).named();
    } catch (Refused refused) {
      return new Unplaced(refused.getMessage());
    }
  }

  /** The minors the search covers, newest first ({@code 3.14}, {@code 3.13}…), from the records in force. */
  static List<String> minors(Catalog catalog, Optional<LocalDate> asOf, Optional<String> requiresPython, Optional<Version> python) {
    Optional<SpecifierSet> spec = requiresPython.flatMap(text -> {
      try {
        return Optional.of(SpecifierSet.parse(text));
      } catch (InvalidSpecifier e) {
        return Optional.empty(); // pip ignores an invalid requires-python; so does the search
      }
    });
    TreeMap<Version, Version> newestOfMinor = new TreeMap<>(Comparator.reverseOrder());
    for (CatalogEntry e : inForce(catalog, asOf)) {
      Optional<Version> v = e.python().value();
      if (!e.name().equals(PYTHON) || v.isEmpty() || v.get().isPrerelease() || v.get().release().size() < 2) {
        continue;
      }
      Version minor = Version.tryParse(minorOf(v.get()));
      newestOfMinor.merge(minor, v.get(), (a, b) -> a.compareTo(b) >= 0 ? a : b);
    }
    List<String> out = new ArrayList<>();
    newestOfMinor.forEach((minor, newest) -> {
      boolean admitted = spec.map(s -> s.contains(newest)).orElse(true);
      boolean asked = python.map(p -> minorOf(p).equals(minor.toString())).orElse(true);
      if (admitted && asked) {
        out.add(minor.toString());
      }
    });
    return out;
  }

  /**
   * The tags of one minor's search, in column order: slim then full on the newest and the
   * previous Debian release, then the newest and the previous Alpine release
   * ({@code 3.13-slim-trixie}, {@code 3.13-trixie}, {@code 3.13-slim-bookworm}, {@code 3.13-bookworm},
   * {@code 3.13-alpine}, {@code 3.13-alpine3.23}).
   */
  static List<String> tagsOf(Catalog catalog, Optional<LocalDate> asOf, String minor) {
    TreeMap<Integer, String> debian = new TreeMap<>(Comparator.reverseOrder());
    TreeMap<Version, String> alpine = new TreeMap<>(Comparator.reverseOrder());
    for (CatalogEntry e : inForce(catalog, asOf)) {
      if (!e.name().equals(PYTHON) || e.python().value().map(v -> !minorOf(v).equals(minor)).orElse(true)) {
        continue;
      }
      Optional<OsRelease> os = e.os().value();
      if (os.isEmpty()) {
        continue;
      }
      if (os.get().id().equals("debian") && os.get().codename().isPresent()) {
        catalog.release("debian", os.get().codename().get()).flatMap(r -> parseInt(r.release()))
            .ifPresent(n -> debian.put(n, os.get().codename().get()));
      } else if (os.get().id().equals("alpine") && os.get().version().isPresent()) {
        String[] parts = os.get().version().get().split("\\.");
        if (parts.length >= 2) {
          Version v = Version.tryParse(parts[0] + "." + parts[1]);
          if (v != null) {
            alpine.put(v, parts[0] + "." + parts[1]);
          }
        }
      }
    }
    List<String> tags = new ArrayList<>();
    debian.values().stream().limit(2).forEach(codename -> {
      tags.add(minor + "-slim-" + codename);
      tags.add(minor + "-" + codename);
    });
    alpine.values().stream().limit(2).forEach(release -> tags.add(minor + "-alpine" + release));
    return tags;
  }

  /**
   * The name people write for a tag of the newest release ({@code 3.13-slim} for
   * {@code 3.13-slim-trixie}, {@code 3.13-alpine} for {@code 3.13-alpine3.24}) when it names the
   * same record on the date; else the tag as it is.
   */
  static String shortTag(String tag) {
    if (tag.matches("\\d+\\.\\d+-slim-[a-z]+")) {
      return tag.substring(0, tag.indexOf("-slim-")) + "-slim";
    }
    if (tag.matches("\\d+\\.\\d+-alpine\\d+\\.\\d+")) {
      return tag.substring(0, tag.indexOf("-alpine")) + "-alpine";
    }
    return tag.matches("\\d+\\.\\d+-[a-z]+") ? tag.substring(0, tag.indexOf('-')) : tag;
  }

  private static Optional<Integer> parseInt(String text) {
    try {
      return Optional.of(Integer.parseInt(text));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static List<CatalogEntry> inForce(Catalog catalog, Optional<LocalDate> asOf) {
    return asOf.map(catalog::inForce).orElse(catalog.entries());
  }

  private static String minorOf(Version v) {
    return v.releasePart(0) + "." + v.releasePart(1);
  }

  /** A named image that cannot be compared: the whole request is refused. */
  private static final class Refused extends RuntimeException {
    Refused(String message) {
      super(message, null, false, false);
    }
  }

  /** One search: the request and what it has resolved so far. */
  private static final class Search {
    private final Request request;
    private final List<ResolvedImage> resolved = new ArrayList<>();
    private final List<ImageCandidate> unplaced = new ArrayList<>();
    private final Set<CatalogEntry> seen = new HashSet<>();
    /**
     * Tag lists by target and pip: slim and full of one Python on one architecture have the
     * same, and a list is several hundred tags, so each is computed once per search.
     */
    private final java.util.Map<TagsKey, ChooserTarget> targets = new java.util.HashMap<>();

    private record TagsKey(dev.wheelwise.tags.Target target, dev.wheelwise.pep440.PipProfile profile) {}

    Search(Request request) {
      this.request = request;
    }

    Placed named() {
      for (String text : request.named()) {
        try {
          add(resolveOrDescribe(ImageReference.parse(text)));
        } catch (ParseError bad) {
          throw new Refused("--image: " + bad.getMessage());
        }
      }
      return new Placed(candidates(true), Set.of());
    }

    Placed unnamed() {
      Set<String> inUse = new LinkedHashSet<>();
      request.baseImage().ifPresent(base -> {
        inUse.add(base);
        placeBase(base).ifPresent(b -> inUse.add(b.reference().familiar()));
      });
      List<String> minors = minors(request.catalog(), request.asOf(), request.requiresPython(), request.python());
      for (String minor : minors) {
        for (String tag : tagsOf(request.catalog(), request.asOf(), minor)) {
          Optional<ResolvedImage> exact = listed(python(tag));
          Optional<ResolvedImage> common = listed(python(shortTag(tag)));
          boolean same = exact.isPresent() && common.isPresent() && common.get().entry().equals(exact.get().entry());
          (same ? common : exact).ifPresent(this::add);
        }
      }
      if (resolved.isEmpty()) {
        // Nothing admitted (a requires-python no catalogued Python meets): the newest Python and its
        // siblings are shown, so the verdicts say why none fits.
        newestPython().ifPresent(this::addWithSiblings);
      }
      return new Placed(candidates(false), request.baseImage().isPresent() ? inUse : Set.of());
    }

    /** The Dockerfile's base and its siblings, or the base shown as unknown; the resolved base when placed. */
    private Optional<ResolvedImage> placeBase(String base) {
      ImageReference ref;
      try {
        ref = ImageReference.parse(base);
      } catch (ParseError bad) {
        platforms().forEach(p -> unplaced.add(ImageCandidate.unplaced(base, p.toString(), bad.getMessage())));
        return Optional.empty();
      }
      try {
        ResolvedImage image = described(request.catalog().resolve(ref, request.asOf()));
        addWithSiblings(image);
        return Optional.of(image);
      } catch (UnknownImage notPlaced) {
        Optional<ResolvedImage> given = describedAs(ref).or(() -> request.measured().apply(ref));
        if (given.isPresent()) {
          add(given.get());
          return given;
        }
        platforms().forEach(p -> unplaced.add(ImageCandidate.unplaced(base, p.toString(), notPlaced.getMessage())));
        return Optional.empty();
      }
    }

    private void addWithSiblings(ResolvedImage image) {
      for (Sibling s : Siblings.of(request.catalog(), image, request.asOf())) {
        if (s.relation() == Sibling.Relation.SELF || s.relation() == Sibling.Relation.FULL
            || s.relation() == Sibling.Relation.SLIM || s.relation() == Sibling.Relation.ALPINE) {
          add(s.image());
        }
      }
    }

    private Optional<ResolvedImage> newestPython() {
      List<String> all = minors(request.catalog(), request.asOf(), Optional.empty(), Optional.empty());
      for (String minor : all) {
        Optional<ResolvedImage> slim = listed(python(minor + "-slim"));
        if (slim.isPresent()) {
          return slim;
        }
      }
      return Optional.empty();
    }

    private void add(ResolvedImage image) {
      if (seen.add(image.entry()) || image.entry().origin() == CatalogEntry.Origin.DESCRIBED) {
        resolved.add(image);
      }
    }

    private Optional<ResolvedImage> listed(ImageReference ref) {
      try {
        ResolvedImage r = request.catalog().resolve(ref, request.asOf());
        return r.resolution() == ResolvedImage.Resolution.LISTED ? Optional.of(r) : Optional.empty();
      } catch (UnknownImage e) {
        return Optional.empty();
      }
    }

    private static ImageReference python(String tag) {
      return ImageReference.of(ImageReference.DOCKER_HUB, "library/python", tag);
    }

    private List<Platform> platforms() {
      return request.platforms();
    }

    /** Every resolved image on every platform; a named image not published for one refuses the request. */
    private List<ImageCandidate> candidates(boolean named) {
      List<ImageCandidate> out = new ArrayList<>(unplaced);
      List<String> names = resolved.stream().map(r -> r.reference().familiar()).distinct().toList();
      for (ResolvedImage image : resolved) {
        String name = image.reference().familiar();
        List<String> siblings = names.stream().filter(n -> !n.equals(name)).toList();
        for (Platform platform : platforms()) {
          try {
            out.add(ImageCandidate.of(ImageFacts.of(image, platform), siblings, request.pip(),
                (t, p) -> targets.computeIfAbsent(new TagsKey(t, p), k -> ChooserTarget.of(t, p))));
          } catch (UnknownImage notPublished) {
            if (named) {
              throw new Refused(notPublished.getMessage());
            }
            out.add(ImageCandidate.unplaced(name, platform.toString(), notPublished.getMessage()));
          }
        }
      }
      return out;
    }

    private ResolvedImage resolveOrDescribe(ImageReference ref) {
      try {
        return described(request.catalog().resolve(ref, request.asOf()));
      } catch (UnknownImage unknown) {
        return describedAs(ref).or(() -> request.measured().apply(ref)).orElseThrow(() -> new Refused(unknown.getMessage()));
      }
    }

    /** A catalog record without a Python (ubuntu:24.04) with the --python given; others as they are. */
    private ResolvedImage described(ResolvedImage image) {
      if (image.entry().python().value().isPresent() || request.python().isEmpty()) {
        return image;
      }
      return Catalog.withPython(image, request.python().get());
    }

    /** The image as --python and --libc describe it, when both are given. */
    private Optional<ResolvedImage> describedAs(ImageReference ref) {
      if (request.python().isEmpty() && request.libc().isEmpty()) {
        return Optional.empty();
      }
      if (request.python().isEmpty() || request.libc().isEmpty()) {
        throw new Refused("--python and --libc describe an image together; give both (e.g. --python 3.12 --libc glibc-2.36)");
      }
      return Optional.of(request.catalog().describe(ref, request.python().get(), request.libc().get()));
    }
  }
}
