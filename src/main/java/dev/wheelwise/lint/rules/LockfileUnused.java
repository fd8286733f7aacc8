package dev.wheelwise.lint.rules;

import dev.wheelwise.Finding.Severity;
import dev.wheelwise.dockerfile.PythonInstall;
import dev.wheelwise.dockerfile.Stage;
import dev.wheelwise.lint.Report;
import dev.wheelwise.lint.Subject;
import java.util.List;
import java.util.Optional;

/** WW1006: the build context has a lock file the install does not use. */
public final class LockfileUnused extends Described {
  public LockfileUnused() {
    super("WW1006", Severity.WARNING, "A lock file is in the build context, but the install does not use it.",
        "The build context holds `uv.lock` or `poetry.lock`, but the image installs without it: `uv sync` without "
            + "`--locked`/`--frozen` (the lock may be re-resolved and silently updated), or `pip install .` "
            + "next to a uv or poetry lock (other versions than the ones tested). Use `uv sync --locked`, "
            + "`poetry install --no-root` (after copying both pyproject.toml and poetry.lock), or export hashes and "
            + "`pip install --require-hashes -r`. Needs the Dockerfile's folder (not standard input).");
  }

  @Override
  public void check(Subject subject, Report out) {
    boolean uvLock = subject.contextFiles().contains("uv.lock");
    boolean poetryLock = subject.contextFiles().contains("poetry.lock");
    if (!uvLock && !poetryLock) {
      return;
    }
    for (Stage stage : subject.model().stages()) {
      for (PythonInstall install : stage.pythonInstalls()) {
        if (install.tool().equals("uv-sync")) {
          if (!install.has("--locked") && !install.has("--frozen") && !"1".equals(install.environment().get("UV_LOCKED"))
              && !"1".equals(install.environment().get("UV_FROZEN"))) {
            out.at(install, "uv sync without --locked may re-resolve and rewrite uv.lock: use uv sync --locked (or --frozen).",
                Optional.of("--locked"));
          }
        } else if (List.of("pip", "uv-pip").contains(install.tool()) && Facts.installs(install) && !install.has("--require-hashes")
            && install.inputs().stream().anyMatch(i -> List.of("path", "editable").contains(i.kind()))) {
          String lock = uvLock ? "uv.lock" : "poetry.lock";
          String use = uvLock ? "uv sync --locked" : "poetry install --no-root";
          out.at(install, lock + " is in the build context but " + install.command() + " does not read it: the image gets "
              + "versions other than the locked ones. Use " + use + ", or export the lock with hashes and pip install "
              + "--require-hashes -r.", Optional.empty());
        }
      }
    }
  }
}
