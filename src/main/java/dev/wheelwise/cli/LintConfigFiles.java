package dev.wheelwise.cli;

import dev.wheelwise.lint.ConfigFiles;
import dev.wheelwise.lint.LintConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The lint settings files lint and fix both obey: {@code [tool.wheelwise.lint]} of the nearest
 * pyproject.toml from the Dockerfile's folder up (the same file {@code [tool.wheelwise]} comes
 * from) over {@code .hadolint.yaml} (the one {@code --config} names, else the first of hadolint's
 * places that exists). Flags go over the result.
 */
final class LintConfigFiles {
  private LintConfigFiles() {}

  /**
   * @param dockerfile the (first) Dockerfile as given, {@code -} for standard input
   * @param trace where {@code --verbose} says which files were read
   */
  static LintConfig read(Path config, String dockerfile, PrintWriter trace) throws IOException {
    try {
      LintConfig merged = LintConfig.EMPTY;
      Path cwd = Path.of("").toAbsolutePath();
      Path folder = dockerfile.equals("-") ? cwd : Optional.ofNullable(cwd.resolve(dockerfile).getParent()).orElse(cwd);
      Optional<Path> pyproject = ConfigDefaults.nearestPyproject(Files.isDirectory(folder) ? folder : cwd);
      if (pyproject.isPresent()) {
        merged = merged.over(ConfigFiles.pyproject(pyproject.get()));
        trace.println("verbose: rule configuration: " + pyproject.get().toAbsolutePath() + " [tool.wheelwise.lint]");
      }
      Optional<Path> yaml = hadolintYaml(config);
      if (yaml.isPresent()) {
        merged = merged.over(ConfigFiles.hadolintYaml(yaml.get()));
        trace.println("verbose: rule configuration: " + yaml.get().toAbsolutePath());
      }
      return merged;
    } catch (ConfigFiles.InvalidConfig bad) {
      throw new UsageException(bad.getMessage());
    }
  }

  /** {@code --config}, else the first of hadolint's places that exists. */
  private static Optional<Path> hadolintYaml(Path config) {
    if (config != null) {
      if (!Files.isRegularFile(config)) {
        throw new UsageException("--config: no such file " + config);
      }
      return Optional.of(config);
    }
    Path home = Path.of(System.getProperty("user.home"));
    String xdg = System.getenv("XDG_CONFIG_HOME");
    List<Path> places = new ArrayList<>(List.of(Path.of(".hadolint.yaml"), Path.of(".hadolint.yml")));
    if (xdg != null && !xdg.isBlank()) {
      places.add(Path.of(xdg, "hadolint.yaml"));
    }
    places.addAll(List.of(home.resolve(".config/hadolint.yaml"), home.resolve(".hadolint/hadolint.yaml"),
        home.resolve("hadolint/hadolint.yaml"), home.resolve(".hadolint.yaml")));
    return places.stream().filter(Files::isRegularFile).findFirst();
  }
}
