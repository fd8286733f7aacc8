package dev.wheelwise.dockerfile;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Recognizes Python install commands: pip / pip3 / python -m pip install, uv pip install|sync,
 * uv sync, poetry install|sync, pipenv install|sync, pdm install|sync, conda / mamba /
 * micromamba install|create|update (and {@code env create|update}), pipx install.
 */
final class PythonInstalls {
  private PythonInstalls() {}

  private static final Pattern PIP = Pattern.compile("pip[0-9.]*");
  private static final Pattern PYTHON = Pattern.compile("python[0-9.]*");
  private static final Pattern LOCAL_PATH = Pattern.compile("(\\.{1,2}(/.*)?|/.*|~/.*)(\\[[^\\]]*\\])?");
  private static final Set<String> ENV_PREFIXES = Set.of("PIP_", "UV_", "POETRY_", "PIPENV_", "PDM_", "CONDA_", "MAMBA_");

  private static final OptionTable PIP_OPTIONS =
      OptionTable.of(
          Set.of("--requirement", "--constraint", "--editable", "--target", "--platform", "--python-version",
              "--implementation", "--abi", "--root", "--prefix", "--src", "--upgrade-strategy", "--install-option",
              "--global-option", "--config-settings", "--index-url", "--extra-index-url", "--find-links", "--no-binary",
              "--only-binary", "--progress-bar", "--trusted-host", "--cert", "--client-cert", "--cache-dir", "--timeout",
              "--retries", "--proxy", "--log", "--log-file", "--exists-action", "--python", "--report", "--root-user-action",
              "--keyring-provider", "--use-feature", "--use-deprecated", "--group", "--build-constraint", "--resume-retries",
              "--wheel-dir"),
          "-r", "--requirement", "-c", "--constraint", "-e", "--editable", "-t", "--target", "-i", "--index-url",
          "-f", "--find-links", "-U", "--upgrade", "-q", "--quiet", "-v", "--verbose", "-I", "--ignore-installed",
          "-C", "--config-settings", "-w", "--wheel-dir");
  private static final OptionTable UV_OPTIONS =
      OptionTable.of(
          Set.of("--requirements", "--requirement", "--constraints", "--constraint", "--overrides", "--override",
              "--editable", "--extra", "--group", "--only-group", "--no-group", "--no-extra", "--index-url",
              "--extra-index-url", "--default-index", "--index", "--find-links", "--no-binary", "--only-binary",
              "--python", "--target", "--prefix", "--python-version", "--python-platform", "--cache-dir",
              "--index-strategy", "--keyring-provider", "--resolution", "--prerelease", "--config-setting",
              "--exclude-newer", "--link-mode", "--reinstall-package", "--upgrade-package", "--no-build-package",
              "--no-binary-package", "--refresh-package", "--torch-backend", "--build-constraints", "--config-file",
              "--directory", "--project", "--color", "--allow-insecure-host", "--package", "--no-install-package",
              "--script", "--output-format", "--emit-index-url", "--python-preference", "--fork-strategy",
              "--exclude-newer-package", "--no-emit-package", "--extra-build-dependencies"),
          "-r", "--requirements", "-c", "--constraints", "-e", "--editable", "-i", "--index-url", "-f",
          "--find-links", "-p", "--python", "-C", "--config-setting", "-P", "--upgrade-package", "-n", "--no-cache",
          "-U", "--upgrade", "-q", "--quiet", "-v", "--verbose", "-b", "--build-constraints");
  private static final OptionTable POETRY_OPTIONS =
      OptionTable.of(Set.of("--only", "--without", "--with", "--extras", "--directory", "--project"),
          "-E", "--extras", "-C", "--directory", "-P", "--project", "-n", "--no-interaction", "-q", "--quiet", "-v", "--verbose");
  private static final OptionTable PIPENV_OPTIONS =
      OptionTable.of(Set.of("--requirements", "--python", "--categories", "--pypi-mirror", "--extra-pip-args"),
          "-r", "--requirements", "-d", "--dev", "-v", "--verbose");
  private static final OptionTable PDM_OPTIONS =
      OptionTable.of(Set.of("--group", "--lockfile", "--project", "--venv", "--skip", "--override"),
          "-G", "--group", "-L", "--lockfile", "-p", "--project", "-k", "--skip", "-d", "--dev", "-g", "--global",
          "-v", "--verbose", "-q", "--quiet");
  private static final OptionTable CONDA_OPTIONS =
      OptionTable.of(Set.of("--channel", "--name", "--prefix", "--file", "--repodata-fn", "--platform",
              "--channel-priority", "--solver", "--root-prefix", "--subdir"),
          "-c", "--channel", "-n", "--name", "-p", "--prefix", "-f", "--file", "-y", "--yes", "-q", "--quiet",
          "-r", "--root-prefix");
  private static final OptionTable PIPX_OPTIONS =
      OptionTable.of(Set.of("--python", "--pip-args", "--index-url", "--suffix", "--spec"), "-f", "--force");

  static PythonInstall recognize(ShellCommand command, RunContext ctx) {
    List<String> w = command.values();
    if (w.isEmpty()) {
      return null;
    }
    String first = Shell.baseName(w.get(0));
    int k;
    // python -m pip / python -m uv
    if (PYTHON.matcher(first).matches()) {
      int m = w.indexOf("-m");
      if (m < 0 || m + 1 >= w.size()) {
        return null;
      }
      for (int j = 1; j < m; j++) {
        if (!w.get(j).startsWith("-")) {
          return null; // python script.py -m … is not a module run
        }
      }
      String module = w.get(m + 1);
      if (module.equals("pip")) {
        return pip(command, ctx, m + 2);
      }
      if (module.equals("uv")) {
        return uv(command, ctx, m + 2);
      }
      return null;
    }
    if (PIP.matcher(first).matches()) {
      return pip(command, ctx, 1);
    }
    switch (first) {
      case "uv":
        return uv(command, ctx, 1);
      case "poetry":
        return simple("poetry", command, ctx, POETRY_OPTIONS, "install", "sync");
      case "pipenv":
        return simple("pipenv", command, ctx, PIPENV_OPTIONS, "install", "sync");
      case "pdm":
        return simple("pdm", command, ctx, PDM_OPTIONS, "install", "sync");
      case "conda", "mamba", "micromamba":
        k = subcommandAt(w, 1, CONDA_OPTIONS);
        if (k < 0) {
          return null;
        }
        if (w.get(k).equals("env") && k + 1 < w.size() && (w.get(k + 1).equals("create") || w.get(k + 1).equals("update"))) {
          return build("conda", command, ctx, k + 1, CONDA_OPTIONS);
        }
        if (w.get(k).equals("install") || w.get(k).equals("create") || w.get(k).equals("update")) {
          return build("conda", command, ctx, k, CONDA_OPTIONS);
        }
        return null;
      case "pipx":
        return simple("pipx", command, ctx, PIPX_OPTIONS, "install");
      default:
        return null;
    }
  }

  /** {@code TOOL [options] SUBCOMMAND …} where SUBCOMMAND is one of {@code subcommands}. */
  private static PythonInstall simple(String tool, ShellCommand command, RunContext ctx, OptionTable table, String... subcommands) {
    List<String> w = command.values();
    int k = subcommandAt(w, 1, table);
    if (k < 0 || !List.of(subcommands).contains(w.get(k))) {
      return null;
    }
    return build(tool, command, ctx, k, table);
  }

  private static PythonInstall pip(ShellCommand command, RunContext ctx, int from) {
    List<String> w = command.values();
    int k = subcommandAt(w, from, PIP_OPTIONS);
    if (k < 0) {
      return null;
    }
    if (w.get(k).equals("install")) {
      return build("pip", command, ctx, k, PIP_OPTIONS, from);
    }
    if (w.get(k).equals("wheel")) {
      // pip wheel resolves and picks files exactly as install does, then keeps the wheels
      return build("pip-wheel", command, ctx, k, PIP_OPTIONS, from);
    }
    return null;
  }

  private static PythonInstall uv(ShellCommand command, RunContext ctx, int from) {
    List<String> w = command.values();
    int k = subcommandAt(w, from, UV_OPTIONS);
    if (k < 0) {
      return null;
    }
    if (w.get(k).equals("pip")) {
      int j = subcommandAt(w, k + 1, UV_OPTIONS);
      if (j < 0 || !(w.get(j).equals("install") || w.get(j).equals("sync"))) {
        return null;
      }
      return build("uv-pip", command, ctx, j, UV_OPTIONS, from);
    }
    if (w.get(k).equals("sync")) {
      return build("uv-sync", command, ctx, k, UV_OPTIONS, from);
    }
    return null;
  }

  /** The index of the first positional word at or after {@code from}, skipping options. */
  private static int subcommandAt(List<String> w, int from, OptionTable table) {
    for (int k = from; k < w.size(); k++) {
      String word = w.get(k);
      if (!word.startsWith("-")) {
        return k;
      }
      if (table.consumesNext(word)) {
        k++;
      }
    }
    return -1;
  }

  private static PythonInstall build(String tool, ShellCommand command, RunContext ctx, int sub, OptionTable table) {
    return build(tool, command, ctx, sub, table, 1);
  }

  private static PythonInstall build(String tool, ShellCommand command, RunContext ctx, int sub, OptionTable table, int globalsFrom) {
    List<String> w = command.values();
    List<CommandOption> options = new ArrayList<>(table.split(w.subList(Math.min(globalsFrom, sub), sub)).options());
    OptionTable.Split split = table.split(w.subList(sub + 1, w.size()));
    options.addAll(split.options());
    List<String> positionals = split.positionals();

    Map<String, String> env = new LinkedHashMap<>();
    ctx.environment().forEach((key, value) -> {
      if (ENV_PREFIXES.stream().anyMatch(key::startsWith)) {
        env.put(key, value);
      }
    });
    command.assignments().forEach((key, value) -> {
      if (ENV_PREFIXES.stream().anyMatch(key::startsWith)) {
        env.put(key, value);
      }
    });

    List<String> requirements = new ArrayList<>();
    List<DependencyInput> inputs = new ArrayList<>();
    boolean projectTool = tool.equals("uv-sync") || tool.equals("poetry") || tool.equals("pipenv") || tool.equals("pdm");
    boolean uvPipSync = tool.equals("uv-pip") && w.get(sub).equals("sync");
    for (CommandOption o : options) {
      if (o.value() == null) {
        continue;
      }
      switch (o.name()) {
        case "--requirement", "--requirements" -> inputs.add(input("requirements", o.value(), ctx));
        case "--constraint", "--constraints" -> inputs.add(input("constraints", o.value(), ctx));
        case "--editable" -> {
          if (LOCAL_PATH.matcher(o.value()).matches()) {
            inputs.add(input("editable", stripExtras(o.value()), ctx));
          } else {
            requirements.add(o.value());
          }
        }
        case "--file" -> {
          // conda's --file takes a spec list or an explicit lock; mamba also takes environment YAML
          String v = o.value().toLowerCase(Locale.ROOT);
          boolean yaml = v.endsWith(".yml") || v.endsWith(".yaml");
          inputs.add(input(yaml || w.contains("env") ? "environment" : "requirements", o.value(), ctx));
        }
        case "--lockfile" -> inputs.add(input("project", o.value(), ctx));
        case "--group" -> {
          if (tool.equals("pip")) {
            // pip 25.1+: --group [PATH:]GROUP reads dependency groups from pyproject.toml
            int colon = o.value().lastIndexOf(':');
            String dir = colon > 0 ? o.value().substring(0, colon) : ".";
            inputs.add(input("project", dir.endsWith("pyproject.toml") ? dir : dir + "/pyproject.toml", ctx));
          }
        }
        default -> {}
      }
    }
    for (String written : positionals) {
      String p = written;
      if (p.contains("$")) {
        Set<String> undefined = new HashSet<>();
        String expanded = Expander.expand(p, ctx.environment(), '\\', undefined);
        if (undefined.isEmpty() && LOCAL_PATH.matcher(expanded).matches()) {
          inputs.add(input("path", stripExtras(expanded), ctx));
          continue;
        }
      }
      if (projectTool && !tool.equals("pipenv")) {
        // uv sync, poetry install and pdm sync take no requirements: keep the stray word
        // (often an unexpanded $FLAGS) as an option named by itself
        options.add(new CommandOption(p, null, written));
      } else if (uvPipSync) {
        inputs.add(input("requirements", p, ctx));
      } else if (!tool.equals("conda") && (LOCAL_PATH.matcher(p).matches() || p.endsWith(".whl") || p.endsWith(".tar.gz") || p.endsWith(".zip"))
          && !p.contains("://")) {
        inputs.add(input("path", stripExtras(p), ctx));
      } else {
        requirements.add(p);
      }
    }
    if (projectTool) {
      String dir = firstValue(options, "--project", "--directory");
      String base = dir == null ? ctx.workdir() : ctx.absolute(dir);
      List<String> files = switch (tool) {
        case "uv-sync" -> List.of("pyproject.toml", "uv.lock");
        case "poetry" -> List.of("pyproject.toml", "poetry.lock");
        case "pipenv" -> List.of("Pipfile", "Pipfile.lock");
        default -> List.of("pyproject.toml", "pdm.lock");
      };
      for (String f : files) {
        if (tool.equals("pdm") && f.equals("pdm.lock") && firstValue(options, "--lockfile") != null) {
          continue;
        }
        String container = Paths.resolve(base, f);
        inputs.add(DependencyInput.traced("project", f, container, ctx.contextPathOf().apply(container)));
      }
    }

    FileSelection selection = selection(tool, options, env, ctx.cacheMounts());
    String commandText = String.join(" ", w.subList(0, sub + 1));
    ShellWord first = command.words().get(0);
    return new PythonInstall(tool, commandText, options, requirements, inputs, env, selection, w,
        ctx.lines().line(first.offset()), ctx.lines().column(first.offset()), ctx.instructionLine(), command.conditional());
  }

  private static String stripExtras(String p) {
    int bracket = p.indexOf('[');
    return bracket > 0 && p.endsWith("]") ? p.substring(0, bracket) : p;
  }

  private static DependencyInput input(String kind, String argument, RunContext ctx) {
    String path = argument;
    if (path.contains("$")) {
      Set<String> undefined = new HashSet<>();
      String expanded = Expander.expand(path, ctx.environment(), '\\', undefined);
      if (!undefined.isEmpty()) {
        return DependencyInput.untraced(kind, argument);
      }
      path = expanded;
    }
    if (path.contains("://") || path.startsWith("git+")) {
      return DependencyInput.untraced(kind, argument);
    }
    String container = ctx.absolute(path);
    return DependencyInput.traced(kind, argument, container, ctx.contextPathOf().apply(container));
  }

  private static String firstValue(List<CommandOption> options, String... names) {
    for (CommandOption o : options) {
      for (String n : names) {
        if (o.name().equals(n) && o.value() != null) {
          return o.value();
        }
      }
    }
    return null;
  }

  private static List<String> values(List<CommandOption> options, Map<String, String> env, String envName, String... names) {
    List<String> out = new ArrayList<>();
    for (CommandOption o : options) {
      for (String n : names) {
        if (o.name().equals(n) && o.value() != null) {
          out.add(o.value());
        }
      }
    }
    if (envName != null && env.containsKey(envName)) {
      for (String v : env.get(envName).trim().split("\\s+")) {
        if (!v.isEmpty()) {
          out.add(v);
        }
      }
    }
    return out;
  }

  /** uv names indexes on its command line as {@code name=url} ({@code --index pytorch=https://…}): the URL is what is read. */
  private static String uvIndexUrl(String value) {
    if (value == null) {
      return null;
    }
    java.util.regex.Matcher named = UV_NAMED_INDEX.matcher(value);
    return named.matches() ? named.group(1) : value;
  }

  private static final Pattern UV_NAMED_INDEX = Pattern.compile("[A-Za-z0-9._-]+=(\\w[\\w+.-]*://.*)");

  private static boolean has(List<CommandOption> options, String... names) {
    return options.stream().anyMatch(o -> List.of(names).contains(o.name()));
  }

  private static boolean truthy(Map<String, String> env, String name) {
    String v = env.get(name);
    if (v == null) {
      return false;
    }
    String s = v.trim().toLowerCase(Locale.ROOT);
    return !(s.isEmpty() || s.equals("0") || s.equals("false") || s.equals("no") || s.equals("off"));
  }

  private static FileSelection selection(String tool, List<CommandOption> o, Map<String, String> all, List<String> cacheMounts) {
    boolean uv = tool.startsWith("uv");
    // pip reads PIP_* (also when pipenv or pipx run it); uv reads UV_*; poetry, pdm and conda
    // read neither, so only their own options count for them
    boolean pipLike = tool.startsWith("pip");
    Map<String, String> env = new LinkedHashMap<>();
    all.forEach((k, v) -> {
      if ((pipLike && k.startsWith("PIP_")) || (uv && k.startsWith("UV_")) || k.startsWith("PIPENV_") || k.startsWith("POETRY_")) {
        env.put(k, v);
      }
    });
    String indexUrl;
    List<String> extra;
    List<String> findLinks;
    if (uv) {
      List<String> idx = values(o, env, null, "--index-url", "--default-index");
      indexUrl = uvIndexUrl(!idx.isEmpty() ? idx.get(idx.size() - 1) : env.getOrDefault("UV_DEFAULT_INDEX", env.get("UV_INDEX_URL")));
      List<String> written = values(o, env, "UV_EXTRA_INDEX_URL", "--extra-index-url", "--index");
      written.addAll(values(List.of(), env, "UV_INDEX"));
      extra = written.stream().map(PythonInstalls::uvIndexUrl).toList();
      findLinks = values(o, env, "UV_FIND_LINKS", "--find-links");
    } else if (tool.equals("pipenv") && (firstValue(o, "--pypi-mirror") != null || env.containsKey("PIPENV_PYPI_MIRROR"))) {
      indexUrl = firstValue(o, "--pypi-mirror") != null ? firstValue(o, "--pypi-mirror") : env.get("PIPENV_PYPI_MIRROR");
      extra = List.of();
      findLinks = List.of();
    } else {
      List<String> idx = values(o, env, null, "--index-url");
      indexUrl = !idx.isEmpty() ? idx.get(idx.size() - 1) : env.get("PIP_INDEX_URL");
      extra = values(o, env, "PIP_EXTRA_INDEX_URL", "--extra-index-url");
      findLinks = values(o, env, "PIP_FIND_LINKS", "--find-links");
    }
    boolean preferBinary = has(o, "--prefer-binary") || truthy(env, "PIP_PREFER_BINARY");
    List<String> onlyBinary = values(o, env, uv ? "UV_ONLY_BINARY" : "PIP_ONLY_BINARY", "--only-binary");
    List<String> noBinary = values(o, env, uv ? "UV_NO_BINARY_PACKAGE" : "PIP_NO_BINARY", "--no-binary");
    if (uv && has(o, "--no-binary") && noBinary.isEmpty()) {
      noBinary = List.of(":all:");
    }
    String prerelease = firstValue(o, "--prerelease");
    boolean pre = has(o, "--pre") || "allow".equals(prerelease) || truthy(env, "PIP_PRE") || "allow".equals(env.get("UV_PRERELEASE"));
    boolean hashes = has(o, "--require-hashes") || truthy(env, uv ? "UV_REQUIRE_HASHES" : "PIP_REQUIRE_HASHES");
    // pip disables its cache when PIP_NO_CACHE_DIR is set at all, whatever the value
    boolean noCache = has(o, "--no-cache-dir", "--no-cache") || env.containsKey("PIP_NO_CACHE_DIR") || truthy(env, "UV_NO_CACHE")
        || (tool.equals("poetry") && truthy(env, "POETRY_NO_CACHE"));
    boolean user = has(o, "--user") || truthy(env, "PIP_USER");
    String target = firstValue(o, "--target") != null ? firstValue(o, "--target") : env.get("PIP_TARGET");
    boolean breakSystem = has(o, "--break-system-packages") || truthy(env, "PIP_BREAK_SYSTEM_PACKAGES") || truthy(env, "UV_BREAK_SYSTEM_PACKAGES");
    return new FileSelection(indexUrl, extra, findLinks, preferBinary, onlyBinary, noBinary, pre, hashes, noCache,
        cacheMounts, user, target, breakSystem);
  }
}
