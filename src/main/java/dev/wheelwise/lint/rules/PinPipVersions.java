package dev.wheelwise.lint.rules;

import dev.wheelwise.Finding.Severity;
import dev.wheelwise.dockerfile.PythonInstall;
import dev.wheelwise.dockerfile.Stage;
import dev.wheelwise.lint.Report;
import dev.wheelwise.lint.Subject;
import java.util.List;
import java.util.Optional;

/** DL3013: pin the packages pip, uv pip and pipx install by name. */
public final class PinPipVersions extends Described {
  public PinPipVersions() {
    super("DL3013", Severity.WARNING, "Pin versions in pip, uv pip and pipx installs.",
        "`pip install flask` installs whatever is newest on the day the image builds. As hadolint's DL3013, it reports "
            + "`pip install` (also `python -m pip`, and here `uv pip install` and `pipx install`) of a package without a "
            + "version. Accepted: any version operator (`==`, `>=`, `~=`…), a direct reference (`name @ url`, "
            + "`git+…@ref`), a wheel, archive or path, and any install that reads `-r`/`--requirement` or "
            + "`-c`/`--constraint` files or installs `.`. Options that take a value (`--index-url URL`, `--python 3.12`) "
            + "are not taken for packages (hadolint#1067).");
  }

  @Override
  public void check(Subject subject, Report out) {
    for (Stage stage : subject.model().stages()) {
      for (PythonInstall install : stage.pythonInstalls()) {
        if (!List.of("pip", "uv-pip", "pipx").contains(install.tool()) || !Facts.installs(install)) {
          continue;
        }
        if (install.has("--requirement") || install.has("--constraint") || install.has("--editable")
            || install.inputs().stream().anyMatch(i -> i.kind().equals("requirements") || i.kind().equals("constraints"))) {
          continue;
        }
        List<String> loose = install.requirements().stream().filter(r -> !Facts.pinned(r)).toList();
        if (!loose.isEmpty()) {
          out.at(install, "Pin versions in " + install.command() + ": " + String.join(", ", loose) + " (use " + loose.get(0)
              + "==<version>, or --requirement <file>).", Optional.empty());
        }
      }
    }
  }
}
