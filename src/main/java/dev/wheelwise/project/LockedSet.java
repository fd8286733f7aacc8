package dev.wheelwise.project;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A lock file read into one shape for all formats: exact versions, their files, the dependency
 * graph and the roots a user installs from.
 *
 * <p>Two ways to get from a lock to what is installed, named by {@link Selection}: uv.lock,
 * poetry.lock before 2.1 and pdm.lock without {@code inherit_metadata} keep a graph that is
 * walked from the roots; pylock.toml, Pipfile.lock, poetry.lock 2.1 and pdm.lock with
 * {@code inherit_metadata} say per package under which markers and groups it is installed.
 *
 * @param file the lock file's path as given
 * @param kind which format
 * @param lockVersion the format version as written ({@code "1"}+revision for uv, {@code "2.1"}…)
 * @param requiresPython the Python versions the lock is valid for (PEP 440 specifier), if stated
 * @param environments markers of the environments the lock is valid for (pylock
 *     {@code environments}, uv {@code supported-markers}); empty = any
 * @param packages every locked release, in file order
 * @param selection how the install set follows from the lock
 * @param roots main dependencies of the project (graph selection)
 * @param rootExtras the project's extras → the edges they add (graph selection)
 * @param rootGroups dependency groups → the edges they add (graph selection)
 * @param defaultGroups groups installed when the user names none ({@code "main"},
 *     {@code "default"}); for pylock its {@code default-groups}
 * @param devGroups the groups {@code --dev} means ({@code dev}, {@code develop})
 * @param rootsKnown false when the roots live in a file that was not found next to the lock (a
 *     graph lock without its pyproject.toml); the install set is then an error, not a guess
 */
public record LockedSet(
    String file,
    InputKind kind,
    String lockVersion,
    Optional<String> requiresPython,
    List<String> environments,
    List<LockedPackage> packages,
    Selection selection,
    List<LockedDependency> roots,
    Map<String, List<LockedDependency>> rootExtras,
    Map<String, List<LockedDependency>> rootGroups,
    Set<String> defaultGroups,
    Set<String> devGroups,
    boolean rootsKnown) implements ProjectInput {

  /** How the install set is derived. */
  public enum Selection {
    /** Walk edges from the roots. */
    GRAPH,
    /** Take every package whose group is selected and whose marker holds. */
    PER_PACKAGE_MARKERS
  }

  public LockedSet {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(lockVersion, "lockVersion");
    Objects.requireNonNull(requiresPython, "requiresPython");
    Objects.requireNonNull(selection, "selection");
    environments = List.copyOf(environments);
    packages = List.copyOf(packages);
    roots = List.copyOf(roots);
    rootExtras = Map.copyOf(rootExtras);
    rootGroups = Map.copyOf(rootGroups);
    defaultGroups = Set.copyOf(defaultGroups);
    devGroups = Set.copyOf(devGroups);
  }
}
