package dev.wheelwise.index;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The fields of a distribution's core metadata (the {@code METADATA} file, served by PEP 658 as
 * {@code <file>.metadata}) that selection needs.
 *
 * @param name {@code Name}
 * @param version {@code Version}
 * @param requiresPython {@code Requires-Python}, if present
 * @param requiresDist every {@code Requires-Dist} line, as written
 */
public record CoreMetadata(String name, String version, Optional<String> requiresPython, List<String> requiresDist) {
  public CoreMetadata {
    requiresDist = List.copyOf(requiresDist);
  }

  /**
   * Reads the RFC 822-style header block (core metadata spec): {@code Key: value} lines,
   * continuation lines start with white space, the body starts after the first empty line.
   */
  public static CoreMetadata parse(String text) {
    String name = "";
    String version = "";
    String requiresPython = null;
    List<String> requiresDist = new ArrayList<>();
    String lastKey = null;
    for (String line : text.split("\\r?\\n")) {
      if (line.isEmpty()) {
        break;
      }
      if (Character.isWhitespace(line.charAt(0))) {
        continue; // folded continuation; none of the fields read here span lines in practice
      }
      int colon = line.indexOf(':');
      if (colon <= 0) {
        continue;
      }
      lastKey = line.substring(0, colon).strip();
      String value = line.substring(colon + 1).strip();
      switch (lastKey.toLowerCase(java.util.Locale.ROOT)) {
        case "name":
          name = value;
          break;
        case "version":
          version = value;
          break;
        case "requires-python":
          requiresPython = value;
          break;
        case "requires-dist":
          requiresDist.add(value);
          break;
        default:
          break;
      }
    }
    return new CoreMetadata(name, version, Optional.ofNullable(requiresPython), requiresDist);
  }
}
