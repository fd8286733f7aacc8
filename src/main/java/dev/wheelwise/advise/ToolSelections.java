package dev.wheelwise.advise;

import dev.wheelwise.dockerfile.CommandOption;
import dev.wheelwise.pep508.Names;
import dev.wheelwise.project.GroupSelection;
import dev.wheelwise.project.LockedSet;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which groups and extras of a lock a Dockerfile's command installs, by each tool's own
 * defaults and options: {@code uv sync}/{@code uv export} take the main dependencies and the
 * {@code dev} group ({@code --no-dev}, {@code --extra}, {@code --all-extras}, {@code --group},
 * {@code --all-groups}, {@code --no-group}, {@code --no-default-groups}); {@code poetry install}
 * every group ({@code --with}, {@code --without}, {@code --only main}, {@code -E},
 * {@code --all-extras}); {@code poetry export} the main group only; {@code pdm install/sync} the
 * default and dev groups ({@code --prod}, {@code -G}); {@code pipenv install/sync} the default
 * section ({@code --dev}, {@code --categories}). A selection that leaves out the main
 * dependencies ({@code --only-group}, {@code --only-dev}, {@code poetry --only G},
 * {@code pdm --no-default}) cannot be expressed and is compared with them, said in
 * {@link Selected#notes}; so is a workspace member ({@code --package}).
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
   */
  public static Selected of(String tool, List<CommandOption> options, LockedSet lock) {
    Set<String> allGroups = groupsOf(lock);
    Set<String> allExtras = new TreeSet<>(lock.rootExtras().keySet());
    Set<String> extras = new LinkedHashSet<>();
    Set<String> groups = new LinkedHashSet<>();
    List<String> notes = new ArrayList<>();
    boolean dev;
    switch (tool) {
      case "uv-sync", "uv" -> {
        dev = true;
        Set<String> removed = new LinkedHashSet<>();
        Set<String> noExtra = new LinkedHashSet<>();
        for (CommandOption o : options) {
          String v = o.value() == null ? null : Names.canonicalize(o.value());
          switch (o.name()) {
            case "--no-dev", "--no-default-groups" -> dev = false;
            case "--dev" -> dev = true;
            case "--extra" -> extras.add(v);
            case "--all-extras" -> extras.addAll(allExtras);
            case "--no-extra" -> noExtra.add(v);
            case "--group" -> groups.add(v);
            case "--all-groups" -> groups.addAll(allGroups);
            case "--no-group" -> removed.add(v);
            case "--only-group" -> {
              groups.add(v);
              dev = false;
              notes.add(o.written() + " " + o.value() + " leaves out the main dependencies; compared with them");
            }
            case "--only-dev" -> notes.add("--only-dev leaves out the main dependencies; compared with them");
            case "--package", "--all-packages" -> notes.add(o.written() + " selects workspace members; compared for the root project");
            default -> {}
          }
        }
        extras.removeAll(noExtra);
        groups.removeAll(removed);
        if (dev && removed.stream().anyMatch(lock.devGroups()::contains)) {
          dev = false;
        }
      }
      case "poetry", "poetry-export" -> {
        boolean install = tool.equals("poetry");
        if (install) {
          groups.addAll(allGroups);
        }
        dev = false;
        Set<String> without = new LinkedHashSet<>();
        for (CommandOption o : options) {
          List<String> values = o.value() == null ? List.of() : splitList(o.value());
          switch (o.name()) {
            case "--with" -> values.forEach(groups::add);
            case "--without" -> without.addAll(values);
            case "--no-dev" -> without.addAll(lock.devGroups());
            case "--dev" -> dev = true;
            case "--all-groups" -> groups.addAll(allGroups);
            case "--only" -> {
              groups.clear();
              for (String g : values) {
                if (!lock.defaultGroups().contains(g)) {
                  groups.add(g);
                }
              }
              if (!values.isEmpty() && values.stream().noneMatch(lock.defaultGroups()::contains)) {
                notes.add("--only " + o.value() + " leaves out the main dependencies; compared with them");
              }
            }
            case "--extras" -> values.forEach(extras::add);
            case "--all-extras" -> extras.addAll(allExtras);
            default -> {}
          }
        }
        groups.removeAll(without);
        groups.removeAll(lock.defaultGroups());
      }
      case "pdm" -> {
        // pdm installs the default group and every dev-dependency group unless --prod; -G adds
        // a group or an extra by name (:all for every one).
        boolean prod = false;
        for (CommandOption o : options) {
          List<String> values = o.value() == null ? List.of() : splitList(o.value());
          switch (o.name()) {
            case "--prod", "--production" -> prod = true;
            case "--group" -> {
              for (String g : values) {
                if (g.equals(":all")) {
                  groups.addAll(allGroups);
                  extras.addAll(allExtras);
                } else if (allExtras.contains(g)) {
                  extras.add(g);
                } else if (!lock.defaultGroups().contains(g)) {
                  groups.add(g);
                }
              }
            }
            case "--no-default" -> notes.add("--no-default leaves out the default group; compared with it");
            default -> {}
          }
        }
        dev = !prod;
        if (dev) {
          groups.addAll(allGroups);
        }
      }
      case "pipenv" -> {
        dev = false;
        for (CommandOption o : options) {
          switch (o.name()) {
            case "--dev" -> dev = true;
            case "--categories" -> splitList(o.value() == null ? "" : o.value()).forEach(groups::add);
            default -> {}
          }
        }
      }
      default -> {
        dev = false;
        notes.add(tool + "'s group options are not modelled; compared for the main dependencies");
      }
    }
    groups.removeIf(g -> !allGroups.contains(g) && !lock.devGroups().contains(g) && !lock.defaultGroups().contains(g)
        && notes.add("group '" + g + "' is not in " + lock.file() + "; left out"));
    extras.removeIf(e -> !allExtras.contains(e) && notes.add("extra '" + e + "' is not in " + lock.file() + "; left out"));
    return new Selected(new GroupSelection(extras, groups, dev), notes);
  }

  /** The optional groups a lock knows: its root groups, or those its packages name (per-package locks). */
  static Set<String> groupsOf(LockedSet lock) {
    Set<String> out = new TreeSet<>(lock.rootGroups().keySet());
    lock.packages().forEach(p -> out.addAll(p.groups()));
    out.removeAll(lock.defaultGroups());
    return out;
  }

  /** Comma- or space-separated names ({@code --with a,b}, {@code -E "x y"}), normalized. */
  private static List<String> splitList(String value) {
    List<String> out = new ArrayList<>();
    for (String part : value.split("[,\\s]+")) {
      if (!part.isBlank()) {
        out.add(part.startsWith(":") ? part : Names.canonicalize(part));
      }
    }
    return out;
  }
}
