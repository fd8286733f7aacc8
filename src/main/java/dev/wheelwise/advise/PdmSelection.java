package dev.wheelwise.advise;

import dev.wheelwise.dockerfile.CommandOption;
import dev.wheelwise.project.LockedSet;
import java.util.List;
import java.util.Set;

/**
 * {@code pdm install}/{@code pdm sync}: the default group and every dev-dependency group unless
 * {@code --prod}; {@code -G} adds a group or an extra by name ({@code :all} for every one).
 */
final class PdmSelection {
  private PdmSelection() {}

  static void select(List<CommandOption> options, LockedSet lock, Set<String> allGroups, Set<String> allExtras,
      SelectionDraft draft) {
    boolean prod = false;
    for (CommandOption o : options) {
      switch (o.name()) {
        case "--prod", "--production" -> prod = true;
        case "--group" -> {
          for (String g : SelectionDraft.splitList(o.value())) {
            if (g.equals(":all")) {
              draft.groups.addAll(allGroups);
              draft.extras.addAll(allExtras);
            } else if (allExtras.contains(g)) {
              draft.extras.add(g);
            } else if (!lock.defaultGroups().contains(g)) {
              draft.groups.add(g);
            }
          }
        }
        case "--no-default" -> draft.notes.add("--no-default leaves out the default group; compared with it");
        default -> {}
      }
    }
    draft.dev = !prod;
    if (draft.dev) {
      draft.groups.addAll(allGroups);
    }
  }
}
