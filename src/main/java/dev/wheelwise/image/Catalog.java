package dev.wheelwise.image;

import dev.wheelwise.image.ResolvedImage.Resolution;
import dev.wheelwise.pep440.Version;
import dev.wheelwise.tags.Libc;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The base-image catalog: the bundled records (generated from the project's shared catalog),
 * plus the local overlay that {@code images refresh} writes, and the release table that says
 * which libc an OS release ships. Answers which record a reference names, on a date.
 */
public final class Catalog {

  static final String RESOURCE = "/dev/wheelwise/image/catalog.json";
  static final String PYTHON = "docker.io/library/python";

  private final List<CatalogEntry> entries;
  private final List<ReleaseLibc> releases;
  private final LocalDate built;

  Catalog(List<CatalogEntry> entries, List<ReleaseLibc> releases, LocalDate built) {
    this.entries = List.copyOf(entries);
    this.releases = List.copyOf(releases);
    this.built = Objects.requireNonNull(built, "built");
  }

  /** The bundled catalog alone. */
  public static Catalog bundled() {
    try (InputStream in = Catalog.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the bundled catalog " + RESOURCE + " is missing from the build");
      }
      CatalogJson.FileJson file = CatalogJson.read(in);
      return new Catalog(
          file.entries().stream().map(CatalogJson::toModel).toList(),
          file.releases().stream().map(CatalogJson::toModel).toList(),
          LocalDate.parse(file.generated()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the bundled catalog", e);
    }
  }

  /** The bundled catalog with the overlay file's records, when the file exists. */
  public static Catalog load(Path overlay) throws IOException {
    Catalog catalog = bundled();
    return Files.exists(overlay) ? catalog.withEntries(Overlay.read(overlay)) : catalog;
  }

  /** This catalog plus more records (an overlay's), which win ties with bundled ones. */
  public Catalog withEntries(List<CatalogEntry> more) {
    List<CatalogEntry> all = new ArrayList<>(more);
    all.addAll(entries);
    return new Catalog(all, releases, built);
  }

  public List<CatalogEntry> entries() {
    return entries;
  }

  public List<ReleaseLibc> releases() {
    return releases;
  }

  /** The date the bundled catalog was built: the as-of of records that had no date. */
  public LocalDate built() {
    return built;
  }

  /**
   * The records in force on {@code date}: dated on or before it and not replaced, for any of
   * their tags, by a later record dated on or before it.
   */
  public List<CatalogEntry> inForce(LocalDate date) {
    List<CatalogEntry> out = new ArrayList<>();
    for (CatalogEntry e : entries) {
      if (e.asOf().isAfter(date)) {
        continue;
      }
      boolean replaced = e.tags().stream().allMatch(tag -> entries.stream().anyMatch(o -> o != e
          && o.name().equals(e.name()) && o.hasTag(tag) && !o.asOf().isAfter(date) && o.asOf().isAfter(e.asOf())));
      if (!replaced) {
        out.add(e);
      }
    }
    return out;
  }

  /** The release-table row for an OS release, by version ({@code 12}, {@code 3.20}) or codename. */
  public Optional<ReleaseLibc> release(String os, String versionOrCodename) {
    return releases.stream()
        .filter(r -> r.os().equals(os) && (r.release().equals(versionOrCodename) || r.codename().equals(Optional.of(versionOrCodename))))
        .findFirst();
  }

  /** Resolves as of the newest record. */
  public ResolvedImage resolve(ImageReference reference) throws UnknownImage {
    return resolve(reference, Optional.empty());
  }

  /**
   * The record a reference names: by digest; by a listed tag (the record in force on {@code
   * asOf}, or the newest); or, for the python image, derived from what an unlisted tag states.
   * Never guessed: anything else is an {@link UnknownImage}.
   */
  public ResolvedImage resolve(ImageReference reference, Optional<LocalDate> asOf) throws UnknownImage {
    if (reference.digest().isPresent()) {
      return byDigest(reference);
    }
    String tag = reference.tag().orElseThrow();
    Optional<ResolvedImage> listed = byTag(reference, tag, asOf);
    if (listed.isPresent()) {
      return listed.get();
    }
    if (reference.name().equals(PYTHON)) {
      Optional<PythonTag> parsed = PythonTag.parse(tag);
      if (parsed.isPresent()) {
        return derive(reference, parsed.get(), asOf);
      }
    }
    boolean known = entries.stream().anyMatch(e -> e.name().equals(reference.name()));
    String what = known
        ? "the catalog has " + reference.familiarName() + " but not its tag '" + tag + "' (known: "
            + entries.stream().filter(e -> e.name().equals(reference.name())).flatMap(e -> e.tags().stream()).distinct().limit(8).collect(Collectors.joining(", ")) + ", …)"
        : "the catalog cannot place " + reference.familiar() + " (not a catalogued image)";
    throw new UnknownImage(UnknownImage.describeWith(what));
  }

  /**
   * An image the user described: the given Python and libc, everything else unknown. This is
   * how a private base image works everywhere.
   */
  public ResolvedImage describe(ImageReference reference, Version python, Libc libc) {
    String basis = "given on the command line";
    CatalogEntry entry = new CatalogEntry(
        reference.name(), List.of(reference.tag().orElse("latest")), List.of(), built, false, Optional.empty(),
        Fact.unknown("not described"), Optional.of(libc.family()), Fact.of(libc.major() + "." + libc.minor(), Provenance.GIVEN, basis),
        Optional.empty(), Fact.of(python, Provenance.GIVEN, basis), Fact.unknown("not described"), Optional.empty(), List.of(),
        Fact.unknown("not described"), Fact.unknown("not described"), CatalogEntry.Origin.DESCRIBED, List.of(), "");
    return new ResolvedImage(reference, entry, Resolution.DESCRIBED, Optional.empty(),
        List.of(reference.familiar() + " described as CPython " + python + " on " + libc + " (given, not checked)"));
  }

  /**
   * A placed image whose record has no Python (ubuntu:24.04 ships none; a Dockerfile installs one)
   * with the Python the user gives; every other fact stays the record's.
   */
  public static ResolvedImage withPython(ResolvedImage image, Version python) {
    CatalogEntry e = image.entry();
    CatalogEntry given = new CatalogEntry(e.name(), e.tags(), e.sharedTags(), e.asOf(), e.dated(), e.variant(), e.os(),
        e.libcFamily(), e.libcVersion(), e.libcPackage(), Fact.of(python, Provenance.GIVEN, "given on the command line"), e.pip(),
        e.indexDigest(), e.platforms(), e.compilers(), e.packageManager(), e.origin(), e.sources(), e.notes());
    List<String> remarks = new ArrayList<>(image.remarks());
    remarks.add(image.reference().familiar() + " described as having CPython " + python + " (given, not checked)");
    return new ResolvedImage(image.reference(), given, image.resolution(), image.pinnedPlatform(), remarks);
  }

  private ResolvedImage byDigest(ImageReference reference) throws UnknownImage {
    String digest = reference.digest().orElseThrow();
    for (CatalogEntry e : entries) {
      if (!e.name().equals(reference.name())) {
        continue;
      }
      if (e.indexDigest().equals(Optional.of(digest))) {
        return new ResolvedImage(reference, e, Resolution.DIGEST, Optional.empty(),
            List.of(reference.familiarName() + "@" + shortDigest(digest) + " is " + e.reference().familiar() + " as of " + e.asOf()));
      }
      for (ImagePlatform p : e.platforms()) {
        if (p.digest().equals(Optional.of(digest))) {
          Platform platform;
          try {
            platform = Platform.parse(p.platform());
          } catch (InvalidPlatform bad) {
            throw new IllegalStateException("catalog platform " + p.platform(), bad);
          }
          return new ResolvedImage(reference, e, Resolution.DIGEST, Optional.of(platform),
              List.of(reference.familiarName() + "@" + shortDigest(digest) + " is the " + platform + " image of " + e.reference().familiar() + " as of " + e.asOf()));
        }
      }
    }
    throw new UnknownImage(UnknownImage.describeWith("the catalog has no image with digest " + digest));
  }

  private Optional<ResolvedImage> byTag(ImageReference reference, String tag, Optional<LocalDate> asOf) {
    List<CatalogEntry> candidates = entries.stream()
        .filter(e -> e.name().equals(reference.name()) && e.hasTag(tag))
        .sorted(Comparator.comparing(CatalogEntry::asOf).reversed()) // stable: overlay first on ties
        .toList();
    if (candidates.isEmpty()) {
      return Optional.empty();
    }
    List<String> remarks = new ArrayList<>();
    CatalogEntry chosen;
    if (asOf.isPresent()) {
      LocalDate date = asOf.get();
      Optional<CatalogEntry> inForce = candidates.stream().filter(e -> !e.asOf().isAfter(date)).findFirst();
      if (inForce.isPresent()) {
        chosen = inForce.get();
      } else {
        chosen = candidates.get(candidates.size() - 1);
        remarks.add("the catalog has no record of " + reference.familiar() + " on or before " + date
            + "; the earliest it has is as of " + chosen.asOf() + (chosen.dated() ? "" : " (undated record; catalog built " + built + ")"));
      }
    } else {
      chosen = candidates.get(0);
    }
    if (!chosen.tags().isEmpty() && !chosen.tags().get(0).equals(tag)) {
      remarks.add(0, reference.familiar() + " is " + chosen.reference().familiar() + " as of " + chosen.asOf()
          + (chosen.dated() ? "" : " (undated record; catalog built " + built + ")"));
    }
    if (chosen.origin() == CatalogEntry.Origin.REFRESHED) {
      remarks.add("read from its registry on " + chosen.asOf() + " (local overlay)");
    }
    return Optional.of(new ResolvedImage(reference, chosen, Resolution.LISTED, Optional.empty(), remarks));
  }

  /**
   * A record for a python tag the catalog does not list ({@code 3.12.7-slim}, {@code
   * 3.12.7-alpine3.20}): the Python the tag states, the OS it states (or, when it names none,
   * the OS its short alias had, marked UNVERIFIED), the libc of that OS from the release table,
   * and the variant's compilers and package manager. Sizes, digests and pip stay unknown.
   */
  private ResolvedImage derive(ImageReference reference, PythonTag tag, Optional<LocalDate> asOf) throws UnknownImage {
    String tagText = reference.tag().orElseThrow();
    Optional<String> minor = tag.minor();
    List<CatalogEntry> sameMinor = minor.isEmpty() ? List.of() : entries.stream()
        .filter(e -> e.name().equals(PYTHON) && e.python().value().map(v -> minorOf(v).equals(minor.get())).orElse(false))
        .toList();
    if (sameMinor.isEmpty()) {
      throw new UnknownImage(UnknownImage.describeWith("the catalog has no python:" + tagText
          + (minor.isPresent() ? " and no Python " + minor.get() + " image to derive it from" : " (a moving tag it does not list)")));
    }
    List<String> remarks = new ArrayList<>();
    LocalDate date = asOf.orElse(built);

    // The variant's template: compilers and package manager are the same across its images.
    CatalogEntry template = sameMinor.stream().filter(e -> e.variant().equals(Optional.of(tag.variant()))).findFirst()
        .orElseThrow(() -> new UnknownImage(UnknownImage.describeWith("the catalog has no python:" + minor.get() + " " + tag.variant() + " image to derive python:" + tagText + " from")));

    Fact<OsRelease> os;
    Optional<String> releaseName = Optional.empty();
    String osId;
    if (tag.os().isPresent() && !tag.os().get().equals("alpine")) {
      osId = tag.variant().equals("alpine") ? "alpine" : "debian";
      String named = tag.alpineRelease().orElse(tag.os().get());
      Optional<ReleaseLibc> row = release(osId, named);
      if (osId.equals("debian") && row.isEmpty()) {
        throw new UnknownImage(UnknownImage.describeWith("python:" + tagText + " names '" + named + "', which is not a Debian release the catalog knows"));
      }
      releaseName = Optional.of(row.map(ReleaseLibc::release).orElse(named));
      os = Fact.of(new OsRelease(osId, releaseName, row.flatMap(ReleaseLibc::codename)), Provenance.DERIVED, "stated by the tag");
    } else {
      // No OS in the tag: the short alias (3.12-slim, 3.12-alpine, 3.12) names one as of its record.
      String alias = minor.get() + (tag.variant().equals("full") ? "" : "-" + tag.variant());
      Optional<ResolvedImage> aliased = byTag(reference.withTag(alias), alias, asOf);
      if (aliased.isEmpty() || !aliased.get().entry().os().known()) {
        throw new UnknownImage(UnknownImage.describeWith("python:" + tagText + " names no OS and the catalog has no python:" + alias + " to take it from"));
      }
      CatalogEntry a = aliased.get().entry();
      OsRelease o = a.os().value().orElseThrow();
      osId = o.id();
      releaseName = o.version();
      os = Fact.of(o, Provenance.UNVERIFIED, "assumed: python:" + alias + " was " + a.reference().familiar() + " as of " + a.asOf()
          + "; a python:" + tagText + " built at another time may have used another release");
      remarks.add("python:" + tagText + " names no OS; assumed " + o + " as python:" + alias + " had as of " + a.asOf() + " (UNVERIFIED)");
    }

    Optional<ReleaseLibc> row = releaseName.flatMap(r -> release(osId, r));
    Fact<String> libcVersion = row
        .map(r -> Fact.of(r.version(), r.verified() && os.provenance().trusted() ? Provenance.DERIVED : Provenance.UNVERIFIED,
            "derived from the release table: " + r.os() + " " + r.release() + " ships " + r.version() + " (" + r.source() + ")"))
        .orElse(Fact.unknown("no release-table row for " + os.value().map(OsRelease::toString).orElse("its OS")));
    Optional<Libc.Family> family = row.map(ReleaseLibc::family).or(template::libcFamily);

    Fact<Version> pythonFact = tag.exactPython()
        ? Fact.of(CatalogJson.version(tag.version()), Provenance.DERIVED, "stated by the tag")
        : Fact.of(CatalogJson.version(minor.get()), Provenance.DERIVED, "the tag states Python " + minor.get() + " only; the patch release is unknown");

    CatalogEntry entry = new CatalogEntry(
        PYTHON, List.of(tagText), List.of(), date, false, Optional.of(tag.variant()), os, family, libcVersion, Optional.empty(),
        pythonFact, Fact.unknown("not recorded for a tag the catalog does not list"), Optional.empty(), List.of(),
        derived(template.compilers(), template), derived(template.packageManager(), template),
        CatalogEntry.Origin.DERIVED_TAG, List.of(), "Derived from the tag and the catalog; sizes, digests and pip unknown.");
    remarks.add(0, "python:" + tagText + " is not listed; derived from the tag and the catalog (sizes, digests and pip unknown)");
    return new ResolvedImage(reference, entry, Resolution.DERIVED, Optional.empty(), remarks);
  }

  private static <T> Fact<T> derived(Fact<T> fact, CatalogEntry template) {
    if (!fact.known()) {
      return fact;
    }
    Provenance p = fact.provenance().trusted() ? Provenance.DERIVED : Provenance.UNVERIFIED;
    return new Fact<>(fact.value(), p, "as in every python:*-" + template.variant().orElse("") + " image (" + template.reference().familiar() + "): " + fact.basis());
  }

  static String minorOf(Version v) {
    return v.releasePart(0) + "." + v.releasePart(1);
  }

  private static String shortDigest(String digest) {
    int colon = digest.indexOf(':');
    return digest.substring(0, Math.min(digest.length(), colon + 13)) + "…";
  }
}
