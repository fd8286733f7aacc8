package dev.wheelwise.advise;

import dev.wheelwise.project.Origin;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One package the project installs: its name, the versions it allows (a lock pins one) and
 * the files known for it.
 *
 * @param filesComplete whether {@code files} is every file of the allowed releases (a lock's
 *     list) or only those a source happened to see (the snapshot): a choice of an sdist or of
 *     nothing from an incomplete list is marked, since the missing wheel was not seen to be absent
 * @param unresolved why no choice can be made at all (a loose requirement this build cannot
 *     resolve), reported as unknown
 * @param otherReleases files of the project's other releases the source knows, for the remedy
 *     "these versions have wheels here" (empty for a lock: its versions are fixed)
 * @param origin where the project asks for it (its requirement line, its lock table), when one
 *     line does; a dependency the project does not name has none
 * @param absent pip's words when every index answered and none has the project: nothing is
 *     installable, as a fact (empty otherwise)
 */
public record Wanted(String name, VersionFilter versions, List<CandidateFile> files, boolean filesComplete, Optional<String> unresolved,
    List<CandidateFile> otherReleases, Optional<Origin> origin, Optional<String> absent) {

  public Wanted(String name, VersionFilter versions, List<CandidateFile> files, boolean filesComplete, Optional<String> unresolved,
      List<CandidateFile> otherReleases, Optional<Origin> origin) {
    this(name, versions, files, filesComplete, unresolved, otherReleases, origin, Optional.empty());
  }

  public Wanted {
    Objects.requireNonNull(absent, "absent");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(versions, "versions");
    files = List.copyOf(files);
    Objects.requireNonNull(unresolved, "unresolved");
    otherReleases = List.copyOf(otherReleases);
    Objects.requireNonNull(origin, "origin");
  }

  /** A package whose files are all listed (a lock). */
  public static Wanted listed(String name, VersionFilter versions, List<CandidateFile> files, Optional<Origin> origin) {
    return new Wanted(name, versions, files, true, Optional.empty(), List.of(), origin);
  }
}
