package dev.wheelwise.image;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.wheelwise.pep440.Version;
import dev.wheelwise.tags.Libc;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The wire format of the bundled catalog and of the local overlay (schema {@code
 * wheelwise.catalog/1}), kept apart from the model: nulls stay nulls here and become empty
 * {@link Optional}s and {@link Provenance#UNKNOWN} facts there.
 */
final class CatalogJson {
  static final String SCHEMA = "wheelwise.catalog/1";

  private CatalogJson() {}

  record FileJson(String schema, String generatedFrom, String generated, List<ReleaseJson> releases, List<EntryJson> entries) {}

  record ReleaseJson(String os, String release, String codename, String libcFamily, String libcVersion, boolean verified, String source) {}

  record FactJson<T>(T value, String provenance, String basis) {}

  record OsJson(String id, String version, String codename) {}

  record PlatformJson(String platform, String digest, Long compressedBytes, Long uncompressedBytes) {}

  record EntryJson(
      String name,
      List<String> tags,
      List<String> sharedTags,
      String asOf,
      boolean dated,
      String variant,
      FactJson<OsJson> os,
      String libcFamily,
      FactJson<String> libcVersion,
      String libcPackage,
      FactJson<String> python,
      FactJson<String> pip,
      String indexDigest,
      List<PlatformJson> platforms,
      FactJson<List<String>> compilers,
      FactJson<String> packageManager,
      String origin,
      List<String> sources,
      String notes) {}

  static ObjectMapper mapper() {
    return new ObjectMapper()
        .enable(SerializationFeature.INDENT_OUTPUT)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .setSerializationInclusion(JsonInclude.Include.ALWAYS);
  }

  static FileJson read(InputStream in) throws IOException {
    FileJson file = mapper().readValue(in, FileJson.class);
    if (!SCHEMA.equals(file.schema())) {
      throw new IOException("expected a catalog of schema " + SCHEMA + ", got " + file.schema());
    }
    return file;
  }

  static String write(FileJson file) {
    try {
      return mapper().writeValueAsString(file) + "\n";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ReleaseLibc toModel(ReleaseJson r) {
    return new ReleaseLibc(r.os(), r.release(), Optional.ofNullable(r.codename()), family(r.libcFamily()), r.libcVersion(), r.verified(), r.source());
  }

  static ReleaseJson toJson(ReleaseLibc r) {
    return new ReleaseJson(r.os(), r.release(), r.codename().orElse(null), r.family().lower(), r.version(), r.verified(), r.source());
  }

  static CatalogEntry toModel(EntryJson e) {
    List<ImagePlatform> platforms = new ArrayList<>();
    for (PlatformJson p : e.platforms()) {
      platforms.add(new ImagePlatform(p.platform(), Optional.ofNullable(p.digest()), optionalLong(p.compressedBytes()), optionalLong(p.uncompressedBytes())));
    }
    return new CatalogEntry(
        e.name(),
        e.tags(),
        e.sharedTags(),
        LocalDate.parse(e.asOf()),
        e.dated(),
        Optional.ofNullable(e.variant()),
        fact(e.os(), o -> new OsRelease(o.id(), Optional.ofNullable(o.version()), Optional.ofNullable(o.codename()))),
        Optional.ofNullable(e.libcFamily()).map(CatalogJson::family),
        fact(e.libcVersion(), v -> v),
        Optional.ofNullable(e.libcPackage()),
        fact(e.python(), CatalogJson::version),
        fact(e.pip(), CatalogJson::version),
        Optional.ofNullable(e.indexDigest()),
        platforms,
        fact(e.compilers(), List::copyOf),
        fact(e.packageManager(), v -> v),
        CatalogEntry.Origin.valueOf(e.origin()),
        e.sources(),
        e.notes());
  }

  static EntryJson toJson(CatalogEntry e) {
    List<PlatformJson> platforms = new ArrayList<>();
    for (ImagePlatform p : e.platforms()) {
      platforms.add(new PlatformJson(p.platform(), p.digest().orElse(null), boxed(p.compressedBytes()), boxed(p.uncompressedBytes())));
    }
    return new EntryJson(
        e.name(),
        e.tags(),
        e.sharedTags(),
        e.asOf().toString(),
        e.dated(),
        e.variant().orElse(null),
        json(e.os().map(o -> new OsJson(o.id(), o.version().orElse(null), o.codename().orElse(null)))),
        e.libcFamily().map(Libc.Family::lower).orElse(null),
        json(e.libcVersion()),
        e.libcPackage().orElse(null),
        json(e.python().map(Version::toString)),
        json(e.pip().map(Version::toString)),
        e.indexDigest().orElse(null),
        platforms,
        json(e.compilers()),
        json(e.packageManager()),
        e.origin().name(),
        e.sources(),
        e.notes());
  }

  private static <T, U> Fact<U> fact(FactJson<T> f, java.util.function.Function<T, U> convert) {
    if (f == null || f.value() == null) {
      return Fact.unknown(f == null || f.basis() == null ? "" : f.basis());
    }
    return Fact.of(convert.apply(f.value()), Provenance.valueOf(f.provenance()), f.basis());
  }

  private static <T> FactJson<T> json(Fact<T> f) {
    return new FactJson<>(f.value().orElse(null), f.provenance().name(), f.basis());
  }

  static Libc.Family family(String text) {
    return Libc.Family.valueOf(text.toUpperCase(Locale.ROOT));
  }

  static Version version(String text) {
    Version v = Version.tryParse(text);
    if (v == null) {
      throw new IllegalArgumentException("not a PEP 440 version in the catalog: " + text);
    }
    return v;
  }

  private static OptionalLong optionalLong(Long value) {
    return value == null ? OptionalLong.empty() : OptionalLong.of(value);
  }

  private static Long boxed(OptionalLong value) {
    return value.isPresent() ? value.getAsLong() : null;
  }
}
