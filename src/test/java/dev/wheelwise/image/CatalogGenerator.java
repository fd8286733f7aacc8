package dev.wheelwise.image;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wheelwise.image.CatalogJson.EntryJson;
import dev.wheelwise.image.CatalogJson.FactJson;
import dev.wheelwise.image.CatalogJson.FileJson;
import dev.wheelwise.image.CatalogJson.OsJson;
import dev.wheelwise.image.CatalogJson.PlatformJson;
import dev.wheelwise.image.CatalogJson.ReleaseJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns the shared catalog (../shared/catalog: base-images.json and libc-by-release.tsv) into
 * the bundled resource {@code src/main/resources/dev/wheelwise/image/catalog.json}: facts and
 * provenance only, each fact marked VERIFIED, DERIVED, UNVERIFIED or unknown.
 *
 * <p>A test-scope tool: the shipped jar never reads ../shared. {@link CatalogResourceTest}
 * fails when the committed resource differs from a fresh generation; run it with {@code
 * -Dwheelwise.updateSnapshots=true} (or this class's {@code main}) to rewrite the resource.
 *
 * <p>Rules: a libc version read with its package ({@code musl-1.2.6-r2}) is VERIFIED; one that
 * equals its OS release's row in the release table is DERIVED when that row is verified and
 * UNVERIFIED when it is recall; a missing one is derived from the table the same way. A record
 * whose sources are all recall (or none) has every fact UNVERIFIED. Nulls stay unknown.
 */
public final class CatalogGenerator {

  static final Path RESOURCE = Path.of("src/main/resources/dev/wheelwise/image/catalog.json");

  /** Release-table OS names that differ from /etc/os-release IDs. */
  private static final Map<String, String> OS_IDS = Map.of("amazonlinux", "amzn", "rhel/ubi", "rhel");

  public static void main(String[] args) throws IOException {
    Path catalogDir = Path.of(args.length > 0 ? args[0] : "../shared/catalog");
    Files.writeString(RESOURCE, generate(catalogDir), StandardCharsets.UTF_8);
  }

  /** The resource text for the shared catalog folder. */
  public static String generate(Path catalogDir) throws IOException {
    List<ReleaseJson> releases = releases(Files.readAllLines(catalogDir.resolve("libc-by-release.tsv"), StandardCharsets.UTF_8));
    JsonNode source = CatalogJson.mapper().readTree(catalogDir.resolve("base-images.json").toFile());
    String generated = source.path("generated").asText();
    List<EntryJson> entries = new ArrayList<>();
    for (JsonNode image : source.path("images")) {
      entries.add(entry(image, generated, releases));
    }
    FileJson file = new FileJson(
        CatalogJson.SCHEMA,
        "../shared/catalog/base-images.json (" + source.path("schema").asText() + ", generated " + generated
            + ") and libc-by-release.tsv; sources and caveats in ../shared/catalog/SOURCES.md",
        generated,
        releases,
        entries);
    return CatalogJson.write(file);
  }

  static List<ReleaseJson> releases(List<String> lines) {
    List<ReleaseJson> out = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      if (line.isBlank()) {
        continue;
      }
      String[] cols = line.split("\t", -1);
      String os = OS_IDS.getOrDefault(cols[0], cols[0]);
      String release = cols[1];
      String codename = null;
      int paren = release.indexOf(" (");
      if (paren > 0) {
        codename = release.substring(paren + 2, release.length() - 1);
        release = release.substring(0, paren);
      }
      String version = cols[3].split(" ", 2)[0];
      boolean verified = cols[5].startsWith("VERIFIED");
      out.add(new ReleaseJson(os, release, codename, cols[2], version, verified, cols[5]));
    }
    return out;
  }

  private static EntryJson entry(JsonNode image, String generated, List<ReleaseJson> releases) {
    String repository = image.path("repository").asText();
    String name = normalizedName(repository);
    boolean python = name.equals("docker.io/library/python");
    List<String> sources = strings(image.path("sources"));
    String notes = text(image, "notes");
    boolean trusted = !sources.isEmpty()
        && sources.stream().anyMatch(s -> !s.contains("UNVERIFIED"))
        && (notes == null || !(notes.contains("nothing verified") || notes.contains("Not verified")));
    String recordBasis = sources.isEmpty() ? "the catalog record (no source)" : sources.get(0);
    List<String> tags = strings(image.path("tags"));

    String variant = null;
    if (python) {
      variant = tags.get(0).contains("-slim") ? "slim" : tags.get(0).contains("-alpine") ? "alpine" : "full";
    }

    JsonNode os = image.path("os");
    FactJson<OsJson> osFact = os.isObject()
        ? new FactJson<>(new OsJson(text(os, "id"), text(os, "version"), text(os, "codename")),
            trusted ? "VERIFIED" : "UNVERIFIED",
            python ? "tag and Dockerfile FROM (" + recordBasis + ")" : recordBasis)
        : unknown("the catalog has no OS for this image");

    JsonNode libc = image.path("libc");
    String family = libc.isObject() ? text(libc, "family") : null;
    String libcPackage = libc.isObject() ? text(libc, "package") : null;
    FactJson<String> libcVersion = libcVersion(libc.isObject() ? text(libc, "version") : null, libcPackage, os, trusted, releases);

    FactJson<String> pythonFact = known(text(image, "python"), trusted,
        python ? "official-images tag set (" + recordBasis + ")" : recordBasis,
        python ? "not recorded" : "no Python in the record (the base image has none, or it was not read)");
    FactJson<String> pip = known(text(image, "pip"), trusted,
        "PYTHON_PIP_VERSION pinned in the Dockerfile (" + sources.stream().filter(s -> s.contains("Dockerfile")).findFirst().orElse(recordBasis) + ")",
        python
            ? "pip not pinned: it is CPython's ensurepip-bundled version, and the catalog has no table of those"
            : "no pip in the record");

    List<PlatformJson> platforms = new ArrayList<>();
    for (JsonNode p : image.path("platforms")) {
      platforms.add(new PlatformJson(text(p, "platform"), text(p, "digest"), longOrNull(p.path("compressedBytes")), longOrNull(p.path("uncompressedBytes"))));
    }
    String compilerBasis = python
        ? ("full".equals(variant) ? "Dockerfile template: the full variant is FROM buildpack-deps" : "Dockerfile template: build deps are purged after compiling CPython")
        : recordBasis;
    FactJson<List<String>> compilers = new FactJson<>(strings(image.path("compilers")), trusted ? "VERIFIED" : "UNVERIFIED", compilerBasis);
    FactJson<String> packageManager = known(text(image, "packageManager"), trusted, python ? "Dockerfile FROM (" + recordBasis + ")" : recordBasis, "not recorded");

    String asOf = text(image, "asOf");
    return new EntryJson(
        name,
        tags,
        strings(image.path("sharedTags")),
        asOf != null ? asOf : generated,
        asOf != null,
        variant,
        osFact,
        family,
        libcVersion,
        libcPackage,
        pythonFact,
        pip,
        text(image, "indexDigest"),
        platforms,
        compilers,
        packageManager,
        CatalogEntry.Origin.CATALOG.name(),
        sources,
        notes == null ? "" : notes);
  }

  private static FactJson<String> libcVersion(String version, String libcPackage, JsonNode os, boolean trusted, List<ReleaseJson> releases) {
    Optional<ReleaseJson> row = os.isObject()
        ? releases.stream().filter(r -> r.os().equals(text(os, "id")) && r.release().equals(text(os, "version"))).findFirst()
        : Optional.empty();
    if (version != null) {
      if (libcPackage != null && trusted) {
        return new FactJson<>(version, "VERIFIED", "package list of the image or its base: " + libcPackage);
      }
      if (row.isPresent() && row.get().libcVersion().equals(version)) {
        String provenance = trusted && row.get().verified() ? "DERIVED" : "UNVERIFIED";
        return new FactJson<>(version, provenance, "release table: " + row.get().os() + " " + row.get().release() + " ships " + version + " (" + row.get().source() + ")");
      }
      return new FactJson<>(version, "UNVERIFIED", "the catalog record, with no package list or release-table row to confirm it");
    }
    if (row.isPresent()) {
      String provenance = trusted && row.get().verified() ? "DERIVED" : "UNVERIFIED";
      return new FactJson<>(row.get().libcVersion(), provenance,
          "derived from the release table: " + row.get().os() + " " + row.get().release() + " ships " + row.get().libcVersion() + " (" + row.get().source() + ")");
    }
    return unknown("no libc version in the record and no release-table row for its OS");
  }

  private static FactJson<String> known(String value, boolean trusted, String basis, String unknownBasis) {
    return value == null ? unknown(unknownBasis) : new FactJson<>(value, trusted ? "VERIFIED" : "UNVERIFIED", basis);
  }

  private static <T> FactJson<T> unknown(String basis) {
    return new FactJson<>(null, Provenance.UNKNOWN.name(), basis);
  }

  static String normalizedName(String repository) {
    try {
      return ImageReference.parse(repository).name();
    } catch (InvalidImageReference e) {
      throw new IllegalArgumentException("catalog repository is not a Docker name: " + repository, e);
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.path(field);
    return v.isNull() || v.isMissingNode() ? null : v.asText();
  }

  private static Long longOrNull(JsonNode v) {
    return v.isNumber() ? v.asLong() : null;
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
