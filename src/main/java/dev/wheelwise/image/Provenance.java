package dev.wheelwise.image;

/**
 * How a fact is known, best first. {@code check} lowers its confidence for anything after
 * {@link #DERIVED}; {@link #UNKNOWN} facts are printed as "unknown", never guessed.
 */
public enum Provenance {
  /** Read from a primary source: the image's own files, its registry manifest, its Dockerfile. */
  VERIFIED,
  /** Read by running the image ({@code wheelwise images describe}): what its python3, libc and pip report. */
  MEASURED,
  /** Given by the user on the command line ({@code --python 3.11 --libc glibc-2.36}). */
  GIVEN,
  /** Computed from verified facts (musl version from the Alpine release, Python from the tag). */
  DERIVED,
  /** Recalled or assumed, not checked against a source: shown as UNVERIFIED. */
  UNVERIFIED,
  /** Not known. */
  UNKNOWN;

  /** The worse of two: a fact derived from an unverified one is unverified. */
  public Provenance worse(Provenance other) {
    return compareTo(other) >= 0 ? this : other;
  }

  /** True for facts {@code check} may rely on without lowering its confidence. */
  public boolean trusted() {
    return compareTo(DERIVED) <= 0;
  }
}
