package dev.wheelwise.image;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Any bytes as the catalog overlay ({@code images.json}, written by {@code images refresh} and
 * read by every later run): its entries, or an {@link IOException} saying what is wrong, never
 * another exception.
 */
class OverlayFuzzTest {

  private static Path file;

  @FuzzTest(maxDuration = "10s")
  void read(byte[] data) {
    try {
      if (file == null) {
        file = Files.createTempFile("wheelwise-fuzz-overlay", ".json");
        file.toFile().deleteOnExit();
      }
      Files.write(file, data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      Overlay.read(file).forEach(CatalogEntry::toString);
    } catch (IOException expected) {
      // the documented failure: the command reports it with the overlay's path
    }
  }
}
