package dev.wheelwise.index;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wheelwise.index.json.SimpleProjectJson;
import dev.wheelwise.pep508.Names;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * PEP 691 JSON (with PEP 700 and PEP 714 fields) to {@link ProjectPage}. Checks what the wire
 * types cannot: the major API version, sizes and upload times. A bad value is an error naming
 * the page and the file, never a silent "unknown".
 */
final class SimpleJsonTranslator {
  // Compiled once: checked for every file of every page.
  private static final java.util.regex.Pattern UPLOAD_TIME =
      java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?Z");

  private final ObjectMapper mapper =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, true);

  ProjectPage translate(byte[] body, String pageUrl, Source source, boolean yankKnown) throws IndexError {
    SimpleProjectJson dto;
    try {
      dto = SimpleProjectJson.from(mapper.readTree(body));
    } catch (JsonProcessingException e) {
      throw new IndexError(pageUrl, "malformed PEP 691 JSON: " + firstLine(e.getOriginalMessage()), e);
    } catch (java.io.IOException e) {
      throw new IndexError(pageUrl, "cannot read PEP 691 JSON: " + e.getMessage(), e);
    }
    if (dto == null || dto.name() == null || dto.files() == null) {
      throw new IndexError(pageUrl, "PEP 691 JSON without 'name' and 'files'");
    }
    ApiVersions.check(dto.meta() == null ? null : dto.meta().apiVersion(), pageUrl);
    List<DistFile> files = new ArrayList<>();
    for (SimpleProjectJson.FileJson f : dto.files()) {
      files.add(file(f, pageUrl, yankKnown));
    }
    List<String> versions = dto.versions() == null ? List.of() : dto.versions();
    return new ProjectPage(Names.canonicalize(dto.name()), versions, files, List.of(source));
  }

  private static DistFile file(SimpleProjectJson.FileJson f, String pageUrl, boolean yankKnown) throws IndexError {
    if (f.filename() == null || f.filename().isBlank()) {
      throw new IndexError(pageUrl, "a file entry has no 'filename'");
    }
    if (f.hashes() == null) {
      throw new IndexError(pageUrl, f.filename() + ": 'hashes' is mandatory (PEP 691)");
    }
    // As for HTML pages: user info in a file URL is a credential, never kept with the file (it
    // would reach the snapshot and the cache); the fetcher authenticates by host instead.
    Optional<String> url = f.url() == null ? Optional.empty() : Optional.of(Urls.withoutUserInfo(Urls.resolve(pageUrl, f.url())));
    return new DistFile(
        f.filename(),
        url,
        lowerValues(f.hashes()),
        Optional.ofNullable(f.requiresPython()),
        coreMetadata(f.coreMetadata() != null ? f.coreMetadata() : f.distInfoMetadata(), f.filename(), pageUrl),
        yanked(f.yanked(), yankKnown, f.filename(), pageUrl),
        size(f.size(), f.filename(), pageUrl),
        uploadTime(f.uploadTime(), f.filename(), pageUrl));
  }

  static Map<String, String> lowerValues(Map<String, String> hashes) {
    Map<String, String> out = new java.util.TreeMap<>();
    hashes.forEach((k, v) -> {
      if (k != null && v != null) {
        out.put(k.toLowerCase(java.util.Locale.ROOT), v.toLowerCase(java.util.Locale.ROOT));
      }
    });
    return out;
  }

  @SuppressWarnings("unchecked")
  private static DistFile.CoreMetadataRef coreMetadata(Object value, String filename, String pageUrl) throws IndexError {
    if (value == null || Boolean.FALSE.equals(value)) {
      return DistFile.CoreMetadataRef.NONE;
    }
    if (Boolean.TRUE.equals(value)) {
      return new DistFile.CoreMetadataRef(true, Map.of());
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, String> hashes = new java.util.TreeMap<>();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (e.getValue() instanceof String h) {
          hashes.put(String.valueOf(e.getKey()), h);
        }
      }
      return new DistFile.CoreMetadataRef(true, lowerValues(hashes));
    }
    throw new IndexError(pageUrl, filename + ": 'core-metadata' must be a boolean or an object of hashes, got " + value);
  }

  static Yanked yanked(Object value, boolean yankKnown, String filename, String pageUrl) throws IndexError {
    if (value == null || Boolean.FALSE.equals(value)) {
      return yankKnown ? Yanked.NO : Yanked.UNKNOWN;
    }
    if (Boolean.TRUE.equals(value)) {
      return Yanked.yes(null);
    }
    if (value instanceof String reason) {
      return Yanked.yes(reason);
    }
    throw new IndexError(pageUrl, filename + ": 'yanked' must be a boolean or a reason string, got " + value);
  }

  static OptionalLong size(Object value, String filename, String pageUrl) throws IndexError {
    if (value == null) {
      return OptionalLong.empty();
    }
    if (value instanceof Long n && n >= 0) {
      return OptionalLong.of(((Number) value).longValue());
    }
    throw new IndexError(pageUrl, filename + ": invalid size " + jsonish(value) + " (PEP 700: a non-negative integer of bytes)");
  }

  static Optional<Instant> uploadTime(String value, String filename, String pageUrl) throws IndexError {
    if (value == null) {
      return Optional.empty();
    }
    // PEP 700: yyyy-mm-ddThh:mm:ss.ffffffZ, UTC, fraction optional.
    if (!UPLOAD_TIME.matcher(value).matches()) {
      throw new IndexError(pageUrl, filename + ": invalid upload-time '" + value + "' (PEP 700: yyyy-mm-ddThh:mm:ss[.ffffff]Z)");
    }
    try {
      return Optional.of(Instant.parse(value));
    } catch (DateTimeParseException e) {
      throw new IndexError(pageUrl, filename + ": invalid upload-time '" + value + "': " + e.getMessage(), e);
    }
  }

  /** A JSON value as it was written: strings quoted, so "12" and 12 read differently. */
  private static String jsonish(Object value) {
    return value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
