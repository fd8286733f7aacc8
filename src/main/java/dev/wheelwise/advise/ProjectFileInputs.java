package dev.wheelwise.advise;

import dev.wheelwise.project.DynamicDependencyFiles;
import dev.wheelwise.project.GroupSelection;
import dev.wheelwise.project.InputParseError;
import dev.wheelwise.project.LooseRequirement;
import dev.wheelwise.project.RequirementSet;
import dev.wheelwise.project.RequirementsFileReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What pip installs from a project's pyproject.toml (or a requirements file): its dependencies,
 * the extras and dependency groups selected, and dependencies a build backend reads from
 * requirements files ({@link DynamicDependencyFiles}). What cannot be read is {@code unread}: the
 * verdict can then be no better than unknown.
 */
public final class ProjectFileInputs {
  private ProjectFileInputs() {}

  /**
   * @param written the requirements, with where each was written
   * @param refs the files read besides the project file
   * @param unread what the project installs that could not be read, with why
   * @param notes selections that name nothing (an extra the project does not have)
   * @param readBy which backend's declaration named the dependency files, and them
   *     ({@code setuptools from requirements.txt}), when the dependencies are dynamic
   */
  public record Read(List<RequirementInputs.Written> written, List<CheckInput.InputRef> refs, List<String> unread, List<String> notes,
      Optional<String> readBy) {
    public Read {
      written = List.copyOf(written);
      refs = List.copyOf(refs);
      unread = List.copyOf(unread);
      notes = List.copyOf(notes);
      Objects.requireNonNull(readBy, "readBy");
    }

    /** A requirements file's: what it lists, nothing else to say. */
    public static Read of(List<RequirementInputs.Written> written) {
      return new Read(written, List.of(), List.of(), List.of(), Optional.empty());
    }
  }

  public static Read of(Path file, RequirementSet set, GroupSelection selection) {
    List<RequirementInputs.Written> written = new ArrayList<>();
    List<CheckInput.InputRef> refs = new ArrayList<>();
    List<String> unread = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    set.requirements().forEach(r -> written.add(written(r)));
    DynamicDependencyFiles files = null;
    if (set.dynamic().contains("dependencies") || set.dynamic().contains("optional-dependencies")) {
      try {
        files = DynamicDependencyFiles.read(file).orElse(null);
      } catch (InputParseError e) {
        unread.add(file + " (its dynamic dependencies could not be read: " + e.getMessage() + ")");
      }
    }
    for (String extra : selection.extras()) {
      List<LooseRequirement> listed = set.extras().get(extra);
      List<String> fromFiles = files == null ? null : files.extras().get(extra);
      if (listed == null && fromFiles == null) {
        notes.add("extra '" + extra + "' is not in " + file + "; pip warns and installs without it");
      }
      if (listed != null) {
        listed.forEach(r -> written.add(written(r)));
      }
    }
    List<String> groups = new ArrayList<>(selection.groups());
    if (selection.dev()) {
      groups.add("dev");
    }
    for (String group : groups) {
      List<LooseRequirement> listed = set.groups().get(group);
      if (listed == null) {
        notes.add("group '" + group + "' is not in " + file + "; left out");
      } else {
        listed.forEach(r -> written.add(written(r)));
      }
    }
    if (files != null) {
      List<String> names = new ArrayList<>(files.dependencies());
      for (String e : selection.extras()) {
        names.addAll(files.extras().getOrDefault(e, List.of()));
      }
      for (String name : names) {
        Path requirements = file.resolveSibling(name).normalize();
        if (!Files.isRegularFile(requirements)) {
          unread.add(file + " (" + files.backend() + " reads its dependencies from " + name + ", which is not there)");
          continue;
        }
        try {
          new RequirementsFileReader(Map.of()).read(requirements).requirements().forEach(r -> written.add(written(r)));
          refs.add(new CheckInput.InputRef(requirements.toString(), "requirements.txt"));
        } catch (InputParseError e) {
          unread.add(file + " (" + name + " could not be read: " + e.getMessage() + ")");
        }
      }
    } else if (set.dynamic().contains("dependencies") && unread.isEmpty()) {
      unread.add(file + " (its dependencies are dynamic: the build backend supplies them, pyproject.toml does not list them)");
    }
    Optional<String> readBy = files == null ? Optional.empty()
        : Optional.of(files.backend() + " from " + String.join(", ", files.dependencies()));
    return new Read(written, refs, unread, notes, readBy);
  }

  private static RequirementInputs.Written written(LooseRequirement r) {
    return new RequirementInputs.Written(r.text(), r.origin());
  }
}
