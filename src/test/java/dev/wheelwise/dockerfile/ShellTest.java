package dev.wheelwise.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading RUN text the way sh does, enough to find simple commands and their words. */
class ShellTest {

  private static List<List<String>> commands(String script) {
    return Shell.commands(script, OffsetMap.contiguous(0, script.length())).stream()
        .filter(c -> !c.words().isEmpty())
        .map(ShellCommand::values)
        .toList();
  }

  @Test
  void quotesEscapesAndOperators() {
    assertThat(commands("a 'b c' \"d \\\"e\\\" $X\" f\\ g && h || i; j | k & l\nm"))
        .containsExactly(List.of("a", "b c", "d \"e\" $X", "f g"), List.of("h"), List.of("i"), List.of("j"), List.of("k"),
            List.of("l"), List.of("m"));
  }

  @Test
  void redirectionsCommentsSubstitutionsAndContinuations() {
    assertThat(commands("pip install x 2>&1 >/dev/null # a comment\napt-get \\\n install -y $(cat list) `echo z` <(gen)"))
        .containsExactly(List.of("pip", "install", "x"), List.of("apt-get", "install", "-y", "$(cat list)", "`echo z`", "<(gen)"));
  }

  @Test
  void standardOutputRedirectionsNameTheirFile() {
    List<ShellCommand> cs = Shell.commands("uv export --frozen > req.txt 2>err.log; a >/dev/null 2>&1; b 2> only-err.txt; "
        + "c >>x.txt >y.txt; d &> both.txt; e >&2; f 1>one.txt | g", OffsetMap.contiguous(0, 200));
    assertThat(cs).extracting(ShellCommand::stdout)
        .containsExactly("req.txt", "/dev/null", null, "y.txt", "both.txt", null, "one.txt", null);
  }

  @Test
  void heredocBodiesInsideScriptsAreSkipped() {
    assertThat(commands("cat <<'EOF' > f\npip install not-a-command\nEOF\npip install yes\ncat <<-X\n\tno\n\tX\n"))
        .containsExactly(List.of("cat"), List.of("pip", "install", "yes"), List.of("cat"));
  }

  @Test
  void wrappersAndShellScriptsAreOpened() {
    assertThat(commands("sudo -E -u root env A=1 pip install a; /bin/sh -ec \"apk add b && bash -c 'pip install c'\""))
        .containsExactly(List.of("pip", "install", "a"), List.of("apk", "add", "b"), List.of("pip", "install", "c"));
    ShellCommand env = Shell.commands("env A=1 PIP_NO_CACHE_DIR=1 pip install a", OffsetMap.contiguous(0, 40)).get(0);
    assertThat(env.assignments()).containsEntry("PIP_NO_CACHE_DIR", "1");
  }

  @Test
  void wordsKnowWhereTheyAre() {
    String script = "apk add \\\n  gcc";
    ShellCommand c = Shell.commands(script, OffsetMap.contiguous(100, script.length())).get(0);
    assertThat(c.words()).extracting(ShellWord::offset).containsExactly(100, 104, 112);
  }
}
