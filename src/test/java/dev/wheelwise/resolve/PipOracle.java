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
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * pip 23.2.1 as the oracle of resolution: serves a {@link LockUniverse} on a loopback index
 * (PEP 503 pages, generated wheels under the real file names whose METADATA carries the
 * recorded dependencies) and runs {@code pip install --dry-run --report -} against it for a
 * target given by its full ordered platform tag list; and the resolver on the same facts.
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

  /** PEP 503 pages and generated wheels: METADATA with the release's Requires-Dist. */
  static void serve(LoopbackIndex index, LockUniverse universe) {
    universe.projects().forEach((name, versions) -> {
      StringBuilder page = new StringBuilder("<!DOCTYPE html><html><body>\n");
      versions.values().forEach(r -> r.files().forEach(f -> {
        page.append("<a href=\"../../files/").append(f).append("\">").append(f).append("</a><br/>\n");
        if (f.endsWith(".whl")) {
          index.override("/files/" + f, (ex, n) -> LoopbackIndex.send(ex, 200, "application/octet-stream", wheel(f, r)));
        }
      }));
      page.append("</body></html>\n");
      byte[] body = page.toString().getBytes(StandardCharsets.UTF_8);
      index.override("/simple/" + name + "/", (ex, n) -> LoopbackIndex.send(ex, 200, "text/html", body));
    });
  }

  private static byte[] wheel(String filename, LockUniverse.Release r) {
    String[] parts = filename.split("-");
    String distInfo = parts[0] + "-" + parts[1] + ".dist-info/";
    StringBuilder meta = new StringBuilder("Metadata-Version: 2.1\nName: " + r.name() + "\nVersion: " + parts[1] + "\n");
    // Real metadata declares its extras; pip ignores a requested extra the release does not provide.
    Set<String> extras = new java.util.TreeSet<>();
    r.requiresDist().forEach(d -> java.util.regex.Pattern.compile("extra *== *[\"']([^\"']+)[\"']").matcher(d).results()
        .forEach(m -> extras.add(m.group(1))));
    extras.forEach(e -> meta.append("Provides-Extra: ").append(e).append('\n'));
    r.requiresDist().forEach(d -> meta.append("Requires-Dist: ").append(d).append('\n'));
    try (ByteArrayOutputStream bytes = new ByteArrayOutputStream(); ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (String[] entry : new String[][] {{"METADATA", meta.toString()},
          {"WHEEL", "Wheel-Version: 1.0\nGenerator: wheelwise-test\nRoot-Is-Purelib: true\nTag: py3-none-any\n"},
          {"RECORD", ""}}) {
        zip.putNextEntry(new ZipEntry(distInfo + entry[0]));
        zip.write(entry[1].getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
      zip.finish();
      return bytes.toByteArray();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** pip's choice: name → "version file", or null when pip finds no solution. */
  static Map<String, String> choose(String base, Target target, List<String> requirements, Path dir) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("python3", "-m", "pip", "install", "--dry-run", "--report", "-", "--quiet",
        "--ignore-installed", "--only-binary=:all:", "--no-cache-dir", "--disable-pip-version-check",
        "--python-version", target.pythonVersion(), "--implementation", "cp", "--target", dir.toString(),
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
    Path err = Files.createTempFile("pip", ".err");
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(err.toFile());
    pb.environment().put("PIP_CONFIG_FILE", "/dev/null");
    pb.environment().put("PIP_NO_INPUT", "1");
    Process p = pb.start();
    byte[] out = p.getInputStream().readAllBytes();
    if (p.waitFor() != 0) {
      String why = Files.readString(err);
      // Only a resolution failure counts as "no solution"; anything else is a broken harness.
      assertThat(why).as("pip failed for another reason than resolution").containsAnyOf("No matching distribution found",
          "ResolutionImpossible", "conflicting dependencies");
      return null;
    }
    JsonNode report = JSON.readTree(out);
    Map<String, String> chosen = new TreeMap<>();
    for (JsonNode item : report.path("install")) {
      String url = item.path("download_info").path("url").asText();
      chosen.put(dev.wheelwise.pep508.Names.canonicalize(item.path("metadata").path("name").asText()),
          Version.tryParse(item.path("metadata").path("version").asText()) + " " + url.substring(url.lastIndexOf('/') + 1));
    }
    Files.createDirectories(dir);
    return chosen;
  }
}
