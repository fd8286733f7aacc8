package dev.wheelwise.advise;

import dev.wheelwise.dockerfile.DependencyInput;
import dev.wheelwise.dockerfile.PythonInstall;
import dev.wheelwise.pep508.Names;
import dev.wheelwise.project.GroupSelection;
import dev.wheelwise.project.InputParseError;
import dev.wheelwise.project.PyprojectReader;
import dev.wheelwise.project.RequirementSet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code pip install .[extra]} in a Dockerfile: the project itself is built from the context (it
 * is the user's own code, not a choice among files); its dependencies and the extras named are
 * what pip resolves, as {@link ProjectFileInputs} reads them for check on a pyproject.toml.
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
    try {
      set = PyprojectReader.read(pyproject);
    } catch (InputParseError e) {
      skipped.add("path " + in.argument() + " (its pyproject.toml could not be read: " + e.getMessage() + ")");
      return Optional.empty();
    }
    ProjectFileInputs.Read read = ProjectFileInputs.of(pyproject, set, new GroupSelection(Set.copyOf(extrasWritten(in, install)), Set.of(), false));
    if (!read.unread().isEmpty()) {
      read.unread().forEach(u -> skipped.add("path " + in.argument() + ": " + u));
      return Optional.empty();
    }
    read.notes().forEach(n -> notes.add(in.argument() + ": " + n));
    refs.add(new CheckInput.InputRef(pyproject.toString(), "pyproject.toml"));
    refs.addAll(read.refs());
    written.addAll(read.written());
    notes.add("the local project " + in.argument() + " (line " + install.line() + ") is built from the build context; "
        + "its dependencies" + read.readBy().map(by -> " (read by " + by + ")").orElse("") + " in " + pyproject + " are compared");
    return set.requiresPython();
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
