package dev.wheelwise.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wheelwise.testing.Shared;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which file a folder's dependencies are read from, and the reason given. */
class DiscoveryTest {

  @Test
  void lockWinsOverRequirementsAndPyproject() throws Exception {
    Discovery.Found found = Discovery.discover(Shared.require("corpus/dockerfiles/CTFd__CTFd")).orElseThrow();
    assertThat(found.file().getFileName()).hasToString("uv.lock");
    assertThat(found.kind()).isEqualTo(InputKind.UV_LOCK);
    assertThat(found.reason()).isEqualTo(
        "uv.lock is a lock file: its exact versions are what gets installed, so it wins over requirements.txt, pyproject.toml");
    assertThat(found.alsoFound()).extracting(p -> p.getFileName().toString()).containsExactly("requirements.txt", "pyproject.toml");
  }

  @Test
  void pipfileLockWinsOverPipfile() throws Exception {
    Discovery.Found found = Discovery.discover(Shared.require("corpus/lockfiles/pipfile/postmanlabs__httpbin")).orElseThrow();
    assertThat(found.kind()).isEqualTo(InputKind.PIPFILE_LOCK);
    assertThat(found.alsoFound()).isEmpty();
  }

  @Test
  void compiledRequirementsWinOverTheirSource() throws Exception {
    Discovery.Found found = Discovery.discover(Shared.require("corpus/lockfiles/requirements/jazzband__pip-tools__docs")).orElseThrow();
    assertThat(found.file().getFileName()).hasToString("requirements.txt");
    assertThat(found.reason()).isEqualTo("no lock file; requirements.txt is what `pip install -r` installs (also found: requirements.in)");
  }

  @Test
  void pyprojectAloneAndEmptyFolder(@TempDir Path dir) throws Exception {
    assertThat(Discovery.discover(dir)).isEmpty();
    Files.writeString(dir.resolve("pyproject.toml"), "[project]\nname = \"x\"\n");
    Files.writeString(dir.resolve("notes.txt"), "not requirements\n");
    Discovery.Found found = Discovery.discover(dir).orElseThrow();
    assertThat(found.kind()).isEqualTo(InputKind.PYPROJECT);
    assertThat(found.reason()).startsWith("no lock file and no requirements file");
    assertThat(found.alsoFound()).isEmpty();
  }

  @Test
  void oneOtherRequirementsFileIsUsedAndSaidSo(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("requirements-dev.txt"), "pytest>=8\n-r base.in\n");
    Discovery.Found found = Discovery.discover(dir).orElseThrow();
    assertThat(found.file().getFileName()).hasToString("requirements-dev.txt");
    assertThat(found.reason()).isEqualTo("no lock file and no requirements.txt; requirements-dev.txt is the only other requirements file");
  }

  @Test
  void aTxtIsRequirementsOnlyWhenEveryLineIsOne(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("notes.txt"), "remember to pin numpy\n");
    Files.writeString(dir.resolve("CMakeLists.txt"), "cmake_minimum_required(VERSION 3.20)\n");
    assertThat(Discovery.discover(dir)).isEmpty();
    Files.writeString(dir.resolve("docs.txt"), "# the docs build\n--index-url https://pypi.org/simple\nsphinx==8.1.3  # pinned\nfuro; python_version >= \"3.9\"\n");
    Discovery.Found found = Discovery.discover(dir).orElseThrow();
    assertThat(found.file().getFileName()).hasToString("docs.txt");
    assertThat(found.alsoFound()).isEmpty();
  }

  @Test
  void severalOtherRequirementsFilesAreAmbiguous(@TempDir Path dir) throws Exception {
    Path sub = Files.createDirectory(dir.resolve("requirements"));
    Files.writeString(sub.resolve("base.txt"), "django==5.1\n");
    Files.writeString(sub.resolve("prod.txt"), "-r base.txt\ngunicorn==23.0.0\n");
    Files.writeString(sub.resolve("prod.in"), "-r base.txt\ngunicorn\n");
    Files.writeString(dir.resolve("pyproject.toml"), "[project]\nname = \"x\"\n");
    assertThatThrownBy(() -> Discovery.discover(dir)).isInstanceOf(AmbiguousInputs.class)
        .hasMessageContaining("requirements/base.txt, requirements/prod.txt;")
        .hasMessageContaining("name the one the image installs")
        .satisfies(e -> assertThat(((AmbiguousInputs) e).files()).hasSize(2)); // prod.in is prod.txt's source

    // The conventional file settles it; the others are listed.
    Files.writeString(dir.resolve("requirements.txt"), "-r requirements/prod.txt\n");
    Discovery.Found found = Discovery.discover(dir).orElseThrow();
    assertThat(found.file().getFileName()).hasToString("requirements.txt");
    assertThat(found.reason()).contains("also found: requirements/base.txt");
  }
}
