package dev.wheelwise.dockerfile;

/**
 * A file or folder an install reads: {@code kind} is {@code requirements} ({@code -r}),
 * {@code constraints} ({@code -c}), {@code editable} ({@code -e PATH}), {@code path} (a local
 * project, wheel or archive), {@code project} (pyproject.toml, a lock file or Pipfile read by
 * uv sync, poetry, pipenv or pdm), or {@code environment} (a conda environment file).
 * {@code argument} is the text in the command; {@code containerPath} the absolute path in the
 * image (null when unknown); {@code contextPath} where that file comes from in the build
 * context, traced back through WORKDIR and COPY/ADD/bind mounts (null when it was not copied
 * from the context, or cannot be traced); {@code inContext} whether that file exists in the
 * context folder (null when no folder was given or nothing was traced).
 */
public record DependencyInput(String kind, String argument, String containerPath, String contextPath, Boolean inContext) {

  static DependencyInput traced(String kind, String argument, String containerPath, Traced traced) {
    return new DependencyInput(kind, argument, containerPath, traced == null ? null : traced.path(),
        traced == null ? null : traced.present());
  }

  static DependencyInput untraced(String kind, String argument) {
    return new DependencyInput(kind, argument, null, null, null);
  }

  /** A build-context path an image path was traced to, and whether it exists there (null: unknown). */
  record Traced(String path, Boolean present) {}
}
