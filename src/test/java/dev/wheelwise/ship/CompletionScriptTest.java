package dev.wheelwise.ship;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * packaging/completion/wheelwise.bash (bash, and zsh through bashcompinit) is what picocli
 * generates from the command definitions now ({@code wheelwise generate-completion}); rewrite it
 * with -Dwheelwise.updateSnapshots=true after changing options.
 */
class CompletionScriptTest {
  private static final Path SCRIPT = Path.of("packaging/completion/wheelwise.bash");

  @Test
  void theCommittedScriptIsNotStale() throws Exception {
    Shipped.Run generated = Shipped.inProcess("generate-completion");
    assertThat(generated.code()).isZero();
    if (Boolean.getBoolean("wheelwise.updateSnapshots")) {
      Files.writeString(SCRIPT, generated.out());
    }
    assertThat(generated.out()).contains("check", "--fail-on", "--platform", "explain");
    assertThat(Files.readString(SCRIPT)).as("stale: rerun with -Dwheelwise.updateSnapshots=true").isEqualTo(generated.out());
    Shipped.Run syntax = Shipped.run(List.of("bash", "-n", SCRIPT.toString()), Path.of("."), Map.of());
    assertThat(syntax.code()).as(syntax.both()).isZero();
  }
}
