package dev.wheelwise.project;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What pip/uv/poetry/pdm/pipenv install from a lock for one target: each package once, with the
 * extras activated on it and the first package (or root) that pulled it in.
 *
 * @param file the lock file
 * @param packages sorted by name
 * @param notLocked names depended on that the lock leaves to the environment on purpose (Poetry
 *     before 1.4 did not lock setuptools, pip, wheel or distribute)
 */
public record InstallSet(String file, List<Item> packages, List<String> notLocked) {

  /**
   * @param pkg the locked release
   * @param extras extras activated on it
   * @param via the name of the package whose edge first reached it, or {@code "<root>"}
   */
  public record Item(LockedPackage pkg, Set<String> extras, String via) {
    public Item {
      Objects.requireNonNull(pkg, "pkg");
      extras = Set.copyOf(extras);
      Objects.requireNonNull(via, "via");
    }
  }

  public InstallSet {
    Objects.requireNonNull(file, "file");
    packages = List.copyOf(packages);
    notLocked = List.copyOf(notLocked);
  }
}
