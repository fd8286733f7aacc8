package dev.wheelwise.resolve;

import dev.wheelwise.pep440.Version;
import java.util.List;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;

/**
 * What the resolver reads of an index for one target. The file choice itself (tags,
 * requires-python of the files, yanking, format control) belongs to the caller's chooser; the
 * resolver only needs, per project, the versions that have an installable file there and which
 * file that is, and per release the core metadata pip reads from that file ({@code Requires-Dist},
 * {@code Requires-Python}). A release whose metadata no source gives answers {@link Unknown}:
 * the resolver reports it instead of assuming it needs nothing.
 */
public interface MetadataSource {

  /** Whether the index lists any file of the project at all. */
  boolean listed(String canonicalName);

  /**
   * Whether a project that is not listed is known to be on no index (every location answered
   * and none has it): pip then stops with "No matching distribution found". Else it is unknown.
   */
  default boolean absent(String canonicalName) {
    return false;
  }

  /** The versions with a file pip would install on the target, and that file's name. */
  NavigableMap<Version, String> installable(String canonicalName);

  /** Why no version of a listed project is installable on the target (the chooser's words). */
  String whyNotInstallable(String canonicalName);

  /** The core metadata of one release as pip reads it on the target, or why it is not known. */
  Metadata metadata(String canonicalName, Version version);

  /** What is known of one release's core metadata. */
  sealed interface Metadata permits Known, Unknown {}

  /**
   * {@code Requires-Dist} (PEP 508 strings), {@code Requires-Python} when the source gives it (a
   * source that records only dependencies does not), and where they were read, for messages.
   */
  record Known(List<String> requirements, Optional<String> requiresPython, String from) implements Metadata {
    public Known {
      requirements = List.copyOf(requirements);
      Objects.requireNonNull(requiresPython, "requiresPython");
      Objects.requireNonNull(from, "from");
    }
  }

  /** Not known, and why ({@code no metadata recorded}, {@code the index offers no metadata file for …}). */
  record Unknown(String reason) implements Metadata {}
}
