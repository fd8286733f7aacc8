package dev.wheelwise.lint.rules;

import dev.wheelwise.Finding.Severity;
import dev.wheelwise.dockerfile.PythonInstall;
import dev.wheelwise.dockerfile.Run;
import dev.wheelwise.dockerfile.Stage;
import dev.wheelwise.lint.Report;
import dev.wheelwise.lint.Subject;
import java.util.List;
import java.util.Optional;

/** DL3042: pip's (and uv's) download cache stays in the layer unless switched off or mounted. */
public final class NoPipCache extends Described {
  public NoPipCache() {
    super("DL3042", Severity.WARNING, "Avoid the pip and uv cache in the image: --no-cache-dir, --no-cache or a cache mount.",
        "pip keeps every downloaded file under `~/.cache/pip`, which then ships in the layer. As hadolint's DL3042, it reports "
            + "`pip install` without `--no-cache-dir` unless `PIP_NO_CACHE_DIR` is on (ENV, ARG or inline) or the RUN has a "
            + "cache mount on `…/.cache/pip`; pipx and pipenv are left alone. Added: `uv pip install` and `uv sync` without "
            + "`--no-cache`, unless `UV_NO_CACHE` is on or a cache mount covers `…/.cache/uv`.");
  }

  @Override
  public void check(Subject subject, Report out) {
    for (Stage stage : subject.model().stages()) {
      for (PythonInstall install : stage.pythonInstalls()) {
        List<String> mounts = subject.runOf(install).map(Run::cacheMounts).orElse(List.of());
        boolean pip = install.tool().equals("pip") && Facts.installs(install);
        boolean uv = install.tool().equals("uv-pip") && Facts.installs(install) || install.tool().equals("uv-sync");
        if (pip && !install.has("--no-cache-dir") && !Facts.truthy(install.environment().get("PIP_NO_CACHE_DIR"))
            && !Facts.cacheMountCovers(mounts, ".cache/pip")) {
          out.at(install, "Avoid use of cache directory with pip. Use `" + install.command() + " --no-cache-dir <package>`.",
              Optional.of("--no-cache-dir"));
        } else if (uv && !install.has("--no-cache") && !Facts.truthy(install.environment().get("UV_NO_CACHE"))
            && !Facts.cacheMountCovers(mounts, ".cache/uv")) {
          out.at(install, "Avoid use of uv's cache in the layer. Use `" + install.command() + " --no-cache`, UV_NO_CACHE=1 or "
              + "RUN --mount=type=cache,target=/root/.cache/uv.", Optional.of("--no-cache"));
        }
      }
    }
  }
}
