package dev.wheelwise.image;

import dev.wheelwise.pep440.Version;
import java.util.Objects;
import java.util.Optional;

/**
 * A distribution the image's Python already has before the Dockerfile installs anything, as pip
 * sees it in site-packages: pip keeps it for a requirement it satisfies (its default upgrade
 * strategy, {@code only-if-needed}) instead of installing that project again.
 *
 * @param name the PEP 503 normalized project name
 * @param version the installed version, when the catalog records it
 * @param basis where the fact comes from, for messages
 */
public record PreinstalledDistribution(String name, Optional<Version> version, String basis) {
  public PreinstalledDistribution {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(basis, "basis");
  }
}
