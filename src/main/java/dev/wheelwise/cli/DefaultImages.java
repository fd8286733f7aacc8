package dev.wheelwise.cli;

import dev.wheelwise.image.Catalog;
import dev.wheelwise.image.CatalogEntry;
import dev.wheelwise.pep440.InvalidSpecifier;
import dev.wheelwise.pep440.SpecifierSet;
import dev.wheelwise.pep440.Version;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Optional;

/**
 * {@code check}'s default image without a Dockerfile: {@code python:X.Y-slim} for the newest
 * final CPython X.Y the catalog has in force that the project's {@code requires-python}
 * admits (a lock for {@code ==3.13.*} is compared on 3.13, not on images it excludes).
 */
final class DefaultImages {
  private DefaultImages() {}

  static String newestAllowed(Catalog catalog, Optional<LocalDate> date, Optional<String> requiresPython) {
    Optional<SpecifierSet> spec = requiresPython.flatMap(text -> {
      try {
        return Optional.of(SpecifierSet.parse(text));
      } catch (InvalidSpecifier e) {
        return Optional.empty();
      }
    });
    return date.map(catalog::inForce).orElse(catalog.entries()).stream()
        .filter(e -> e.name().equals("docker.io/library/python"))
        .map(CatalogEntry::python)
        .flatMap(f -> f.value().stream())
        .filter(v -> !v.isPrerelease() && v.release().size() >= 2)
        .filter(v -> spec.map(s -> s.contains(v)).orElse(true))
        .max(Comparator.naturalOrder())
        .map(v -> "python:" + v.releasePart(0) + "." + v.releasePart(1) + "-slim")
        .orElse("python:3-slim");
  }
}
