package dev.wheelwise.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wheelwise.advise.ChooserTarget;
import dev.wheelwise.advise.ChosenFiles;
import dev.wheelwise.advise.FileChooser;
import dev.wheelwise.advise.FormatControl;
import dev.wheelwise.index.LoopbackIndex;
import dev.wheelwise.pep440.PipProfile;
import dev.wheelwise.pep440.Version;
import dev.wheelwise.pep508.MarkerEnvironment;
import dev.wheelwise.pep508.Requirement;
import dev.wheelwise.tags.SupportedTags;
import dev.wheelwise.tags.Tag;
import dev.wheelwise.tags.Target;
import dev.wheelwise.testing.Archives;
import dev.wheelwise.testing.Archives.Entry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * pip 23.2.1 as the oracle: serves a {@link LockUniverse} on a loopback index (PEP 503 pages
 * with PEP 658 metadata, generated wheels and sdists under the real file names whose metadata
 * carries the recorded dependencies) and runs {@code pip install --dry-run --report -} against
 * it for a target given by its full ordered platform tag list; and the resolver on the same
 * facts. {@link PipAgreement} uses the same index and command for check's file choices.
 */
final class PipOracle {
  private PipOracle() {}

  static final PipProfile PIP = PipProfile.forPip(Version.tryParse("23.2.1"));
  private static final ObjectMapper JSON = new ObjectMapper();

  static Resolution resolve(dev.wheelwise.advise.FileSource universe, Target t, List<String> requirements) throws Exception {
    ChooserTarget chooser = ChooserTarget.of(t, PIP);
    FormatControl binaryOnly = FormatControl.DEFAULT.withOnlyBinary(FormatControl.ALL);
    MarkerEnvironment env = MarkerEnvironment.linuxCPython(t.pythonMajor(), t.pythonMinor(), 0, t.arch().tagName());
    List<Requirement> roots = new ArrayList<>();
    for (String r : requirements) {
      roots.add(Requirement.parse(r));
    }
    return new Resolver(new ChosenFiles(universe, new FileChooser(chooser, binaryOnly)),
        new ResolveTarget(env, PIP, false, chooser.description()), 20_000, false).resolve(roots);
  }

  /**
   * PEP 503 pages of the universe's real file names, each with its PEP 658/714 metadata file,
   * and a generated file behind every name: a wheel whose METADATA carries the release's
   * Requires-Dist, or an sdist whose in-tree build backend only copies that metadata (pip
   * 23.2.1 downloads the chosen files after resolving, even with {@code --dry-run}, and asks an
   * sdist's backend for its metadata: then this costs a hook call, not a compile).
   */
  static void serve(LoopbackIndex index, LockUniverse universe) {
    universe.projects().forEach((name, versions) -> {
      StringBuilder page = new StringBuilder("<!DOCTYPE html><html><body>\n");
      versions.values().forEach(r -> {
        byte[] metadata = metadata(r).getBytes(StandardCharsets.UTF_8);
        r.files().forEach(f -> {
          byte[] file = f.endsWith(".whl") ? wheel(f, r) : sdist(f, r);
          page.append("<a href=\"../../files/").append(f).append("\" data-core-metadata=\"sha256=")
              .append(LoopbackIndex.sha256(metadata)).append("\">").append(f).append("</a><br/>\n");
          index.override("/files/" + f, (ex, n) -> LoopbackIndex.send(ex, 200, "application/octet-stream", file));
          index.override("/files/" + f + ".metadata", (ex, n) -> LoopbackIndex.send(ex, 200, "text/plain", metadata));
        });
      });
      page.append("</body></html>\n");
      byte[] body = page.toString().getBytes(StandardCharsets.UTF_8);
      index.override("/simple/" + name + "/", (ex, n) -> LoopbackIndex.send(ex, 200, "text/html", body));
    });
  }

  /** Core metadata of a release; real metadata declares its extras (pip ignores a requested extra the release does not provide). */
  private static String metadata(LockUniverse.Release r) {
    StringBuilder meta = new StringBuilder("Metadata-Version: 2.1\nName: " + r.name() + "\nVersion: " + r.version() + "\n");
    Set<String> extras = new TreeSet<>();
    r.requiresDist().forEach(d -> EXTRA.matcher(d).results().forEach(m -> extras.add(m.group(1))));
    extras.forEach(e -> meta.append("Provides-Extra: ").append(e).append('\n'));
    r.requiresDist().forEach(d -> meta.append("Requires-Dist: ").append(d).append('\n'));
    return meta.toString();
  }

  private static byte[] wheel(String filename, LockUniverse.Release r) {
    String[] parts = filename.split("-");
    String distInfo = parts[0] + "-" + parts[1] + ".dist-info/";
    return Archives.zip(List.of(Entry.file(distInfo + "METADATA", metadata(r)),
        Entry.file(distInfo + "WHEEL", "Wheel-Version: 1.0\nGenerator: wheelwise-test\nRoot-Is-Purelib: true\nTag: py3-none-any\n"),
        Entry.file(distInfo + "RECORD", "")));
  }

  /** A PEP 517 sdist ({@code .tar.gz} or {@code .zip}) whose backend answers the metadata hook only. */
  private static byte[] sdist(String filename, LockUniverse.Release r) {
    String top = r.name().replace('-', '_') + "-" + r.version() + "/";
    String distInfo = r.name().replace('-', '_') + "-" + r.version() + ".dist-info";
    List<Entry> entries = List.of(Entry.file(top + "PKG-INFO", metadata(r)),
        Entry.file(top + "pyproject.toml", "[build-system]\nrequires = []\nbuild-backend = \"backend\"\nbackend-path = [\".\"]\n"),
        Entry.file(top + "backend.py", SDIST_BACKEND.replace("DIST_INFO", distInfo)));
    if (filename.endsWith(".zip")) {
      return Archives.zip(entries);
    }
    if (!filename.endsWith(".tar.gz")) {
      throw new IllegalArgumentException(filename + ": an sdist here is .tar.gz or .zip");
    }
    return Archives.gzip(Archives.tar(entries));
  }

  private static final Pattern EXTRA = Pattern.compile("extra *== *[\"']([^\"']+)[\"']");

  private static final String SDIST_BACKEND = """
      import os
      import shutil


      def prepare_metadata_for_build_wheel(metadata_directory, config_settings=None):
          os.makedirs(os.path.join(metadata_directory, "DIST_INFO"))
          shutil.copy("PKG-INFO", os.path.join(metadata_directory, "DIST_INFO", "METADATA"))
          return "DIST_INFO"


      def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
          raise RuntimeError("a generated sdist: it answers the metadata hook only")
      """;

  /**
   * The pip command for a target given by its full ordered platform tag list: {@code install
   * --dry-run --report -} into {@code --target dir}, isolated from this machine's pip
   * configuration and {@code PIP_*} variables (run it with {@code PIP_CONFIG_FILE=/dev/null}).
   */
  static List<String> command(String base, Target target, Path dir, List<String> options, List<String> requirements) {
    List<String> cmd = new ArrayList<>(List.of("python3", "-m", "pip", "install", "--isolated", "--no-input", "--dry-run", "--report", "-",
        "--quiet", "--ignore-installed", "--no-cache-dir", "--disable-pip-version-check"));
    cmd.addAll(options);
    cmd.addAll(List.of("--python-version", target.pythonFullVersion(), "--implementation", "cp", "--target", dir.toString(),
        "--index-url", base + "/simple/"));
    Set<String> platforms = new LinkedHashSet<>();
    for (Tag tag : SupportedTags.of(target, PIP).ordered()) {
      platforms.add(tag.platform());
    }
    platforms.forEach(p -> {
      cmd.add("--platform");
      cmd.add(p);
    });
    cmd.addAll(requirements);
    return cmd;
  }

  /** A finished pip run: exit code, the report on standard output, and standard error. */
  record Run(int exitCode, byte[] report, String errors) {
    /** pip found no file for the requirement it names (it stops at the first). */
    Optional<String> noMatch() {
      Matcher m = NO_MATCH.matcher(errors);
      return exitCode != 0 && m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }
  }

  private static final Pattern NO_MATCH = Pattern.compile("No matching distribution found for (\\S+)");

  static Run run(List<String> cmd) throws Exception {
    Path err = Files.createTempFile("pip", ".err");
    try {
      ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(err.toFile());
      pb.environment().put("PIP_CONFIG_FILE", "/dev/null");
      Process p = pb.start();
      byte[] out = p.getInputStream().readAllBytes();
      return new Run(p.waitFor(), out, Files.readString(err));
    } finally {
      Files.deleteIfExists(err);
    }
  }

  /** The version of {@code python3 -m pip} on this machine. */
  static Version hostPip() throws Exception {
    Run run = run(List.of("python3", "-m", "pip", "--version"));
    Matcher m = Pattern.compile("^pip (\\S+) ").matcher(new String(run.report(), StandardCharsets.UTF_8));
    if (run.exitCode() != 0 || !m.find()) {
      throw new IllegalStateException("python3 -m pip --version failed:\n" + run.errors());
    }
    return Version.tryParse(m.group(1));
  }

  /** pip's choice: name → "version file", or null when pip finds no solution. */
  static Map<String, String> choose(String base, Target target, List<String> requirements, Path dir) throws Exception {
    Run run = run(command(base, target, dir, List.of("--only-binary=:all:"), requirements));
    if (run.exitCode() != 0) {
      // Only a resolution failure counts as "no solution"; anything else is a broken harness.
      assertThat(run.errors()).as("pip failed for another reason than resolution").containsAnyOf("No matching distribution found",
          "ResolutionImpossible", "conflicting dependencies");
      return null;
    }
    return chosen(run.report());
  }

  /** The {@code --report} of a dry run: canonical name → "version file". */
  static Map<String, String> chosen(byte[] report) throws java.io.IOException {
    Map<String, String> chosen = new TreeMap<>();
    for (JsonNode item : JSON.readTree(report).path("install")) {
      String url = item.path("download_info").path("url").asText();
      chosen.put(dev.wheelwise.pep508.Names.canonicalize(item.path("metadata").path("name").asText()),
          Version.tryParse(item.path("metadata").path("version").asText()) + " " + url.substring(url.lastIndexOf('/') + 1));
    }
    return chosen;
  }
}
