package dev.wheelwise.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wheelwise.advise.FormatControl;
import dev.wheelwise.index.IndexSettings;
import dev.wheelwise.index.PipConfig;
import dev.wheelwise.testing.PythonOracle;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * pip's configuration lookup against pip 23.2.1's own install command (python3's pip parses
 * its options with the same environment): which files it loads (global from
 * {@code XDG_CONFIG_DIRS} and {@code /etc}, user from {@code HOME} and {@code XDG_CONFIG_HOME},
 * {@code PIP_CONFIG_FILE}, {@code /dev/null}), how sections and {@code PIP_*} variables override
 * each other, {@code --isolated}, and the command line's additions, for hand-picked and 150
 * seeded random set-ups in temporary folders.
 */
class PipConfigOracleTest {

  private static final String[][] KEYS = {
    {"index-url", "https://a.example/simple", "file:///srv/idx/simple", "https://b.example/simple"},
    {"pypi-url", "https://p.example/simple"},
    {"index_url", "https://u.example/simple"},
    {"extra-index-url", "https://x.example/simple", "https://x.example/simple\n    file:///srv/more/simple", ""},
    {"find-links", "/opt/wheels", "/w1 /w2", "file:///srv/links/index.html"},
    {"no-index", "yes", "0", "off", "true"},
    {"only-binary", ":all:", "numpy", ":none:", "Numpy_X,pandas"},
    {"no-binary", "pandas,numpy", ":all:", "scipy"},
    {"prefer-binary", "1", "no", "on"},
    {"pre", "true", "false", "y"},
  };

  @Test
  void loadsWhatPipLoadsAndEndsWithPipsOptions(@TempDir Path tmp) throws IOException {
    Random random = new Random(19);
    List<Case> cases = new ArrayList<>(handPicked(tmp));
    for (int i = 0; i < 150; i++) {
      cases.add(randomCase(tmp.resolve("r" + i), random));
    }
    List<Map<String, Object>> input = cases.stream()
        .map(c -> Map.<String, Object>of("env", c.env, "isolated", c.isolated, "args", c.args)).toList();
    List<JsonNode> answers = PythonOracle.PACKAGING_21.run("pip_config.py", input);
    String prefix = sysPrefix();
    List<String> mismatches = new ArrayList<>();
    int errors = 0;
    for (int i = 0; i < cases.size(); i++) {
      Case c = cases.get(i);
      String ours = ours(c, prefix);
      String pips = pips(answers.get(i));
      errors += answers.get(i).has("error") ? 1 : 0;
      if (!ours.equals(pips)) {
        mismatches.add("case " + i + " " + c + "\n  wheelwise " + ours + "\n  pip       " + pips);
      }
    }
    assertThat(mismatches).isEmpty();
    assertThat(errors).as("some set-ups pip refuses (a bad boolean)").isPositive();
    System.err.printf("PipConfigOracleTest: %d set-ups (%d refused by pip) give pip 23.2.1's options and files%n", cases.size(), errors);
  }

  private record Case(Map<String, String> env, boolean isolated, List<String> args, String label) {
    @Override
    public String toString() {
      return label + " env=" + env + (isolated ? " --isolated" : "") + " args=" + args;
    }
  }

  private static String ours(Case c, String prefix) {
    IndexOptions options = new IndexOptions();
    options.connection.isolated = c.isolated;
    for (int i = 0; i < c.args.size(); i += 2) {
      (c.args.get(i).equals("--extra-index-url") ? options.extraIndexUrls : options.findLinks).add(c.args.get(i + 1));
    }
    Map<String, String> env = new LinkedHashMap<>(c.env);
    env.put("VIRTUAL_ENV", prefix); // the site file pip reads is its sys.prefix's
    try (IndexAccess access = new IndexAccess(options, new PrintWriter(new StringWriter()), env)) {
      IndexSettings s = access.settings();
      FormatControl f = access.configuredFormats(FormatControl.DEFAULT);
      PipConfig config = access.pipConfig();
      return String.join(" | ", s.indexUrl(), s.extraIndexUrls().toString(), s.findLinks().toString(), "noIndex=" + s.noIndex(),
          "only=" + new TreeSet<>(f.onlyBinary()), "no=" + new TreeSet<>(f.noBinary()), "prefer=" + f.preferBinary(),
          "pre=" + config.pre(), config.use().files().stream().map(x -> x.kind() + ":" + x.path()).toList().toString());
    } catch (UsageException e) {
      return "error";
    }
  }

  private static String pips(JsonNode a) {
    if (a.has("error")) {
      return "error";
    }
    List<String> files = new ArrayList<>();
    a.get("files").forEach(f -> files.add(f.get(0).asText() + ":" + f.get(1).asText()));
    return String.join(" | ", a.get("indexUrl").asText(), list(a.get("extraIndexUrls")).toString(), list(a.get("findLinks")).toString(),
        "noIndex=" + a.get("noIndex").asBoolean(), "only=" + new TreeSet<>(list(a.get("onlyBinary"))),
        "no=" + new TreeSet<>(list(a.get("noBinary"))), "prefer=" + a.get("preferBinary").asBoolean(),
        "pre=" + a.get("pre").asBoolean(), files.toString());
  }

  private static List<String> list(JsonNode n) {
    List<String> out = new ArrayList<>();
    n.forEach(x -> out.add(x.asText()));
    return out;
  }

  private static List<Case> handPicked(Path tmp) throws IOException {
    List<Case> out = new ArrayList<>();
    Path home = tmp.resolve("h/home");
    Path xdg = tmp.resolve("h/xdg");
    write(xdg.resolve("pip/pip.conf"), "[install]\nindex-url = https://global-install.example/simple\n");
    write(home.resolve(".pip/pip.conf"), "[global]\nindex-url = https://legacy.example/simple\nfind-links = /legacy\n");
    write(home.resolve(".config/pip/pip.conf"), "[global]\nindex-url = https://user.example/simple\nextra-index-url = file:///opt/pypi/simple\n");
    Path envFile = tmp.resolve("h/env.conf");
    write(envFile, "[global]\nextra-index-url = https://env-file.example/simple\n");
    Map<String, String> base = Map.of("HOME", home.toString(), "XDG_CONFIG_DIRS", xdg.toString());
    out.add(new Case(base, false, List.of(), "[install] of a global file beats [global] of the user's"));
    out.add(new Case(with(base, "PIP_CONFIG_FILE", "/dev/null"), false, List.of(), "PIP_CONFIG_FILE=/dev/null loads no file"));
    out.add(new Case(with(base, "PIP_CONFIG_FILE", envFile.toString()), false, List.of(), "an existing PIP_CONFIG_FILE skips user files"));
    out.add(new Case(with(base, "PIP_CONFIG_FILE", tmp.resolve("h/absent.conf").toString()), false, List.of(), "an absent one does not"));
    out.add(new Case(with(base, "XDG_CONFIG_HOME", tmp.resolve("h/nothing").toString()), false, List.of(), "XDG_CONFIG_HOME moves the new user file"));
    out.add(new Case(with(base, "HOME", tmp.resolve("h/elsewhere").toString()), false, List.of(), "HOME elsewhere: no user file"));
    out.add(new Case(with(base, "PIP_FIND_LINKS", "/opt/wheels  /more", "PIP_EXTRA_INDEX_URL", ""), true,
        List.of("--extra-index-url", "https://cli.example/simple"), "--isolated: no user files, no variables"));
    out.add(new Case(with(base, "PIP_NO_INDEX", "maybe"), false, List.of(), "a bad boolean stops pip"));
    out.add(new Case(with(base, "PIP_PYPI_URL", "https://alias.example/simple", "PIP_ONLY_BINARY", ":all:", "PIP_NO_BINARY", "numpy"),
        false, List.of("--find-links", "/cli", "--extra-index-url", "https://cli.example/simple"), "aliases and the command line's additions"));
    return out;
  }

  private static Case randomCase(Path dir, Random r) throws IOException {
    Map<String, String> env = new LinkedHashMap<>();
    Path home = dir.resolve("home");
    env.put("HOME", home.toString());
    env.put("XDG_CONFIG_DIRS", dir.resolve("xdg1") + ":" + dir.resolve("xdg2"));
    List<Path> files = new ArrayList<>(List.of(dir.resolve("xdg1/pip/pip.conf"), dir.resolve("xdg2/pip/pip.conf"),
        home.resolve(".pip/pip.conf"), home.resolve(".config/pip/pip.conf"), dir.resolve("env.conf")));
    if (r.nextInt(4) == 0) {
      env.put("XDG_CONFIG_HOME", dir.resolve("cfg").toString());
      files.set(3, dir.resolve("cfg/pip/pip.conf"));
    }
    for (Path f : files) {
      if (r.nextInt(3) > 0) {
        write(f, randomFile(r));
      }
    }
    switch (r.nextInt(5)) {
      case 0 -> env.put("PIP_CONFIG_FILE", dir.resolve("env.conf").toString());
      case 1 -> env.put("PIP_CONFIG_FILE", "/dev/null");
      case 2 -> env.put("PIP_CONFIG_FILE", dir.resolve("absent.conf").toString());
      default -> { }
    }
    for (int i = r.nextInt(4); i > 0; i--) {
      String[] k = KEYS[r.nextInt(KEYS.length)];
      env.put("PIP_" + k[0].toUpperCase().replace('-', '_'), k[1 + r.nextInt(k.length - 1)].replace("\n    ", " "));
    }
    List<String> args = new ArrayList<>();
    if (r.nextInt(3) == 0) {
      args.addAll(List.of(r.nextBoolean() ? "--extra-index-url" : "--find-links", "/cli-" + r.nextInt(9)));
    }
    return new Case(env, r.nextInt(4) == 0, args, "random");
  }

  private static String randomFile(Random r) {
    StringBuilder sb = new StringBuilder();
    for (String section : List.of("global", "install")) {
      if (r.nextBoolean()) {
        continue;
      }
      sb.append('[').append(section).append("]\n");
      for (int i = 1 + r.nextInt(3); i > 0; i--) {
        String[] k = KEYS[r.nextInt(KEYS.length)];
        String key = r.nextInt(5) == 0 ? k[0].toUpperCase() : k[0];
        sb.append(key).append(r.nextBoolean() ? " = " : ": ").append(k[1 + r.nextInt(k.length - 1)]).append('\n');
      }
      if (r.nextInt(4) == 0) {
        sb.append("# a comment\n; another\n");
      }
    }
    return sb.toString();
  }

  private static Map<String, String> with(Map<String, String> base, String... kv) {
    Map<String, String> out = new LinkedHashMap<>(base);
    for (int i = 0; i < kv.length; i += 2) {
      out.put(kv[i], kv[i + 1]);
    }
    return out;
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  private static String sysPrefix() {
    try {
      Process p = new ProcessBuilder("python3", "-c", "import sys; print(sys.prefix)").start();
      return new String(p.getInputStream().readAllBytes()).strip();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
