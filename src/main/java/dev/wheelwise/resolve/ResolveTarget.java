package dev.wheelwise.resolve;

import dev.wheelwise.pep440.PipProfile;
import dev.wheelwise.pep440.SpecifierSet;
import dev.wheelwise.pep440.Version;
import dev.wheelwise.pep508.MarkerEnvironment;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One environment to resolve for: the markers dependencies are evaluated with, the pip whose
 * packaging parses and filters, {@code --pre}, a description for messages ({@code CPython 3.12
 * musl-1.2 x86_64}), and the distributions already installed there (PEP 503 name to version,
 * empty when the version is not known). Which files are installable there is the
 * {@link MetadataSource}'s answer.
 */
public record ResolveTarget(MarkerEnvironment markers, PipProfile profile, boolean pre, String description,
    Map<String, Optional<Version>> installed) {
  public ResolveTarget {
    Objects.requireNonNull(markers, "markers");
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(description, "description");
    installed = Map.copyOf(installed);
  }

  /**
   * Whether pip keeps the installed distribution {@code name} for a requirement with this
   * specifier and these extras (pip's default upgrade strategy, {@code only-if-needed}): the
   * specifier allows its version, pre-releases included as pip's {@code is_satisfied_by} does,
   * or, when the version is not recorded, the requirement asks for no version range. A
   * requirement with extras is left to resolution: what the extras need is not installed.
   */
  public boolean keeps(String name, SpecifierSet specifier, Set<String> extras) {
    Optional<Version> version = installed.get(name);
    if (version == null || !extras.isEmpty()) {
      return false;
    }
    return version.isPresent() ? specifier.contains(version.get(), profile, Optional.of(true)) : specifier.specifiers().isEmpty();
  }

  /** A target with nothing installed beyond pip. */
  public ResolveTarget(MarkerEnvironment markers, PipProfile profile, boolean pre, String description) {
    this(markers, profile, pre, description, Map.of());
  }
}
