package dev.wheelwise.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wheelwise.advise.ChooserTarget;
import dev.wheelwise.advise.ChosenFiles;
import dev.wheelwise.advise.FileChooser;
import dev.wheelwise.advise.FormatControl;
import dev.wheelwise.index.LoopbackIndex;
import dev.wheelwise.pep440.Version;
import dev.wheelwise.pep508.MarkerEnvironment;
import dev.wheelwise.pep508.Requirement;
import dev.wheelwise.tags.Arch;
import dev.wheelwise.tags.Libc;
import dev.wheelwise.tags.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A distribution the image already has (setuptools in the python images before 3.12) is kept by
 * pip when it satisfies every requirement on it, and replaced when one excludes it. pip 23.2.1
 * is the oracle: it cannot take platform options without {@code --target}, which ignores what is
 * installed, so it runs for this host's own Python with a dist-info on {@code PYTHONPATH} standing
 * for the installed distribution, and the resolver is given the same target.
 */
class PreinstalledResolutionTest {

  private static final LockUniverse UNIVERSE = LockUniverse.of(
      new LockUniverse.Release("requests", "2.32.3", List.of("requests-2.32.3-py3-none-any.whl"), List.of("urllib3<3,>=1.21.1")),
      new LockUniverse.Release("urllib3", "2.2.3", List.of("urllib3-2.2.3-py3-none-any.whl"), List.of()),
      new LockUniverse.Release("urllib3", "1.26.18", List.of("urllib3-1.26.18-py2.py3-none-any.whl"), List.of()),
      new LockUniverse.Release("kiwisolver", "1.1.0", List.of("kiwisolver-1.1.0-py3-none-any.whl"), List.of("setuptools")),
      new LockUniverse.Release("setuptools", "45.1.0", List.of("setuptools-45.1.0-py3-none-any.whl"), List.of()));

  /**
   * A CPython 3.11 target for the resolver. pip runs on this machine's own python3; the files
   * are pure and declare no Requires-Python, so any Python 3 chooses the same ones.
   */
  private static final Target HOST = new Target(3, 11, 7, false, Libc.glibc(2, 36), Arch.X86_64);

  private static Resolution resolve(List<String> roots, Map<String, Optional<Version>> installed) throws Exception {
    ChooserTarget chooser = ChooserTarget.of(HOST, PipOracle.PIP);
    MarkerEnvironment env = MarkerEnvironment.linuxCPython(3, 11, 7, "x86_64");
    List<Requirement> parsed = new ArrayList<>();
    for (String r : roots) {
      parsed.add(Requirement.parse(r));
    }
    return new Resolver(new ChosenFiles(UNIVERSE, new FileChooser(chooser, FormatControl.DEFAULT)),
        new ResolveTarget(env, PipOracle.PIP, false, chooser.description(), installed), 1000, false).resolve(parsed);
  }

  private static TreeSet<String> installs(Resolution r) {
    TreeSet<String> out = new TreeSet<>();
    r.pinned().forEach(p -> out.add(p.name() + "==" + p.version()));
    return out;
  }

  /**
   * What pip installs into an empty virtual environment (this host's Python, no pip of its own:
   * the host's pip drives it with {@code --python}) that has urllib3 1.26.18 installed.
   */
  private static TreeSet<String> pip(String base, List<String> roots, Path tmp) throws Exception {
    Path venv = tmp.resolve("venv");
    if (!Files.exists(venv)) {
      Process make = new ProcessBuilder("python3", "-m", "venv", "--without-pip", venv.toString()).inheritIO().start();
      assertThat(make.waitFor()).as("python3 -m venv").isZero();
      Path site;
      try (var libs = Files.list(venv.resolve("lib"))) {
        site = libs.findFirst().orElseThrow().resolve("site-packages");
      }
      Path info = site.resolve("urllib3-1.26.18.dist-info");
      Files.createDirectories(info);
      Files.writeString(info.resolve("METADATA"), "Metadata-Version: 2.1\nName: urllib3\nVersion: 1.26.18\n");
      Files.writeString(info.resolve("INSTALLER"), "pip\n");
      Files.writeString(info.resolve("RECORD"), "");
    }
    List<String> cmd = new ArrayList<>(List.of("python3", "-m", "pip", "--python", venv.resolve("bin/python").toString(), "install",
        "--isolated", "--no-input", "--dry-run", "--report", "-", "--quiet", "--no-cache-dir", "--disable-pip-version-check",
        "--index-url", base + "/simple/"));
    cmd.addAll(roots);
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT);
    pb.environment().put("PIP_CONFIG_FILE", "/dev/null");
    Process p = pb.start();
    byte[] report = p.getInputStream().readAllBytes();
    assertThat(p.waitFor()).as("pip " + roots).isZero();
    TreeSet<String> out = new TreeSet<>();
    for (JsonNode item : new ObjectMapper().readTree(report).path("install")) {
      out.add(item.path("metadata").path("name").asText().toLowerCase() + "==" + item.path("metadata").path("version").asText());
    }
    return out;
  }

  @Test
  void anInstalledVersionThatSatisfiesIsKeptAndOneThatDoesNotIsReplacedAsPipDoes(@TempDir Path tmp) throws Exception {
    Map<String, Optional<Version>> urllib3 = Map.of("urllib3", Optional.of(Version.tryParse("1.26.18")));
    try (LoopbackIndex index = new LoopbackIndex(null)) {
      PipOracle.serve(index, UNIVERSE);
      Resolution kept = resolve(List.of("requests"), urllib3);
      assertThat(installs(kept)).containsExactly("requests==2.32.3").isEqualTo(pip(index.base(), List.of("requests"), tmp));
      assertThat(kept.kept()).extracting(Resolution.Kept::name).containsExactly("urllib3");

      List<String> newer = List.of("requests", "urllib3>=2.1");
      Resolution replaced = resolve(newer, urllib3);
      assertThat(installs(replaced)).containsExactly("requests==2.32.3", "urllib3==2.2.3").isEqualTo(pip(index.base(), newer, tmp));
      assertThat(replaced.kept()).isEmpty();
    }
  }

  @Test
  void anInstalledDistributionOfUnknownVersionMeetsOnlyRequirementsWithoutARange() throws Exception {
    Map<String, Optional<Version>> setuptools = Map.of("setuptools", Optional.empty());
    Resolution bare = resolve(List.of("kiwisolver"), setuptools);
    assertThat(installs(bare)).containsExactly("kiwisolver==1.1.0");
    assertThat(bare.kept()).singleElement().satisfies(k -> assertThat(k.requiredBy()).containsExactly("kiwisolver==1.1.0"));
    assertThat(bare.unknown()).isEmpty();

    Resolution ranged = resolve(List.of("kiwisolver", "setuptools>=40"), setuptools);
    assertThat(installs(ranged)).containsExactly("kiwisolver==1.1.0");
    assertThat(ranged.unknown()).singleElement().satisfies(u -> assertThat(u.reason())
        .contains("the image already has setuptools (version not recorded)", "'setuptools>=40' (requested)"));

    Resolution nothingInstalled = resolve(List.of("kiwisolver"), Map.of());
    assertThat(installs(nothingInstalled)).containsExactly("kiwisolver==1.1.0", "setuptools==45.1.0");
  }
}
