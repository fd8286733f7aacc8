package dev.wheelwise.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelwise.pep440.PipProfile;
import dev.wheelwise.pep440.Version;
import dev.wheelwise.tags.Arch;
import dev.wheelwise.tags.Libc;
import dev.wheelwise.tags.SupportedTags;
import dev.wheelwise.tags.Tag;
import dev.wheelwise.tags.Target;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TagsCommandTest {

  record Run(int exit, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(exit, out.toString(), err.toString());
  }

  @Test
  void printsTheOrderedListOneTagPerLine() {
    Run r = run("tags", "--python", "3.12", "--libc", "musl-1.2", "--arch", "arm64");
    assertThat(r.exit()).isZero();
    List<String> expected = SupportedTags.of(new Target(3, 12, -1, false, Libc.musl(1, 2), Arch.AARCH64), PipProfile.DEFAULT)
        .ordered().stream().map(Tag::toString).toList();
    assertThat(r.out().lines().toList()).isEqualTo(expected);
    assertThat(r.out().lines().findFirst()).contains("cp312-cp312-musllinux_1_2_aarch64");
  }

  @Test
  void freeThreadedAndPipProfileAreHonoured() {
    assertThat(run("tags", "--python", "3.13t", "--libc", "glibc-2.36").out()).startsWith("cp313-cp313t-manylinux_2_36_x86_64\n");
    assertThat(run("tags", "--python", "3.13", "--free-threaded", "--pip", "23.2").out())
        .as("pip 23.2's packaging 21.3 does not know free-threading").startsWith("cp313-cp313-manylinux_2_41_x86_64\n");
    assertThat(run("tags", "--python", "3.12.7", "--pip", "21.1", "--libc", "musl-1.2").out())
        .as("pip 21.1 predates musllinux").startsWith("cp312-cp312-linux_x86_64\n");
    List<String> fromPip = run("tags", "--python", "3.11", "--pip", "24.0").out().lines().toList();
    assertThat(fromPip).isEqualTo(SupportedTags.of(new Target(3, 11, -1, false, Libc.glibc(2, 41), Arch.X86_64),
        PipProfile.forPip(Version.tryParse("24.0"))).ordered().stream().map(Tag::toString).toList());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "--python 3.1x | --python expects X.Y or X.Y.Z",
    "--python 2.7 | expects a CPython 3 version",
    "--python 3.12t | free-threaded builds exist from Python 3.13 on",
    "--python 3.12 --libc glibc2 | --libc expects glibc-X.Y or musl-1.Y",
    "--python 3.12 --libc musl-2.0 | musl versions are 1.Y",
    "--python 3.12 --arch sparc64 | --arch expects one of x86_64 (amd64), aarch64 (arm64)",
    "--python 3.12 --pip latest | --pip expects a pip version",
    "--libc musl-1.2 | --python is required",
  })
  void badValuesExitTwoSayingWhatWasExpected(String args, String message) {
    String[] argv = ("tags " + args).split(" ");
    Run r = run(argv);
    assertThat(r.exit()).isEqualTo(Main.EXIT_USAGE);
    assertThat(r.err()).startsWith("error: ").contains(message).doesNotContain("Exception");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void trainingRunIsSilentAndSucceeds() {
    Run r = run("__train");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).isEmpty();
  }
}
