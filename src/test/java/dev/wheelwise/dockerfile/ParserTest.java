package dev.wheelwise.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The parser's model beyond BuildKit's dump: positions, heredocs, directives, flags, errors. */
class ParserTest {

  @Test
  void instructionsKnowTheirLineColumnAndRawText() throws Exception {
    String text = "# syntax=docker/dockerfile:1\n\nFROM python:3.12 AS base\n  RUN --mount=type=cache,target=/root/.cache/pip \\\n    # a comment\n    pip install x\nCMD [\"a\"]\n";
    Dockerfile file = Dockerfile.parse("Dockerfile", text);
    List<Instruction> ins = file.instructions();
    assertThat(ins).extracting(Instruction::name).containsExactly("from", "run", "cmd");
    Instruction run = ins.get(1);
    assertThat(run.line()).isEqualTo(4);
    assertThat(run.column()).isEqualTo(3);
    assertThat(run.endLine()).isEqualTo(6);
    assertThat(run.flags()).containsExactly("--mount=type=cache,target=/root/.cache/pip");
    assertThat(run.flagValues("mount")).containsExactly("type=cache,target=/root/.cache/pip");
    assertThat(run.rest()).isEqualTo("pip install x");
    assertThat(run.raw()).startsWith("  RUN").endsWith("pip install x\n");
    assertThat(ins.get(2).json()).isTrue();
    assertThat(file.directives()).containsExactly(new Directive("syntax", "docker/dockerfile:1", 1));
    // the rest maps back into the file: "pip" sits on line 6, column 5
    int offset = run.restMap().fileOffset(run.rest().indexOf("pip"));
    assertThat(text.substring(offset, offset + 3)).isEqualTo("pip");
  }

  @Test
  void heredocsKeepBodiesChompAndQuoting() throws Exception {
    String text = "FROM a\nRUN <<EOF cat <<-\"EOT\"\necho $HOME\nEOF\n\t\tno expansion\n\tEOT\nCOPY <<req.txt /r.txt\nflask\nreq.txt\n";
    Dockerfile file = Dockerfile.parse("Dockerfile", text);
    Instruction run = file.instructions().get(1);
    assertThat(run.heredocs()).hasSize(2);
    Heredoc first = run.heredocs().get(0);
    assertThat(first.name()).isEqualTo("EOF");
    assertThat(first.expand()).isTrue();
    assertThat(first.content()).isEqualTo("echo $HOME\n");
    assertThat(first.line()).isEqualTo(3);
    Heredoc second = run.heredocs().get(1);
    assertThat(second.name()).isEqualTo("EOT");
    assertThat(second.chomp()).isTrue();
    assertThat(second.expand()).isFalse();
    assertThat(second.effectiveContent()).isEqualTo("no expansion\n");
    Instruction copy = file.instructions().get(2);
    assertThat(copy.heredocs()).extracting(Heredoc::content).containsExactly("flask\n");
    assertThat(file.printText()).isEqualTo(text);
    assertThat(file.dump()).isEqualTo("(from \"a\")\n(run \"<<EOF cat <<-\\\"EOT\\\"\")\n(copy \"<<req.txt\" \"/r.txt\")");
  }

  @Test
  void escapeDirectiveMakesBacktickTheContinuation() throws Exception {
    Dockerfile file = Dockerfile.parse("Dockerfile", "# escape=`\nFROM mcr.microsoft.com/windows\nRUN dir `\n  C:\\\n");
    assertThat(file.escape()).isEqualTo('`');
    assertThat(file.instructions().get(1).arguments()).containsExactly("dir   C:\\");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "# escape=x\\nFROM a\\n|1|invalid escape token 'x' does not match ` or \\",
    "# escape=`\\n# escape=`\\nFROM a\\n|2|only one escape parser directive can be used",
    "FROM a\\nENV X\\n|2|ENV must have two arguments",
    "FROM a\\nLABEL a=b c\\n|2|Syntax error - can't find = in \"c\". Must be of the form: name=value",
    "FROM a\\nRUN [\"a\", 1]\\n|2|when using JSON array syntax, arrays must be comprised of strings only",
    "FROM a\\nRUN <<EOF\\nnever ends\\n|2|unterminated heredoc",
    "# only a comment\\n\\n|2|file with no instructions",
  })
  void errorsUseBuildKitWordingWithPositions(String text, int line, String message) {
    assertThatThrownBy(() -> Dockerfile.parse("Dockerfile", text.replace("\\n", "\n")))
        .isInstanceOf(DockerfileParseError.class)
        .satisfies(e -> {
          DockerfileParseError error = (DockerfileParseError) e;
          assertThat(error.plainMessage()).isEqualTo(message);
          assertThat(error.span().line()).isEqualTo(line);
          assertThat(error.render()).startsWith("Dockerfile:" + line + ":");
        });
  }

  @Test
  void bytesThatAreNotUtf8PrintBackUnchanged() throws Exception {
    byte[] bytes = "FROM a\r\nLABEL x=\"caf\u00e9\"\r\n".getBytes(StandardCharsets.ISO_8859_1);
    Dockerfile file = Dockerfile.parse("Dockerfile", bytes);
    assertThat(file.charset()).isEqualTo("ISO-8859-1");
    assertThat(file.print()).isEqualTo(bytes);
    assertThat(file.instructions().get(1).arguments()).containsExactly("x", "\"caf\u00e9\"", "=");
  }

  @Test
  void unknownInstructionsAndOnbuildAreKept() throws Exception {
    Dockerfile file = Dockerfile.parse("Dockerfile", "FROM a\nFROBNICATE x\nONBUILD COPY . /app\n");
    assertThat(file.instructions().get(1).arguments()).containsExactly("");
    Instruction onbuild = file.instructions().get(2);
    assertThat(onbuild.onbuild().name()).isEqualTo("copy");
    assertThat(onbuild.onbuild().arguments()).containsExactly(".", "/app");
    assertThat(file.dump()).endsWith("(frobnicate \"\")\n(onbuild (copy \".\" \"/app\"))");
  }

  @Test
  void jsonFormIsTheFirstJsonValueLikeGosDecoder() throws Exception {
    Dockerfile file = Dockerfile.parse("Dockerfile", "FROM a\nCMD [\"a\", \"b\"] trailing words\nRUN [\"x\"\n");
    Instruction cmd = file.instructions().get(1);
    assertThat(cmd.json()).isTrue();
    assertThat(cmd.arguments()).containsExactly("a", "b");
    assertThat(file.instructions().get(2).json()).isFalse();
  }
}
