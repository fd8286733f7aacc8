package dev.wheelwise.project;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One file of a locked release as the lock lists it: a wheel or an sdist. Lock formats list
 * different subsets (poetry and pdm: file name and hash; uv and pylock: url, size, hashes and
 * upload time), so everything but the name is optional.
 *
 * @param fileName the file name ({@code numpy-2.3.4-cp312-cp312-musllinux_1_2_x86_64.whl})
 * @param url where the lock says it is downloaded from, or the local path for path sources
 * @param size bytes, when listed
 * @param hashes algorithm → lower-case hex digest
 * @param uploadTime when the index received it (PEP 700), when listed
 */
public record DistributionFile(
    String fileName, Optional<String> url, OptionalLong size, Map<String, String> hashes, Optional<Instant> uploadTime) {

  public DistributionFile {
    Objects.requireNonNull(fileName, "fileName");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(size, "size");
    Objects.requireNonNull(uploadTime, "uploadTime");
    hashes = Map.copyOf(hashes);
  }

  public boolean isWheel() {
    return fileName.endsWith(".whl");
  }
}
