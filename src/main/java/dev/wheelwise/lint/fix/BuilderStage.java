package dev.wheelwise.lint.fix;

import dev.wheelwise.dockerfile.Instruction;
import dev.wheelwise.dockerfile.PythonInstall;
import dev.wheelwise.dockerfile.Run;
import dev.wheelwise.dockerfile.ShellWord;
import dev.wheelwise.dockerfile.Stage;
import dev.wheelwise.lint.Subject;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * WW1003 when the install is RUNs away from the {@code apk add} or {@code apt-get install} (a COPY between, say): the
 * final stage's instructions up to and including the install are copied, byte for byte, into a
 * new stage {@code ww-builder} placed before it on the same base, where pip installs into
 * {@code /opt/venv}; in the final stage the package install keeps only what is not a build package plus
 * the runtime libraries the build packages leave needed, and the install RUN becomes {@code COPY
 * --from=ww-builder /opt/venv /opt/venv} with the venv first on PATH. Only a RUN of plain {@code
 * pip install}s on a python image is moved; anything else is refused with the reason.
 */
final class BuilderStage {
  static final String NAME = "ww-builder";
  private static final List<String> OTHER_TARGETS = List.of("--user", "--prefix", "--target", "--root", "--system");

  private BuilderStage() {}

  static void plan(Subject subject, BuildDeps.Target t, List<Edit> out) throws BuildDeps.Refused {
    String text = subject.file().text();
    Stage stage = t.stage();
    int line = t.op().line();
    PythonInstall last = t.installs().get(t.installs().size() - 1);
    int installRun = last.instructionLine();
    Run run = stage.runs().stream().filter(r -> r.line() == installRun).findFirst().orElseThrow();
    if (t.installs().stream().anyMatch(i -> i.instructionLine() != installRun)) {
      throw new BuildDeps.Refused(line, "the Python installs after the package install are spread over several RUNs");
    }
    if (run.commands().size() != t.installs().size()) {
      throw new BuildDeps.Refused(installRun, "the RUN of the pip install also runs other commands, which a builder stage would "
          + "leave out of the final image");
    }
    for (PythonInstall i : t.installs()) {
      if (!i.tool().equals("pip") || !i.command().endsWith(" install")) {
        throw new BuildDeps.Refused(i.line(), "only `pip install` is moved into a builder stage, not `" + i.command() + "`");
      }
      Optional<String> elsewhere = OTHER_TARGETS.stream().filter(i::has).findFirst();
      if (elsewhere.isPresent()) {
        throw new BuildDeps.Refused(i.line(), "pip install " + elsewhere.get() + " installs outside the venv the builder stage copies");
      }
    }
    if (stage.image() == null || !stage.image().replaceAll("^.*/", "").startsWith("python:")) {
      throw new BuildDeps.Refused(stage.line(), "the builder's venv needs a python image's Python; this stage rests on " + stage.image());
    }
    refuseStageNumbers(subject);
    Instruction from = subject.from(stage);
    Instruction install = subject.instructionAt(installRun).orElseThrow();
    String eol = Words.lineEnding(text, from.offset());
    int fromEnd = Words.instructionEnd(from);
    int copyFrom = text.startsWith(eol, fromEnd) ? fromEnd + eol.length() : fromEnd;
    int installEnd = Words.instructionEnd(install);
    String flags = from.flags().isEmpty() ? "" : String.join(" ", from.flags()) + " ";
    String builder = "# wheelwise fix (WW1003): the build packages stay in this stage; only /opt/venv goes to the image" + eol
        + from.keyword() + " " + flags + stage.baseName() + " AS " + NAME + eol
        + "RUN python -m venv /opt/venv" + eol
        + "ENV PATH=\"/opt/venv/bin:$PATH\"" + eol
        + text.substring(copyFrom, installEnd) + eol + eol;
    int at = Words.lineStart(text, from.offset());
    out.add(new Edit(at, at, builder, BuildDeps.CODE, "builder stage " + NAME + " installs the Python packages into /opt/venv", line));
    List<ShellWord> build = t.build();
    String runtime = String.join(" ", t.runtime());
    if (t.kept().isEmpty() && t.runtime().isEmpty()) {
      ShellWord lastWord = t.command().words().get(t.command().words().size() - 1);
      out.add(new Edit(t.command().offset(), Words.plainEnd(text, lastWord), "true", BuildDeps.CODE,
          "install of build packages only: nothing left to install here", line));
    } else {
      int removed = 0;
      for (int i = 0; i < build.size(); i++) {
        ShellWord w = build.get(i);
        int end = Words.plainEnd(text, w);
        if (i == 0 && !runtime.isEmpty()) {
          removed = end;
          out.add(new Edit(w.offset(), end, runtime, BuildDeps.CODE, "build packages left to " + NAME + "; runtime kept: " + runtime, line));
        } else {
          int[] cut = Words.removal(text, w.offset(), end);
          cut[0] = Math.max(cut[0], removed); // blanks the previous removal already took
          removed = cut[1];
          out.add(new Edit(cut[0], cut[1], "", BuildDeps.CODE, w.value() + " left to " + NAME, line));
        }
      }
    }
    out.add(new Edit(install.offset(), installEnd, "COPY --from=" + NAME + " /opt/venv /opt/venv" + eol + "ENV PATH=\"/opt/venv/bin:$PATH\"",
        BuildDeps.CODE, "the packages built in " + NAME + " copied in, no build packages", line));
  }

  /** A new stage shifts the numbers of the ones after it: {@code --from=1} would name another stage. */
  private static void refuseStageNumbers(Subject subject) throws BuildDeps.Refused {
    for (Instruction i : subject.instructions()) {
      if (i.flag("from").map(v -> v.matches("[0-9]+")).orElse(false)
          || i.flagValues("mount").stream().anyMatch(m -> m.toLowerCase(Locale.ROOT).matches("(.*,)?from=[0-9]+(,.*)?"))) {
        throw new BuildDeps.Refused(i.line(), "refers to a stage by number, which a builder stage inserted before would change");
      }
    }
    for (Stage s : subject.model().stages()) {
      if (NAME.equalsIgnoreCase(String.valueOf(s.name()))) {
        throw new BuildDeps.Refused(s.line(), "a stage is already named " + NAME);
      }
    }
  }
}
