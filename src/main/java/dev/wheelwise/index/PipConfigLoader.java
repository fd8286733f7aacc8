package dev.wheelwise.index;

import dev.wheelwise.LocalFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * pip's configuration as pip 23 reads it ({@code configuration.py} and the option parser's
 * {@code _update_defaults}). The environment, home folder and interpreter prefix are passed in:
 * nothing here reads process globals.
 *
 * <p>Files, lowest priority first: global ({@code $XDG_CONFIG_DIRS/pip/pip.conf}, default
 * {@code /etc/xdg}, then {@code /etc/pip.conf}); user ({@code $HOME/.pip/pip.conf}, then
 * {@code $XDG_CONFIG_HOME/pip/pip.conf}, default {@code $HOME/.config}), skipped with
 * {@code --isolated} or when {@code PIP_CONFIG_FILE} names an existing file; site
 * ({@code sys.prefix/pip.conf}); then {@code PIP_CONFIG_FILE}. {@code PIP_CONFIG_FILE=/dev/null}
 * (os.devnull) reads no file at all. Then every {@code PIP_*} variable, unless isolated.
 *
 * <p>Values are pooled by section, not by file: every {@code [global]} value, then every
 * {@code [install]} value, then the variables, each later one replacing an earlier one of the
 * same option (so {@code [install]} in a global file beats {@code [global]} in the user's file).
 * Empty values are skipped. {@code only-binary}/{@code no-binary} accumulate instead, as pip's
 * callbacks do. Last, {@code UV_INDEX_URL}/{@code UV_EXTRA_INDEX_URL}, which wheelwise honours too.
 */
public final class PipConfigLoader {
  /** Where pip keeps os.devnull; the comparison is by string, as pip's is. */
  static final String DEVNULL = "/dev/null";

  /** Options pip applies to an install set that wheelwise reads but does not act on. */
  private static final List<String> NOT_APPLIED = List.of(
      "constraint", "requirement", "no-deps", "ignore-requires-python", "python-version", "platform",
      "implementation", "abi", "upgrade-strategy");

  private final Map<String, String> env;
  private final Path home;
  private final Path root;
  private final Optional<Path> sitePrefix;

  /**
   * @param env the process environment in its own order (or a test's)
   * @param home the user's home folder ({@code $HOME}, which pip's {@code expanduser} reads)
   * @param root the file system root ({@code /}); tests pass a temporary folder
   * @param sitePrefix the {@code sys.prefix} of the pip in use, whose {@code pip.conf} is the site file; empty when unknown
   */
  public PipConfigLoader(Map<String, String> env, Path home, Path root, Optional<Path> sitePrefix) {
    this.env = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(env));
    this.home = home;
    this.root = root;
    this.sitePrefix = sitePrefix;
  }

  /** With the site prefix of a virtual environment ({@code $VIRTUAL_ENV}) when one is active. */
  public PipConfigLoader(Map<String, String> env, Path home, Path root) {
    this(env, home, root, Optional.ofNullable(env.get("VIRTUAL_ENV")).filter(v -> !v.isBlank()).map(Path::of));
  }

  /** The files pip would read without {@code --isolated}, in increasing priority, whether or not they exist. */
  public List<Path> configFiles() {
    return candidates(false).stream().map(PipConfigUse.File::path).toList();
  }

  private List<PipConfigUse.File> candidates(boolean isolated) {
    List<PipConfigUse.File> files = new ArrayList<>();
    String xdgDirs = env.getOrDefault("XDG_CONFIG_DIRS", "");
    for (String d : (xdgDirs.isBlank() ? "/etc/xdg" : xdgDirs).split(":", -1)) {
      files.add(new PipConfigUse.File("global", underRoot(expandUser(d)).resolve("pip").resolve("pip.conf")));
    }
    files.add(new PipConfigUse.File("global", underRoot("/etc").resolve("pip.conf")));
    String envFile = env.get("PIP_CONFIG_FILE");
    boolean envFileExists = envFile != null && !envFile.isEmpty() && Files.exists(Path.of(envFile));
    if (!isolated && !envFileExists) {
      files.add(new PipConfigUse.File("user", home.resolve(".pip").resolve("pip.conf")));
      String xdgHome = env.getOrDefault("XDG_CONFIG_HOME", "");
      Path configHome = xdgHome.isBlank() ? home.resolve(".config") : Path.of(expandUser(xdgHome));
      files.add(new PipConfigUse.File("user", configHome.resolve("pip").resolve("pip.conf")));
    }
    sitePrefix.ifPresent(p -> files.add(new PipConfigUse.File("site", p.resolve("pip.conf"))));
    if (envFile != null && !envFile.isEmpty()) {
      files.add(new PipConfigUse.File("env", Path.of(envFile)));
    }
    return files;
  }

  private String expandUser(String path) {
    return path.equals("~") ? home.toString() : path.startsWith("~/") ? home.resolve(path.substring(2)).toString() : path;
  }

  private Path underRoot(String absolute) {
    return absolute.startsWith("/") ? root.resolve(absolute.substring(1)) : Path.of(absolute);
  }

  /** Settings from config files and the environment, without {@code --isolated}. */
  public IndexSettings load() throws IOException {
    return read(false).settings();
  }

  /**
   * The options pip would start from.
   *
   * @param isolated pip's {@code --isolated}: no user files, no {@code PIP_*} variables
   * @throws IOException when a file exists but cannot be read
   * @throws IllegalArgumentException naming the file and line (or variable) when pip would refuse it
   */
  public PipConfig read(boolean isolated) throws IOException {
    // section.key -> value, in pip's override order; a later put keeps the key's first position, as a dict does.
    Map<String, String> values = new LinkedHashMap<>();
    Map<String, String> origin = new LinkedHashMap<>();
    List<PipConfigUse.File> used = new ArrayList<>();
    String skipped = "";
    if (DEVNULL.equals(env.get("PIP_CONFIG_FILE"))) {
      skipped = "PIP_CONFIG_FILE=" + DEVNULL;
    } else {
      for (PipConfigUse.File file : candidates(isolated)) {
        if (!Files.isRegularFile(file.path())) {
          continue;
        }
        Map<String, Map<String, String>> ini;
        try {
          ini = Ini.parse(LocalFiles.readString(file.path()));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(file.path() + ": " + e.getMessage() + " (pip refuses this file too)", e);
        }
        used.add(file);
        ini.forEach((section, items) -> items.forEach((k, v) -> {
          values.put(section + "." + k, v);
          origin.put(section + "." + k, section + "." + k + " in " + file.path());
        }));
      }
    }
    if (!isolated) {
      // In the environment's own order, as os.environ has it: it decides between aliases
      // (index-url, pypi-url) and the order only-binary and no-binary apply in.
      env.forEach((name, v) -> {
        if (name.startsWith("PIP_")) {
          String key = name.substring(4).toLowerCase(Locale.ROOT).replace('_', '-');
          if (!key.equals("version") && !key.equals("help")) {
            values.put(":env:." + key, v);
            origin.put(":env:." + key, name);
          }
        }
      });
    }
    Options o = new Options();
    List<String> variables = new ArrayList<>();
    List<String> notApplied = new ArrayList<>();
    for (String section : List.of("global", "install", ":env:")) {
      values.forEach((sectionKey, value) -> {
        if (value.isEmpty() || !sectionKey.startsWith(section + ".")) {
          return;
        }
        String key = sectionKey.substring(section.length() + 1);
        String where = origin.get(sectionKey);
        if (o.apply(key, value, where)) {
          if (section.equals(":env:")) {
            variables.add(where);
          }
        } else if (NOT_APPLIED.contains(key)) {
          notApplied.add(key + " (" + where + ")");
        }
      });
    }
    if (!isolated) {
      uv("UV_INDEX_URL").ifPresent(v -> {
        o.indexUrl = Optional.of(v.strip());
        variables.add("UV_INDEX_URL");
      });
      uv("UV_EXTRA_INDEX_URL").ifPresent(v -> {
        o.extraIndexUrls = words(v);
        variables.add("UV_EXTRA_INDEX_URL");
      });
    }
    return new PipConfig(o.indexUrl, o.extraIndexUrls, o.findLinks, o.noIndex, o.formats, o.preferBinary, o.pre,
        new PipConfigUse(used, variables, isolated, skipped, notApplied));
  }

  private Optional<String> uv(String name) {
    String v = env.get(name);
    return v == null || v.isBlank() ? Optional.empty() : Optional.of(v);
  }

  /** The install options wheelwise uses, set as pip's option parser sets them from configuration. */
  private static final class Options {
    Optional<String> indexUrl = Optional.empty();
    List<String> extraIndexUrls = List.of();
    List<String> findLinks = List.of();
    boolean noIndex;
    final List<PipConfig.Format> formats = new ArrayList<>();
    boolean preferBinary;
    boolean pre;

    /** True when {@code key} is one of these options. */
    boolean apply(String key, String value, String where) {
      switch (key) {
        case "index-url", "pypi-url" -> indexUrl = Optional.of(value.strip());
        case "extra-index-url" -> extraIndexUrls = words(value);
        case "find-links" -> findLinks = words(value);
        case "no-index" -> noIndex = strtobool(key, value, where);
        case "prefer-binary" -> preferBinary = strtobool(key, value, where);
        case "pre" -> pre = strtobool(key, value, where);
        case "only-binary" -> formats.add(new PipConfig.Format(true, value));
        case "no-binary" -> formats.add(new PipConfig.Format(false, value));
        default -> {
          return false;
        }
      }
      return true;
    }
  }

  /** pip's list options split on white space, newlines included ({@code val.split()}). */
  private static List<String> words(String value) {
    return value.isBlank() ? List.of() : List.of(value.strip().split("\\s+"));
  }

  /** pip's {@code strtobool}; anything else stops pip with this message. */
  private static boolean strtobool(String key, String value, String where) {
    String v = value.toLowerCase(Locale.ROOT);
    if (List.of("y", "yes", "t", "true", "on", "1").contains(v)) {
      return true;
    }
    if (List.of("n", "no", "f", "false", "off", "0").contains(v)) {
      return false;
    }
    throw new IllegalArgumentException(where + ": " + value + " is not a valid value for " + key
        + " option, please specify a boolean value like yes/no, true/false or 1/0 instead.");
  }

  /**
   * The {@code sys.prefix} of the {@code python3} pip runs under: {@code $VIRTUAL_ENV} when set,
   * else the first {@code python3} on {@code PATH} (its folder's parent when a {@code pyvenv.cfg}
   * lies there, as in a virtual environment; else the parent of the folder of the file it links
   * to). Empty when there is none or it is a script (a pyenv shim), whose prefix only running it
   * would tell.
   */
  public static Optional<Path> sitePrefix(Map<String, String> env) {
    String venv = env.get("VIRTUAL_ENV");
    if (venv != null && !venv.isBlank()) {
      return Optional.of(Path.of(venv));
    }
    for (String dir : env.getOrDefault("PATH", "").split(":")) {
      if (dir.isEmpty()) {
        continue;
      }
      Path python = Path.of(dir, "python3");
      if (!Files.isExecutable(python) || Files.isDirectory(python)) {
        continue;
      }
      Path bin = python.toAbsolutePath().getParent();
      if (bin.getParent() != null && Files.isRegularFile(bin.getParent().resolve("pyvenv.cfg"))) {
        return Optional.of(bin.getParent());
      }
      try {
        Path real = python.toRealPath();
        if (isScript(real)) {
          return Optional.empty();
        }
        return Optional.ofNullable(real.getParent()).map(Path::getParent);
      } catch (IOException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  private static boolean isScript(Path file) throws IOException {
    try (var in = Files.newInputStream(file)) {
      byte[] head = in.readNBytes(2);
      return head.length == 2 && head[0] == '#' && head[1] == '!';
    }
  }
}
