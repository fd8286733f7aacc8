package dev.wheelwise.dockerfile;

/**
 * A file or folder an install reads: {@code kind} is {@code requirements} ({@code -r}),
 * {@code constraints} ({@code -c}), {@code editable} ({@code -e PATH}), {@code path} (a local
 * project, wheel or archive), {@code project} (pyproject.toml, a lock file or Pipfile read by
 * uv sync, poetry, pipenv or pdm), or {@code environment} (a conda environment file).
 * {@code argument} is the text in the command; {@code containerPath} the absolute path in the
 * image (null when unknown); {@code contextPath} where that file comes from in the build
 * context, traced back through WORKDIR and COPY/ADD/bind mounts (null when it was not copied
 * from the context, or cannot be traced).
 */
public record DependencyInput(String kind, String argument, String containerPath, String contextPath) {}
