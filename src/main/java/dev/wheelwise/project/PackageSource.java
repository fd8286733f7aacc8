package dev.wheelwise.project;

import java.util.Objects;

/**
 * Where a locked package comes from. Only registry packages are chosen among index files; the
 * others are built or copied from what {@code location} names.
 *
 * @param kind the source kind as the lock spells it
 * @param location the index URL, repository URL (with revision), archive URL or path; empty when
 *     the lock does not say
 */
public record PackageSource(Kind kind, String location) {

  public enum Kind {
    REGISTRY,
    GIT,
    URL,
    PATH,
    DIRECTORY,
    EDITABLE,
    VIRTUAL,
    /** The lock does not say (Pipfile.lock and older poetry locks list registry packages so). */
    UNSPECIFIED
  }

  public static final PackageSource UNSPECIFIED = new PackageSource(Kind.UNSPECIFIED, "");

  public PackageSource {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(location, "location");
  }

  /** True for the project itself or a workspace member (built from the source tree). */
  public boolean isLocalProject() {
    return kind == Kind.EDITABLE || kind == Kind.VIRTUAL || kind == Kind.DIRECTORY;
  }

  @Override
  public String toString() {
    return kind.name().toLowerCase(java.util.Locale.ROOT) + (location.isEmpty() ? "" : "+" + location);
  }
}
