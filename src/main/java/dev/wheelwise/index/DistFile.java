package dev.wheelwise.index;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * One file of a project as an index lists it (PEP 503/691/700). Optional fields are unknown
 * when absent; nothing is filled in by guessing.
 *
 * @param filename the file name, e.g. {@code numpy-2.3.4-cp312-cp312-musllinux_1_2_x86_64.whl}
 * @param url the absolute URL (credentials never included), or empty when a source gave none
 * @param hashes algorithm to lower-case hex digest, possibly empty (PEP 691: mandatory, may be empty)
 * @param requiresPython the {@code requires-python} specifier text, unparsed (pip ignores an invalid one)
 * @param coreMetadata PEP 658/714: whether a {@code .metadata} file exists and its hashes
 * @param yanked PEP 592
 * @param size bytes (PEP 700), when known
 * @param uploadTime PEP 700, when known
 */
public record DistFile(
    String filename,
    Optional<String> url,
    Map<String, String> hashes,
    Optional<String> requiresPython,
    CoreMetadataRef coreMetadata,
    Yanked yanked,
    OptionalLong size,
    Optional<Instant> uploadTime) {

  /** PEP 658/714 metadata availability: absent, present without hash, or present with hashes. */
  public record CoreMetadataRef(boolean available, Map<String, String> hashes) {
    public static final CoreMetadataRef NONE = new CoreMetadataRef(false, Map.of());

    public CoreMetadataRef {
      hashes = Map.copyOf(hashes);
      if (!available && !hashes.isEmpty()) {
        throw new IllegalArgumentException("hashes given for metadata that is not available");
      }
    }
  }

  public DistFile {
    Objects.requireNonNull(filename, "filename");
    Objects.requireNonNull(url, "url");
    hashes = Map.copyOf(new TreeMap<>(hashes));
    Objects.requireNonNull(requiresPython, "requiresPython");
    Objects.requireNonNull(coreMetadata, "coreMetadata");
    Objects.requireNonNull(yanked, "yanked");
    Objects.requireNonNull(size, "size");
    Objects.requireNonNull(uploadTime, "uploadTime");
    if (size.isPresent() && size.getAsLong() < 0) {
      throw new IllegalArgumentException("negative size for " + filename);
    }
  }

  public boolean isWheel() {
    return filename.endsWith(".whl");
  }

  public Optional<String> sha256() {
    return Optional.ofNullable(hashes.get("sha256"));
  }
}
