package dev.wheelwise.lint.rules;

import dev.wheelwise.Finding.Severity;
import dev.wheelwise.dockerfile.PythonInstall;
import dev.wheelwise.dockerfile.Run;
import dev.wheelwise.dockerfile.ShellCommand;
import dev.wheelwise.dockerfile.Stage;
import dev.wheelwise.lint.Report;
import dev.wheelwise.lint.Subject;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** WW1004: pip into the distribution's Python (PEP 668). */
public final class SystemPython extends Described {
  public SystemPython() {
    super("WW1004", Severity.WARNING, "pip installs into the distribution's Python: use a virtual environment.",
        "PEP 668: Debian 12+, Ubuntu 23.04+ and Alpine 3.19+ mark their Python as externally managed, so `pip install` "
            + "fails there, and `--break-system-packages` (or `PIP_BREAK_SYSTEM_PACKAGES=1`) overwrites files the package "
            + "manager owns. Reported: that flag or variable anywhere; and a pip install on a base that is not a python image "
            + "which installs the distribution's pip (`python3-pip`, `py3-pip`) without creating a venv "
            + "(`python3 -m venv`, `virtualenv`, `uv venv`, `VIRTUAL_ENV`). Fix: `python3 -m venv /opt/venv` and "
            + "`ENV PATH=/opt/venv/bin:$PATH`, or a python:X image.");
  }

  @Override
  public void check(Subject subject, Report out) {
    for (Stage stage : subject.model().stages()) {
      boolean venv = stage.runs().stream().anyMatch(SystemPython::createsVenv);
      boolean distroPip = !pythonImage(stage) && stage.packageOps().stream()
          .anyMatch(o -> o.action().equals("install") && o.packages().stream().anyMatch(p -> p.startsWith("python3-pip") || p.startsWith("py3-pip")));
      for (PythonInstall install : stage.pythonInstalls()) {
        if (!install.tool().equals("pip") || !Facts.installs(install)) {
          continue;
        }
        if (install.has("--break-system-packages") || Facts.truthy(install.environment().get("PIP_BREAK_SYSTEM_PACKAGES"))) {
          out.at(install, "--break-system-packages lets pip overwrite the distribution's Python packages (PEP 668): "
              + "create a venv (python3 -m venv /opt/venv) and install there.", Optional.empty());
        } else if (distroPip && !venv && !install.environment().containsKey("VIRTUAL_ENV") && !install.command().contains("/")) {
          out.at(install, "pip installs into the distribution's Python of " + stage.image()
              + " (PEP 668: externally managed, pip refuses or breaks it): create a venv (python3 -m venv /opt/venv, "
              + "ENV PATH=/opt/venv/bin:$PATH) or use a python:X base image.", Optional.empty());
        }
      }
    }
  }

  private static boolean pythonImage(Stage stage) {
    String image = stage.image() == null ? "" : stage.image().toLowerCase(Locale.ROOT);
    return stage.image() == null || image.contains("python");
  }

  private static boolean createsVenv(Run run) {
    for (ShellCommand c : run.commands()) {
      List<String> w = c.values();
      String p = Facts.program(w);
      if (p.equals("virtualenv") || (p.equals("uv") && w.contains("venv")) || (p.startsWith("python") && w.contains("venv"))) {
        return true;
      }
    }
    return run.environment().containsKey("VIRTUAL_ENV");
  }
}
