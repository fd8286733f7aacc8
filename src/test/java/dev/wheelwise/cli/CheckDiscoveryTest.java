package dev.wheelwise.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelwise.testing.Shared;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** check on folders: a PEP 751 pylock.NAME.toml and a folder of requirements-*.txt only are found; the choice is said,
 * and several such files are an input error (exit 2) listing them. */
class CheckDiscoveryTest {
  @TempDir Path dir;

  private static String[] run(Path folder) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(new String[] {"check", folder.toString(), "--offline", "--image", "python:3.12-slim", "--format", "json"},
        new PrintWriter(out, true), new PrintWriter(err, true));
    return new String[] {Integer.toString(code), out.toString(), err.toString()};
  }

  @Test
  void namedPylockIsFound() throws Exception {
    Files.copy(Shared.require("corpus/lockfiles/pylock/Comfy-Org__comfy-cli/pylock.toml"), dir.resolve("pylock.dev.toml"));
    String[] r = run(dir);
    assertThat(r[0]).as(r[2]).isEqualTo("0");
    assertThat(r[1]).contains(dir.resolve("pylock.dev.toml").toString()).contains("\"kind\" : \"pylock.toml\"");
  }

  @Test
  void onlyOtherRequirementFilesAreFoundAndTheChoiceIsSaid() throws Exception {
    Files.writeString(dir.resolve("requirements-dev.txt"), "six==1.16.0\n");
    String[] alone = run(dir);
    assertThat(alone[0]).as(alone[2]).isIn("0", "1");
    assertThat(alone[1]).contains("requirements-dev.txt");
    assertThat(alone[2]).contains("notice: using requirements-dev.txt: no lock file and no requirements.txt");
    Files.writeString(dir.resolve("requirements-prod.txt"), "six==1.16.0\n");
    String[] two = run(dir);
    assertThat(two[0]).isEqualTo("2");
    assertThat(two[2]).contains("requirements-dev.txt, requirements-prod.txt").contains("name the one the image installs");
    Files.writeString(dir.resolve("requirements.txt"), "six==1.16.0\n");
    String[] both = run(dir);
    assertThat(both[2]).contains("notice: using requirements.txt").contains("also found: requirements-dev.txt");
  }
}
