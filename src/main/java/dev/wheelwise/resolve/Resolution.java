package dev.wheelwise.resolve;

import dev.wheelwise.pep440.Version;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the resolver decided for one target.
 *
 * @param pinned the packages pip would install, with the file it would choose, in pin order
 * @param unknown what could not be decided and why: projects no source lists, releases whose
 *     dependencies no source recorded (packages they need may be missing from {@code pinned})
 * @param unavailable projects with no installable file at all on the target (pip would stop there)
 * @param conflict when no solution exists (or the step bound was hit): a readable explanation
 * @param rounds resolution rounds used (pins tried), for the record
 * @param kept requirements met by what the target already has installed: pip keeps those and
 *     installs nothing for them
 */
public record Resolution(List<Pinned> pinned, List<Unknown> unknown, List<Unavailable> unavailable, Optional<String> conflict,
    int rounds, List<Kept> kept) {

  public Resolution {
    pinned = List.copyOf(pinned);
    unknown = List.copyOf(unknown);
    unavailable = List.copyOf(unavailable);
    Objects.requireNonNull(conflict, "conflict");
    kept = List.copyOf(kept);
  }

  /** A project the target already has in a version every requirement on it allows; who asked. */
  public record Kept(String name, Optional<Version> version, List<String> requiredBy) {
    public Kept {
      Objects.requireNonNull(version, "version");
      requiredBy = List.copyOf(requiredBy);
    }
  }

  /** One chosen release: its version, the file name pip takes, the extras asked for, who asked. */
  public record Pinned(String name, Version version, String file, Set<String> extras, List<String> requiredBy) {
    public Pinned {
      extras = Set.copyOf(extras);
      requiredBy = List.copyOf(requiredBy);
    }
  }

  /** A project with no installable file on the target, and the chooser's reason. */
  public record Unavailable(String name, String reason) {}

  /** A project (and release, when one was chosen) the resolver could not decide about. */
  public record Unknown(String name, Optional<Version> version, String reason) {}

  public boolean solved() {
    return conflict.isEmpty();
  }
}
