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

  @Test
  void fishCompletionAndTheManPageAreNotStale() throws Exception {
    for (String kind : List.of("fish", "man")) {
      Path committed = kind.equals("fish") ? Path.of("packaging/completion/wheelwise.fish") : Path.of("packaging/man/wheelwise.1");
      Shipped.Run generated = Shipped.inProcess("generate-docs", kind);
      assertThat(generated.code()).isZero();
      if (Boolean.getBoolean("wheelwise.updateSnapshots")) {
        Files.writeString(committed, generated.out());
      }
      assertThat(generated.out()).contains("check", "lint", "bench", kind.equals("fish") ? "-l fail-on" : "\\-\\-fail\\-on");
      assertThat(Files.readString(committed)).as(committed + " stale: rerun with -Dwheelwise.updateSnapshots=true")
          .isEqualTo(generated.out());
    }
    // groff reads the page without a warning (-ww: all warnings), where it is installed.
    if (Shipped.onPath("groff").isPresent()) {
      Shipped.Run roff = Shipped.run(List.of("groff", "-man", "-z", "-ww", "packaging/man/wheelwise.1"), Path.of("."), Map.of());
      assertThat(roff.code()).isZero();
      assertThat(roff.both()).isEmpty();
    }
  }
}
