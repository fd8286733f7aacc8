package dev.wheelwise.cli;

import dev.wheelwise.image.Catalog;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/** The image catalog a command compares with, said on --verbose: the bundled one and the local overlay, if any. */
final class CatalogFiles {
  private CatalogFiles() {}

  static Catalog load(Path overlay, PrintWriter trace) throws IOException {
    Catalog catalog = Catalog.load(overlay);
    trace.println("verbose: catalog: bundled (built " + catalog.built() + ")"
        + (Files.exists(overlay) ? " with the overlay " + overlay : "; no overlay at " + overlay)
        + ", " + catalog.entries().size() + " records");
    trace.flush();
    return catalog;
  }
}
