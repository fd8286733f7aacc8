package dev.wheelwise.project;

import dev.wheelwise.pep508.Names;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Which optional parts of a project to install, as users say it: {@code --extra X},
 * {@code --group G}, {@code --dev} (the format's dev groups: uv's and poetry's {@code dev},
 * Pipfile's {@code develop}). The default is what a production image installs: the main
 * dependencies only ({@code --no-dev}).
 *
 * @param extras extra names, normalized
 * @param groups group names, normalized
 * @param dev also install the format's development groups
 */
public record GroupSelection(Set<String> extras, Set<String> groups, boolean dev) {

  public static final GroupSelection DEFAULT = new GroupSelection(Set.of(), Set.of(), false);

  public GroupSelection {
    Set<String> e = new LinkedHashSet<>();
    extras.forEach(x -> e.add(Names.canonicalize(x)));
    Set<String> g = new LinkedHashSet<>();
    groups.forEach(x -> g.add(Names.canonicalize(x)));
    extras = Set.copyOf(e);
    groups = Set.copyOf(g);
  }
}
