package dev.wheelwise.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Index settings from the places pip and uv read them, lowest priority first (pip's
 * {@code configuration.py}: global, user, site, {@code PIP_CONFIG_FILE}, then
 * {@code PIP_*} variables). The environment and the home folder are passed in: nothing here
 * reads process globals.
 *
 * <ul>
 *   <li>global: {@code $XDG_CONFIG_DIRS/pip/pip.conf} (default {@code /etc/xdg}), then {@code /etc/pip.conf}
 *   <li>user: {@code ~/.pip/pip.conf} (legacy), then {@code $XDG_CONFIG_HOME/pip/pip.conf}
 *       ({@code ~/.config/pip/pip.conf}); skipped when {@code PIP_CONFIG_FILE} names an existing file
 *   <li>site: {@code $VIRTUAL_ENV/pip.conf}
 *   <li>{@code PIP_CONFIG_FILE}
 * </ul>
 *
 * In each file, {@code [install]} overrides {@code [global]}. Then {@code PIP_INDEX_URL},
 * {@code PIP_EXTRA_INDEX_URL}, {@code PIP_FIND_LINKS} (space-separated lists), and last
 * {@code UV_INDEX_URL} / {@code UV_EXTRA_INDEX_URL}, which wheelwise honours too.
 */
public final class PipConfigLoader {
  private final Map<String, String> env;
  private final Path home;
  private final Path root;

  /**
   * @param env the process environment (or a test's)
   * @param home the user's home folder
   * @param root the file system root ({@code /}); tests pass a temporary folder
   */
  public PipConfigLoader(Map<String, String> env, Path home, Path root) {
    this.env = Map.copyOf(env);
    this.home = home;
    this.root = root;
  }

  /** The files pip would read, in increasing priority, whether or not they exist. */
  public List<Path> configFiles() {
    List<Path> files = new ArrayList<>();
    String xdgDirs = env.getOrDefault("XDG_CONFIG_DIRS", "");
    List<String> dirs = xdgDirs.isBlank() ? List.of("/etc/xdg") : Arrays.asList(xdgDirs.split(":"));
    for (String d : dirs) {
      files.add(underRoot(d).resolve("pip").resolve("pip.conf"));
    }
    files.add(underRoot("/etc").resolve("pip.conf"));
    String envFile = env.get("PIP_CONFIG_FILE");
    boolean envFileExists = envFile != null && !envFile.equals("/dev/null") && Files.isRegularFile(Path.of(envFile));
    if (!envFileExists) {
      files.add(home.resolve(".pip").resolve("pip.conf"));
      String xdgHome = env.get("XDG_CONFIG_HOME");
      Path configHome = xdgHome != null && !xdgHome.isBlank() ? Path.of(xdgHome) : home.resolve(".config");
      files.add(configHome.resolve("pip").resolve("pip.conf"));
    }
    String venv = env.get("VIRTUAL_ENV");
    if (venv != null && !venv.isBlank()) {
      files.add(Path.of(venv).resolve("pip.conf"));
    }
    if (envFileExists) {
      files.add(Path.of(envFile));
    }
    return files;
  }

  private Path underRoot(String absolute) {
    return root.resolve(absolute.startsWith("/") ? absolute.substring(1) : absolute);
  }

  /** Settings from config files and the environment; command-line flags are applied by the caller. */
  public IndexSettings load() throws IOException {
    Map<String, String> values = new LinkedHashMap<>();
    for (Path file : configFiles()) {
      if (Files.isRegularFile(file)) {
        Map<String, Map<String, String>> ini = Ini.parse(Files.readString(file));
        values.putAll(ini.getOrDefault("global", Map.of()));
        values.putAll(ini.getOrDefault("install", Map.of()));
      }
    }
    env("PIP_INDEX_URL").ifPresent(v -> values.put("index-url", v));
    env("PIP_EXTRA_INDEX_URL").ifPresent(v -> values.put("extra-index-url", v));
    env("PIP_FIND_LINKS").ifPresent(v -> values.put("find-links", v));
    env("PIP_NO_INDEX").ifPresent(v -> values.put("no-index", v));
    env("UV_INDEX_URL").ifPresent(v -> values.put("index-url", v));
    env("UV_EXTRA_INDEX_URL").ifPresent(v -> values.put("extra-index-url", v));
    return new IndexSettings(
        values.getOrDefault("index-url", IndexSettings.PYPI).strip(),
        words(values.get("extra-index-url")),
        words(values.get("find-links")),
        truthy(values.get("no-index")),
        IndexSettings.Strategy.MERGE_ALL);
  }

  private Optional<String> env(String name) {
    String v = env.get(name);
    return v == null || v.isBlank() ? Optional.empty() : Optional.of(v);
  }

  /** pip splits list options on white space, newlines included. */
  private static List<String> words(String value) {
    if (value == null || value.isBlank()) {
      return List.of();
    }
    return List.of(value.strip().split("\\s+"));
  }

  /** pip's strtobool: yes/true/on/1 are true. */
  private static boolean truthy(String value) {
    return value != null && List.of("1", "yes", "true", "on", "y", "t").contains(value.strip().toLowerCase(Locale.ROOT));
  }
}
