package dev.wheelwise.index;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * Installed sizes already measured, one small file per wheel named by its sha256 (from the
 * index page: the same hash is the same bytes), holding the size in decimal. OkHttp caches no
 * 206 answer, so without this every run would repeat the range requests. Written atomically
 * (a temporary file moved into place); an unreadable or malformed entry counts as absent.
 */
final class InstalledSizeCache {
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
  private static final Pattern DECIMAL = Pattern.compile("[0-9]{1,18}");

  private final Path dir;

  /** @param dir the folder of the entries, made on first write */
  InstalledSizeCache(Path dir) {
    this.dir = dir;
  }

  OptionalLong get(String sha256) {
    if (!SHA256.matcher(sha256).matches()) {
      return OptionalLong.empty();
    }
    try {
      String text = Files.readString(dir.resolve(sha256), StandardCharsets.US_ASCII).strip();
      return DECIMAL.matcher(text).matches() ? OptionalLong.of(Long.parseLong(text)) : OptionalLong.empty();
    } catch (IOException e) {
      return OptionalLong.empty(); // absent or unreadable: measured again
    }
  }

  void put(String sha256, long installedBytes) {
    if (!SHA256.matcher(sha256).matches()) {
      return;
    }
    try {
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, sha256, ".tmp");
      Files.writeString(tmp, Long.toString(installedBytes), StandardCharsets.US_ASCII);
      try {
        Files.move(tmp, dir.resolve(sha256), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, dir.resolve(sha256), StandardCopyOption.REPLACE_EXISTING);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      // a cache that cannot be written only costs the next run the same range requests
    }
  }
}
