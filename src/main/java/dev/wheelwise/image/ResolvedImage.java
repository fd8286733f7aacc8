package dev.wheelwise.image;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A reference placed in the catalog: the record that describes it, how it was found, and
 * what a person should know about that (aliases followed, dates, derivations).
 *
 * @param reference the reference as given, normalized
 * @param entry the record
 * @param resolution how the record was found
 * @param pinnedPlatform the platform a per-platform digest names, if the reference had one
 * @param remarks sentences for people: {@code python:3.12-slim is python:3.12.14-slim-trixie as of 2026-08-21}
 */
public record ResolvedImage(ImageReference reference, CatalogEntry entry, Resolution resolution, Optional<Platform> pinnedPlatform, List<String> remarks) {

  /** How a reference was placed. */
  public enum Resolution {
    /** The tag is listed on the record (its own tag, an alias, or a shared tag). */
    LISTED,
    /** The digest is the record's index digest or one of its platforms' digests. */
    DIGEST,
    /** The tag is not listed; the record was made from what the tag states and the catalog knows. */
    DERIVED,
    /** The user described the image with --python and --libc. */
    DESCRIBED
  }

  public ResolvedImage {
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(entry, "entry");
    Objects.requireNonNull(resolution, "resolution");
    Objects.requireNonNull(pinnedPlatform, "pinnedPlatform");
    remarks = List.copyOf(remarks);
  }

  /** The reference of the record's most specific tag. */
  public ImageReference canonical() {
    return entry.reference();
  }
}
