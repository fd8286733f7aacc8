package dev.wheelwise.advise;

import dev.wheelwise.dockerfile.CommandOption;
import dev.wheelwise.pep508.Names;
import dev.wheelwise.project.LockedSet;
import dev.wheelwise.project.UvDefaultGroups;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code uv sync} and {@code uv export}: the main dependencies, the project's default groups
 * ({@code [tool.uv] default-groups}, {@code dev} unless set) and the groups and extras the options
 * name. As uv documents it, {@code --no-group} wins over {@code --group}, {@code --all-groups} and
 * the defaults; {@code --no-dev} is {@code --no-group dev}; {@code --no-default-groups} drops only
 * the defaults.
 */
final class UvSelection {
  private UvSelection() {}

  static void select(List<CommandOption> options, LockedSet lock, UvDefaultGroups defaults, Set<String> allGroups,
      Set<String> allExtras, SelectionDraft draft) {
    Set<String> known = new LinkedHashSet<>(allGroups);
    known.addAll(lock.rootGroups().keySet());
    Set<String> named = new LinkedHashSet<>();
    Set<String> removed = new LinkedHashSet<>();
    Set<String> noExtra = new LinkedHashSet<>();
    boolean useDefaults = true;
    for (CommandOption o : options) {
      String v = o.value() == null ? null : Names.canonicalize(o.value());
      switch (o.name()) {
        case "--no-dev" -> removed.add("dev");
        case "--no-default-groups" -> useDefaults = false;
        case "--dev" -> named.add("dev");
        case "--group" -> named.add(v);
        case "--all-groups" -> named.addAll(known);
        case "--no-group" -> removed.add(v);
        case "--only-group", "--only-dev" -> {
          named.add(v == null ? "dev" : v);
          useDefaults = false;
          draft.notes.add(o.written() + (v == null ? "" : " " + o.value()) + " leaves out the main dependencies; compared with them");
        }
        case "--extra" -> draft.extras.add(v);
        case "--all-extras" -> draft.extras.addAll(allExtras);
        case "--no-extra" -> noExtra.add(v);
        case "--package", "--all-packages" -> draft.notes.add(o.written() + " selects workspace members; compared for the root project");
        default -> {}
      }
    }
    Set<String> selected = new LinkedHashSet<>(useDefaults ? defaults.among(known) : Set.of());
    selected.addAll(named);
    selected.removeAll(removed);
    draft.extras.removeAll(noExtra);
    draft.dev = selected.removeAll(lock.devGroups());
    draft.groups.addAll(selected);
  }
}
