package dev.wheelwise.advise;

import dev.wheelwise.dockerfile.CommandOption;
import dev.wheelwise.project.LockedSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code poetry install} (every group but the optional ones, {@code --with}, {@code --without}, {@code --only},
 * {@code -E}, {@code --all-extras}) and {@code poetry export} (the main group only unless
 * {@code --with}).
 */
final class PoetrySelection {
  private PoetrySelection() {}

  static void select(boolean install, List<CommandOption> options, LockedSet lock, Set<String> optionalGroups,
      Set<String> allGroups, Set<String> allExtras, SelectionDraft draft) {
    if (install) {
      allGroups.stream().filter(g -> !optionalGroups.contains(g)).forEach(draft.groups::add);
    }
    Set<String> without = new LinkedHashSet<>();
    for (CommandOption o : options) {
      List<String> values = SelectionDraft.splitList(o.value());
      switch (o.name()) {
        case "--with" -> draft.groups.addAll(values);
        case "--without" -> without.addAll(values);
        case "--no-dev" -> without.addAll(lock.devGroups());
        case "--dev" -> draft.dev = true;
        case "--all-groups" -> draft.groups.addAll(allGroups);
        case "--only" -> {
          draft.groups.clear();
          values.stream().filter(g -> !lock.defaultGroups().contains(g)).forEach(draft.groups::add);
          if (!values.isEmpty() && values.stream().noneMatch(lock.defaultGroups()::contains)) {
            draft.notes.add("--only " + o.value() + " leaves out the main dependencies; compared with them");
          }
        }
        case "--extras" -> draft.extras.addAll(values);
        case "--all-extras" -> draft.extras.addAll(allExtras);
        default -> {}
      }
    }
    draft.groups.removeAll(without);
    draft.groups.removeAll(lock.defaultGroups());
  }
}
