package dev.wheelwise.cli;

import dev.wheelwise.lint.ConfigFiles;
import dev.wheelwise.lint.LintConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The lint settings files lint and fix both obey: pyproject.toml's {@code [tool.wheelwise.lint]}
 * over {@code .hadolint.yaml} (the one {@code --config} names, else the first of hadolint's
 * places that exists). Flags go over the result.
 */
final class LintConfigFiles {
  private LintConfigFiles() {}

  static LintConfig read(Path config) throws IOException {
    try {
      LintConfig merged = LintConfig.EMPTY;
      Path pyproject = Path.of("pyproject.toml");
      if (Files.isRegularFile(pyproject)) {
        merged = merged.over(ConfigFiles.pyproject(pyproject));
      }
      Optional<Path> yaml = hadolintYaml(config);
      if (yaml.isPresent()) {
        merged = merged.over(ConfigFiles.hadolintYaml(yaml.get()));
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
