package dev.wheelwise.advise;

import dev.wheelwise.dockerfile.CommandOption;
import dev.wheelwise.project.GroupSelection;
import dev.wheelwise.project.LockedSet;
import dev.wheelwise.project.LockToolSettings;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which groups and extras of a lock a Dockerfile's command installs, by each tool's own defaults
 * and options (one class a tool: {@link UvSelection}, {@link PoetrySelection},
 * {@link PdmSelection}, {@link PipenvSelection}). A selection that leaves out the main
 * dependencies ({@code --only-group}, {@code --only-dev}, {@code poetry --only G},
 * {@code pdm --no-default}) cannot be expressed and is compared with them, said in
 * {@link Selected#notes}; so is a workspace member ({@code --package}), and a group or extra the
 * lock does not have.
 */
public final class ToolSelections {
  private ToolSelections() {}

  /** The selection, and what of the command it does not reproduce exactly. */
  public record Selected(GroupSelection selection, List<String> notes) {
    public Selected {
      notes = List.copyOf(notes);
    }
  }

  /**
   * @param tool {@code uv-sync}, {@code uv} (export), {@code poetry}, {@code poetry-export},
   *     {@code pdm} or {@code pipenv}
   * @param settings the project's {@code [tool.uv] default-groups} and Poetry's optional groups
   */
  public static Selected of(String tool, List<CommandOption> options, LockedSet lock, LockToolSettings settings) {
    Set<String> allGroups = groupsOf(lock);
    Set<String> allExtras = new TreeSet<>(lock.rootExtras().keySet());
    SelectionDraft draft = new SelectionDraft();
    switch (tool) {
      case "uv-sync", "uv" -> UvSelection.select(options, lock, settings.uvDefaultGroups(), allGroups, allExtras, draft);
      case "poetry", "poetry-export" -> PoetrySelection.select(tool.equals("poetry"), options, lock, settings.poetryOptionalGroups(), allGroups,
          allExtras, draft);
      case "pdm" -> PdmSelection.select(options, lock, allGroups, allExtras, draft);
      case "pipenv" -> PipenvSelection.select(options, draft);
      default -> draft.notes.add(tool + "'s group options are not modelled; compared for the main dependencies");
    }
    draft.groups.removeIf(g -> !allGroups.contains(g) && !lock.devGroups().contains(g) && !lock.defaultGroups().contains(g)
        && draft.notes.add("group '" + g + "' is not in " + lock.file() + "; left out"));
    draft.extras.removeIf(e -> !allExtras.contains(e) && draft.notes.add("extra '" + e + "' is not in " + lock.file() + "; left out"));
    return new Selected(new GroupSelection(draft.extras, draft.groups, draft.dev), draft.notes);
  }

  /** The optional groups a lock knows: its root groups, or those its packages name (per-package locks). */
  static Set<String> groupsOf(LockedSet lock) {
    Set<String> out = new TreeSet<>(lock.rootGroups().keySet());
    lock.packages().forEach(p -> out.addAll(p.groups()));
    out.removeAll(lock.defaultGroups());
    return out;
  }
}
