package dev.wheelwise.project;

import static org.assertj.core.api.Assertions.assertThat;

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
}
