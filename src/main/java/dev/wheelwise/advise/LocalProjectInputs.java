package dev.wheelwise.advise;

import dev.wheelwise.dockerfile.DependencyInput;
import dev.wheelwise.dockerfile.PythonInstall;
import dev.wheelwise.pep508.Names;
import dev.wheelwise.project.DynamicDependencyFiles;
import dev.wheelwise.project.InputParseError;
import dev.wheelwise.project.LooseRequirement;
import dev.wheelwise.project.PyprojectReader;
import dev.wheelwise.project.RequirementSet;
import dev.wheelwise.project.RequirementsFileReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code pip install .[extra]} in a Dockerfile: the project itself is built from the context (it
 * is the user's own code, not a choice among files); its dependencies and the extras named are
 * what pip resolves, as from a requirements file. Dependencies a backend reads from requirements
 * files ({@link DynamicDependencyFiles}) are read from those files.
 */
final class LocalProjectInputs {
  private LocalProjectInputs() {}

  /**
   * Adds what the project installs to {@code written}; what cannot be read goes to
   * {@code skipped} with the reason.
   *
   * @return the project's requires-python, when it states one
   */
  static Optional<String> read(Path pyproject, DependencyInput in, PythonInstall install, List<CheckInput.InputRef> refs,
      List<RequirementInputs.Written> written, List<String> notes, List<String> skipped) {
    RequirementSet set;
    Optional<DynamicDependencyFiles> files;
    try {
      set = PyprojectReader.read(pyproject);
      files = set.dynamic().contains("dependencies") || set.dynamic().contains("optional-dependencies")
          ? DynamicDependencyFiles.read(pyproject) : Optional.empty();
    } catch (InputParseError e) {
      skipped.add("path " + in.argument() + " (its pyproject.toml could not be read: " + e.getMessage() + ")");
      return Optional.empty();
    }
    List<String> extras = extrasWritten(in, install);
    List<RequirementInputs.Written> found = new ArrayList<>();
    set.requirements().forEach(r -> found.add(written(r)));
    for (String extra : extras) {
      set.extras().getOrDefault(extra, List.of()).forEach(r -> found.add(written(r)));
    }
    if (files.isPresent()) {
      List<String> wanted = new ArrayList<>(files.get().dependencies());
      extras.forEach(e -> wanted.addAll(files.get().extras().getOrDefault(e, List.of())));
      for (String name : wanted) {
        Path file = pyproject.resolveSibling(name).normalize();
        if (!Files.isRegularFile(file)) {
          skipped.add("path " + in.argument() + " (" + files.get().backend() + " reads its dependencies from " + name
              + ", which is not in the build context)");
          return Optional.empty();
        }
        try {
          new RequirementsFileReader(Map.of()).read(file).requirements().forEach(r -> found.add(written(r)));
        } catch (InputParseError e) {
          skipped.add("path " + in.argument() + " (" + name + " could not be read: " + e.getMessage() + ")");
          return Optional.empty();
        }
        refs.add(new CheckInput.InputRef(file.toString(), "requirements.txt"));
      }
    } else if (set.dynamic().contains("dependencies")) {
      skipped.add("path " + in.argument() + " (its dependencies are dynamic: the build backend supplies them, pyproject.toml does not list them)");
      return Optional.empty();
    }
    for (String extra : extras) {
      boolean known = set.extras().containsKey(extra) || files.map(f -> f.extras().containsKey(extra)).orElse(false);
      if (!known) {
        notes.add("extra '" + extra + "' of " + in.argument() + " is not in " + pyproject + "; pip warns and installs without it");
      }
    }
    refs.add(new CheckInput.InputRef(pyproject.toString(), "pyproject.toml"));
    written.addAll(found);
    notes.add("the local project " + in.argument() + " (line " + install.line() + ") is built from the build context; "
        + "its dependencies" + files.map(f -> " (read by " + f.backend() + " from " + String.join(", ", f.dependencies()) + ")")
            .orElse("") + " in " + pyproject + " are compared");
    return set.requiresPython();
  }

  private static RequirementInputs.Written written(LooseRequirement r) {
    return new RequirementInputs.Written(r.text(), r.origin());
  }

  /** The extras written after a local path ({@code ".[web,dev]"}), normalized. */
  private static List<String> extrasWritten(DependencyInput in, PythonInstall install) {
    List<String> out = new ArrayList<>();
    for (String word : install.words()) {
      if (word.startsWith(in.argument() + "[") && word.endsWith("]")) {
        for (String e : word.substring(in.argument().length() + 1, word.length() - 1).split(",")) {
          if (!e.isBlank()) {
            out.add(Names.canonicalize(e.strip()));
          }
        }
      }
    }
    return out;
  }
}
