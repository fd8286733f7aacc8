package dev.wheelwise.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The input readers' resource limits (docs/DESIGN.md, "Limits"), each at its limit and one
 * past it: the error names the limit, the file and the line, never a StackOverflowError or a
 * read that does not end.
 */
class InputLimitsTest {

  @TempDir Path dir;

  @Test
  void tomlNestingUpToTheLimitReadsAndOnePastIsAnErrorAtItsLine() throws Exception {
    int max = SourceFile.MAX_NESTING;
    Path ok = Files.writeString(dir.resolve("pyproject.toml"),
        "[project]\nname = \"a\"\nx = " + "[".repeat(max - 1) + "]".repeat(max - 1) + "\n"); // the [project] header is level 1 only on its line
    assertThat(PyprojectReader.read(ok).projectName()).contains("a");
    Path deep = Files.writeString(dir.resolve("uv.lock"),
        "version = 1\n# [[[[ not counted in a comment\ns = \"[[[[ nor in a string\"\nx = "
            + "[".repeat(max + 1) + "]".repeat(max + 1) + "\n");
    assertThatThrownBy(() -> UvLockReader.read(deep))
        .isInstanceOf(InputParseError.class)
        .hasMessageContaining("nested more than " + max + " levels deep (wheelwise's limit for TOML and JSON input; no option raises it)")
        .satisfies(e -> assertThat(((InputParseError) e).span().line()).isEqualTo(4))
        .satisfies(e -> assertThat(((InputParseError) e).span().column()).isEqualTo(5 + max));
    Path inline = Files.writeString(dir.resolve("pdm.lock"), "x = " + "{a = ".repeat(10_000) + "1" + "}".repeat(10_000) + "\n");
    assertThatThrownBy(() -> PdmLockReader.read(inline, java.util.Optional.empty()))
        .as("inline tables: Jackson's TOML parser would overflow the stack").isInstanceOf(InputParseError.class)
        .hasMessageContaining("nested more than");
  }

  @Test
  void jsonNestingPastTheLimitIsAnError() throws Exception {
    int max = SourceFile.MAX_NESTING;
    Path ok = Files.writeString(dir.resolve("Pipfile.lock"), "{\"x\": " + "[".repeat(max - 1) + "]".repeat(max - 1) + "}");
    assertThatCode(() -> PipfileLockReader.read(ok)).doesNotThrowAnyException();
    Path deep = Files.writeString(dir.resolve("Pipfile.lock"), "{\"x\": \"]]]\", \"y\": " + "[".repeat(max) + "]".repeat(max) + "}");
    assertThatThrownBy(() -> PipfileLockReader.read(deep)).isInstanceOf(InputParseError.class)
        .hasMessageContaining("nested more than " + max + " levels deep (wheelwise's limit for TOML and JSON input; no option raises it)");
  }

  @Test
  void includeChainsUpToTheDepthLimitReadAndOnePastIsAnErrorAtTheInclude() throws Exception {
    int max = RequirementsFileReader.MAX_INCLUDE_DEPTH;
    for (int i = 0; i < max; i++) {
      Files.writeString(dir.resolve("r" + i + ".txt"), "p" + i + "==1\n-r r" + (i + 1) + ".txt\n");
    }
    Files.writeString(dir.resolve("r" + max + ".txt"), "last==1\n");
    RequirementsFileReader reader = new RequirementsFileReader(Map.of());
    // r1 … r50: a chain of 50 files reads
    assertThat(reader.read(dir.resolve("r1.txt")).requirements()).hasSize(max);
    // r0 … r50: 51 files deep
    assertThatThrownBy(() -> reader.read(dir.resolve("r0.txt")))
        .isInstanceOf(InputParseError.class)
        .hasMessageContaining("nested more than " + max + " files deep (wheelwise's limit; no option raises it)")
        .satisfies(e -> assertThat(((InputParseError) e).span().source()).endsWith("r49.txt"))
        .satisfies(e -> assertThat(((InputParseError) e).span().line()).isEqualTo(2));
  }

  @Test
  void repeatedIncludesAreCountedSoADiamondChainEnds() throws Exception {
    // each file includes the next twice: 2^20 reads without the count
    for (int i = 0; i < 20; i++) {
      Files.writeString(dir.resolve("d" + i + ".txt"), "-r d" + (i + 1) + ".txt\n-r d" + (i + 1) + ".txt\n");
    }
    Files.writeString(dir.resolve("d20.txt"), "x==1\n");
    assertThatThrownBy(() -> new RequirementsFileReader(Map.of()).read(dir.resolve("d0.txt")))
        .isInstanceOf(InputParseError.class)
        .hasMessageContaining("more than " + RequirementsFileReader.MAX_INCLUDED_READS + " requirements files read")
        .hasMessageContaining("(wheelwise's limit; no option raises it)");
    // d11 … d20, each including the next twice: 1,023 reads, past the limit of 1,000
    assertThatThrownBy(() -> new RequirementsFileReader(Map.of()).read(dir.resolve("d11.txt")))
        .isInstanceOf(InputParseError.class);
    // d12 … d20: 511 reads, under it
    assertThat(new RequirementsFileReader(Map.of()).read(dir.resolve("d12.txt")).requirements()).isNotEmpty();
  }
}
