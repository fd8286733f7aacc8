package dev.wheelwise.lint.rules;

import dev.wheelwise.Finding.Severity;
import dev.wheelwise.dockerfile.DependencyInput;
import dev.wheelwise.dockerfile.Instruction;
import dev.wheelwise.dockerfile.PythonInstall;
import dev.wheelwise.dockerfile.Stage;
import dev.wheelwise.lint.Report;
import dev.wheelwise.lint.Subject;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** WW1005: COPY . before the dependency install breaks the layer cache. */
public final class CopyBeforeInstall extends Described {
  private static final Set<String> DEPENDENCY_KINDS = Set.of("requirements", "constraints", "project");

  public CopyBeforeInstall() {
    super("WW1005", Severity.INFO, "COPY of the whole context before the dependency install defeats the layer cache.",
        "A `COPY . .` (any COPY/ADD of the context root) before the RUN that installs from requirement files or a lock "
            + "(`pip install -r`, `uv sync`, `poetry install`) makes every source edit re-run the install. Copy the "
            + "dependency files first (`COPY requirements.txt .`), install, then `COPY . .`.");
  }

  @Override
  public void check(Subject subject, Report out) {
    for (Stage stage : subject.model().stages()) {
      Optional<PythonInstall> install = stage.pythonInstalls().stream()
          .filter(i -> i.inputs().stream().map(DependencyInput::kind).anyMatch(DEPENDENCY_KINDS::contains)).findFirst();
      if (install.isEmpty()) {
        continue;
      }
      int end = install.get().instructionLine();
      for (Instruction i : subject.instructions()) {
        if (i.line() > stage.line() && i.line() < end && (i.is("copy") || i.is("add")) && i.flag("from").isEmpty() && copiesRoot(i)) {
          out.at(i, "COPY of the whole build context before the dependency install at line " + end + ": any file change "
              + "re-runs it. Copy the dependency files first, install, then copy the rest.", Optional.empty());
          break;
        }
      }
    }
  }

  private static boolean copiesRoot(Instruction copy) {
    List<String> args = copy.arguments();
    return args.size() >= 2 && args.subList(0, args.size() - 1).stream().anyMatch(s -> s.equals(".") || s.equals("./") || s.equals("/"));
  }
}
