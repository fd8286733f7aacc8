package dev.wheelwise.project;

import java.util.Set;

/**
 * uv's {@code [tool.uv] default-groups} in a pyproject.toml: the dependency groups {@code uv sync}
 * and {@code uv export} install when the command names none. uv.lock does not record it, so a
 * lock read alone cannot say; uv's own default is {@code ["dev"]}.
 *
 * @param all {@code default-groups = "all"}: every group the project defines
 * @param names the listed groups, normalized (empty when {@code all})
 */
public record UvDefaultGroups(boolean all, Set<String> names) {

  /** uv's default when the setting is absent. */
  public static final UvDefaultGroups UV_DEFAULT = new UvDefaultGroups(false, Set.of("dev"));

  public UvDefaultGroups {
    names = Set.copyOf(names);
  }

  /** The groups this setting selects among {@code known}. */
  public Set<String> among(Set<String> known) {
    return all ? Set.copyOf(known) : names;
  }
}
