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
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * pip 23.2.1 as the oracle of resolution: serves a {@link LockUniverse} on a loopback index
 * (PEP 503 HTML or PEP 691 JSON pages, with or without PEP 658 metadata files; generated wheels
 * and sdists under the real file names whose metadata carries the recorded dependencies) and
 * runs {@code pip install --dry-run --report -} against it for a target given by its full
 * ordered platform tag list; and the resolver on the same facts. {@link PipAgreement} uses the
 * same index and command for check's file choices.
 */
final class PipOracle {
  private PipOracle() {}

  static final PipProfile PIP = PipProfile.forPip(Version.tryParse("23.2.1"));
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long FIXED_TIME = java.time.Instant.parse("2020-01-01T00:00:00Z").toEpochMilli();

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

  /** How the loopback index lists a universe. */
  enum Listing {
    /** PEP 503 HTML, no metadata files: pip downloads each wheel to read its METADATA. */
    HTML,
    /** PEP 503 HTML with {@code data-core-metadata} hashes and the metadata files (PEP 658/714). */
    HTML_METADATA,
    /** PEP 691 JSON, no metadata files. */
    JSON,
    /** PEP 691 JSON with {@code core-metadata} hashes and the metadata files. */
    JSON_METADATA;

    boolean json() {
      return this == JSON || this == JSON_METADATA;
    }

    boolean metadata() {
      return this == HTML_METADATA || this == JSON_METADATA;
    }
  }

  /** What was asked of the wheel files: whole downloads and byte-range reads. */
  record Traffic(AtomicInteger whole, AtomicInteger ranged) {}

  /** PEP 503 pages with metadata files, as PyPI serves them. */
  static Traffic serve(LoopbackIndex index, LockUniverse universe) {
    return serve(index, universe, Listing.HTML_METADATA, true);
  }

  /**
   * Serves every project page, every wheel (generated once, so its hash holds; byte ranges
   * honoured when {@code ranges}), every sdist (whose in-tree build backend only copies its
   * metadata: pip 23.2.1 downloads the chosen files after resolving, even with {@code --dry-run},
   * and asks an sdist's backend for its metadata; then this costs a hook call, not a compile)
   * and, for a listing with metadata, every file's metadata file, the same bytes as the wheel's
   * METADATA (for an sdist, what building it would give).
   */
  static Traffic serve(LoopbackIndex index, LockUniverse universe, Listing listing, boolean ranges) {
    Traffic traffic = new Traffic(new AtomicInteger(), new AtomicInteger());
    universe.projects().forEach((name, versions) -> {
      List<Map<String, Object>> files = new ArrayList<>();
      versions.values().forEach(r -> r.files().forEach(f -> {
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("filename", f);
        file.put("url", "../../files/" + f);
        file.put("hashes", Map.of());
        if (f.endsWith(".whl")) {
          byte[] wheel = wheel(f, r);
          file.put("hashes", Map.of("sha256", LoopbackIndex.sha256(wheel)));
          index.override("/files/" + f, (ex, n) -> LoopbackIndex.sendFile(ex, wheel, ranges, traffic.whole(), traffic.ranged()));
        } else {
          byte[] sdist = sdist(f, r);
          index.override("/files/" + f, (ex, n) -> LoopbackIndex.send(ex, 200, "application/octet-stream", sdist));
        }
        if (listing.metadata()) {
          byte[] meta = metadata(r);
          file.put("core-metadata", Map.of("sha256", LoopbackIndex.sha256(meta)));
          index.override("/files/" + f + ".metadata", (ex, n) -> LoopbackIndex.send(ex, 200, "application/octet-stream", meta));
        }
        files.add(file);
      }));
      byte[] body = listing.json() ? json(name, files) : html(files);
      String type = listing.json() ? "application/vnd.pypi.simple.v1+json" : "text/html";
      index.override("/simple/" + name + "/", (ex, n) -> LoopbackIndex.send(ex, 200, type, body));
    });
    return traffic;
  }

  private static byte[] json(String name, List<Map<String, Object>> files) {
    try {
      return JSON.writeValueAsBytes(Map.of("meta", Map.of("api-version", "1.0"), "name", name, "files", files));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @SuppressWarnings("unchecked")
  private static byte[] html(List<Map<String, Object>> files) {
    StringBuilder page = new StringBuilder("<!DOCTYPE html><html><body>\n");
    for (Map<String, Object> f : files) {
      String sha = ((Map<String, String>) f.get("hashes")).get("sha256");
      page.append("<a href=\"").append(f.get("url")).append(sha == null ? "" : "#sha256=" + sha).append('"');
      if (f.containsKey("core-metadata")) {
        page.append(" data-core-metadata=\"sha256=").append(((Map<String, String>) f.get("core-metadata")).get("sha256")).append('"');
      }
      page.append('>').append(f.get("filename")).append("</a><br/>\n");
    }
    return page.append("</body></html>\n").toString().getBytes(StandardCharsets.UTF_8);
  }

  /** The core metadata of a release as its files carry it: Requires-Python and Requires-Dist. */
  static byte[] metadata(LockUniverse.Release r) {
    StringBuilder meta = new StringBuilder("Metadata-Version: 2.1\nName: " + r.name() + "\nVersion: " + r.version() + "\n");
    r.requiresPython().ifPresent(p -> meta.append("Requires-Python: ").append(p).append('\n'));
    // Real metadata declares its extras; pip ignores a requested extra the release does not provide.
    Set<String> extras = new java.util.TreeSet<>();
    r.requiresDist().forEach(d -> java.util.regex.Pattern.compile("extra *== *[\"']([^\"']+)[\"']").matcher(d).results()
        .forEach(m -> extras.add(m.group(1))));
    extras.forEach(e -> meta.append("Provides-Extra: ").append(e).append('\n'));
    r.requiresDist().forEach(d -> meta.append("Requires-Dist: ").append(d).append('\n'));
    return meta.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] wheel(String filename, LockUniverse.Release r) {
    String[] parts = filename.split("-");
    String distInfo = parts[0] + "-" + parts[1] + ".dist-info/";
    try (ByteArrayOutputStream bytes = new ByteArrayOutputStream(); ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (String[] entry : new String[][] {
          {"WHEEL", "Wheel-Version: 1.0\nGenerator: wheelwise-test\nRoot-Is-Purelib: true\nTag: py3-none-any\n"},
          {"METADATA", new String(metadata(r), StandardCharsets.UTF_8)}, {"RECORD", ""}}) {
        ZipEntry e = new ZipEntry(distInfo + entry[0]);
        e.setTime(FIXED_TIME); // the same bytes every time, so the page's hash holds
        zip.putNextEntry(e);
        zip.write(entry[1].getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
      zip.finish();
      return bytes.toByteArray();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * A PEP 517 sdist ({@code .tar.gz}, {@code .tgz}, {@code .tar.bz2}, {@code .tbz} or {@code .zip})
   * whose backend answers the metadata hook only.
   */
  private static byte[] sdist(String filename, LockUniverse.Release r) {
    String top = r.name().replace('-', '_') + "-" + r.version() + "/";
    String distInfo = r.name().replace('-', '_') + "-" + r.version() + ".dist-info";
    List<Entry> entries = List.of(Entry.file(top + "PKG-INFO", new String(metadata(r), StandardCharsets.UTF_8)),
        Entry.file(top + "pyproject.toml", "[build-system]\nrequires = []\nbuild-backend = \"backend\"\nbackend-path = [\".\"]\n"),
        Entry.file(top + "backend.py", SDIST_BACKEND.replace("DIST_INFO", distInfo)));
    if (filename.endsWith(".zip")) {
      return Archives.zip(entries);
    }
    if (filename.endsWith(".tar.bz2") || filename.endsWith(".tbz")) {
      return Archives.bzip2(Archives.tar(entries));
    }
    if (!filename.endsWith(".tar.gz") && !filename.endsWith(".tgz")) {
      throw new IllegalArgumentException(filename + ": an sdist here is .tar.gz, .tgz, .tar.bz2, .tbz or .zip");
    }
    return Archives.gzip(Archives.tar(entries));
  }

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

  /** pip's choice: name → "version file", or null when pip finds no solution. */
  static Map<String, String> choose(String base, Target target, List<String> requirements, Path dir) throws Exception {
    return choose(base, target, PIP, requirements, dir);
  }

  /** As {@link #choose(String, Target, List, Path)}, with the platform tags the given pip computes for the target. */
  static Map<String, String> choose(String base, Target target, PipProfile tagsOf, List<String> requirements, Path dir) throws Exception {
    Run run = run(base, target, tagsOf, requirements, dir);
    if (run.exitCode() != 0) {
      // Only a resolution failure counts as "no solution"; anything else is a broken harness.
      assertThat(run.errors()).as("pip failed for another reason than resolution").containsAnyOf("No matching distribution found",
          "ResolutionImpossible", "conflicting dependencies", "requires a different Python");
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

  /**
   * The pip command for a target given by its full ordered platform tag list (as pip {@code tagsOf}
   * computes it): {@code install --dry-run --report -} into {@code --target dir}, isolated from this
   * machine's pip configuration and {@code PIP_*} variables (run it with {@code PIP_CONFIG_FILE=/dev/null}).
   */
  static List<String> command(String base, Target target, PipProfile tagsOf, Path dir, List<String> options,
      List<String> requirements) {
    List<String> cmd = new ArrayList<>(List.of(python3(), "-m", "pip", "install", "--isolated", "--no-input", "--dry-run", "--report", "-",
        "--quiet", "--ignore-installed", "--no-cache-dir", "--disable-pip-version-check"));
    cmd.addAll(options);
    cmd.addAll(List.of("--python-version", target.pythonFullVersion(), "--implementation", "cp", "--target", dir.toString(),
        "--index-url", base + "/simple/"));
    Set<String> platforms = new LinkedHashSet<>();
    for (Tag tag : SupportedTags.of(target, tagsOf).ordered()) {
      platforms.add(tag.platform());
    }
    platforms.forEach(p -> {
      cmd.add("--platform");
      cmd.add(p);
    });
    cmd.addAll(requirements);
    return cmd;
  }

  static List<String> command(String base, Target target, Path dir, List<String> options, List<String> requirements) {
    return command(base, target, PIP, dir, options, requirements);
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

  /** {@code pip install --dry-run --report - --only-binary=:all:} for the target. */
  static Run run(String base, Target target, PipProfile tagsOf, List<String> requirements, Path dir) throws Exception {
    Run run = run(command(base, target, tagsOf, dir, List.of("--only-binary=:all:"), requirements));
    Files.createDirectories(dir);
    return run;
  }

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

  private static volatile String python3;

  /**
   * python3's own executable, not a version manager's shim: pyenv's shim runs {@code pyenv rehash}
   * after every {@code pip install}, even a dry run, and the tests' parallel pip runs then race for
   * its lock ("pyenv: cannot rehash: … isn't writable"), failing pip for no reason of its own.
   */
  static String python3() {
    if (python3 == null) {
      try {
        Process p = new ProcessBuilder("python3", "-c", "import sys; print(sys.executable)").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        python3 = p.waitFor() == 0 && out.startsWith("/") && !out.contains("\n") ? out : "python3";
      } catch (Exception e) {
        python3 = "python3";
      }
    }
    return python3;
  }

  /** The version of {@code python3 -m pip} on this machine. */
  static Version hostPip() throws Exception {
    Run run = run(List.of(python3(), "-m", "pip", "--version"));
    Matcher m = Pattern.compile("^pip (\\S+) ").matcher(new String(run.report(), StandardCharsets.UTF_8));
    if (run.exitCode() != 0 || !m.find()) {
      throw new IllegalStateException("python3 -m pip --version failed:\n" + run.errors());
    }
    return Version.tryParse(m.group(1));
  }
}
