package dev.wheelwise.resolve;

import dev.wheelwise.pep440.Version;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;

/**
 * What the resolver reads of an index for one target. The file choice itself (tags,
 * requires-python of the files, yanking, format control) belongs to the caller's chooser; the
 * resolver only needs, per project, the versions that have an installable file there and which
 * file that is, and per release its {@code Requires-Dist}. A release whose dependencies no
 * source recorded answers empty: the resolver reports it as unknown instead of assuming none.
 */
public interface MetadataSource {

  /** Whether the index lists any file of the project at all. */
  boolean listed(String canonicalName);

  /** The versions with a file pip would install on the target, and that file's name. */
  NavigableMap<Version, String> installable(String canonicalName);

  /** Why no version of a listed project is installable on the target (the chooser's words). */
  String whyNotInstallable(String canonicalName);

  /** {@code Requires-Dist} of one release and where it was read; empty when unknown. */
  Optional<Dependencies> dependencies(String canonicalName, Version version);

  /** Recorded dependencies of one release (PEP 508 strings) and their origin, for messages. */
  record Dependencies(List<String> requirements, String from) {
    public Dependencies {
      requirements = List.copyOf(requirements);
    }
  }
}
