package dev.wheelwise.lint.fix;

import dev.wheelwise.dockerfile.Instruction;
import dev.wheelwise.dockerfile.PythonInstall;
import dev.wheelwise.dockerfile.Run;
import dev.wheelwise.dockerfile.ShellCommand;
import dev.wheelwise.dockerfile.ShellWord;
import dev.wheelwise.dockerfile.Stage;
import dev.wheelwise.lint.Subject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * WW1003 when the install is RUNs away from the {@code apk add} or {@code apt-get install} (a COPY between, say): the
 * final stage's instructions up to and including the install are copied, byte for byte, into a
 * new stage {@code ww-builder} placed before it on the same base, where pip installs into
 * {@code /opt/venv}; in the final stage the package install keeps only what is not a build package plus
 * the runtime libraries the build packages leave needed, and the install RUN becomes {@code COPY
 * --from=ww-builder /opt/venv /opt/venv} with the venv first on PATH. Only RUNs of plain {@code
 * pip install}s or {@code uv pip install}s on a python image are moved (when several, the earlier ones go from the
 * final stage); anything else is refused with the reason.
 */
final class BuilderStage {
  static final String NAME = "ww-builder";
  private static final List<String> PIP_ELSEWHERE = List.of("--user", "--prefix", "--target", "--root");
  private static final List<String> UV_ELSEWHERE = List.of("--system", "--python", "--target", "--prefix");
  private static final List<String> PIP_ENV_ELSEWHERE = List.of("PIP_USER", "PIP_PREFIX", "PIP_TARGET", "PIP_ROOT");
  private static final List<String> UV_ENV_ELSEWHERE = List.of("VIRTUAL_ENV", "UV_SYSTEM_PYTHON", "UV_PYTHON");

  private BuilderStage() {}

  static void plan(Subject subject, BuildDeps.Target t, List<Edit> out) throws BuildDeps.Refused {
    String text = subject.file().text();
    Stage stage = t.stage();
    int line = t.op().line();
    for (PythonInstall i : t.installs()) {
      refuseTool(subject, i);
    }
    List<Run> moved = movedRuns(subject, t);
    if (stage.image() == null || !stage.image().replaceAll("^.*/", "").startsWith("python:")) {
      throw new BuildDeps.Refused(stage.line(), "the builder's venv needs a python image's Python; this stage rests on " + stage.image());
    }
    refuseStageNumbers(subject);
    refuseBuildsLeft(t, moved);
    Instruction from = subject.from(stage);
    Run lastRun = moved.get(moved.size() - 1);
    Instruction install = lastRun.instruction();
    String eol = Words.lineEnding(text, from.offset());
    int fromEnd = Words.instructionEnd(from);
    int copyFrom = text.startsWith(eol, fromEnd) ? fromEnd + eol.length() : fromEnd;
    int installEnd = Words.instructionEnd(install);
    String flags = from.flags().isEmpty() ? "" : String.join(" ", from.flags()) + " ";
    String builder = "# wheelwise fix (WW1003): the build packages stay in this stage; only /opt/venv goes to the image" + eol
        + from.keyword() + " " + flags + stage.baseName() + " AS " + NAME + eol
        + "RUN python -m venv /opt/venv" + eol
        + "ENV PATH=\"/opt/venv/bin:$PATH\"" + eol
        + (t.installs().stream().anyMatch(i -> i.tool().equals("uv-pip")) ? "ENV VIRTUAL_ENV=/opt/venv" + eol : "")
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
      List<ShellWord> cut = build;
      if (!runtime.isEmpty()) {
        ShellWord w = build.get(0);
        removed = Words.plainEnd(text, w);
        out.add(new Edit(w.offset(), removed, runtime, BuildDeps.CODE, "build packages left to " + NAME + "; runtime kept: " + runtime, line));
        cut = build.subList(1, build.size());
      }
      for (Words.Cut c : Words.removals(text, cut, removed, subject.file().escape())) {
        out.add(new Edit(c.start(), c.end(), "", BuildDeps.CODE, String.join(" ", c.words()) + " left to " + NAME, line));
      }
    }
    for (Run r : moved.subList(0, moved.size() - 1)) {
      // an earlier install RUN goes whole (its line ending too): the builder stage runs it, the COPY below brings its packages
      int start = Words.lineStart(text, r.instruction().offset());
      int end = Words.instructionEnd(r.instruction());
      end += text.startsWith("\r\n", end) ? 2 : text.startsWith("\n", end) ? 1 : 0;
      if (start > 0 && blankLine(text, Words.lineStart(text, start - 1)) && end < text.length() && blankLine(text, end)) {
        end = text.indexOf('\n', end) + 1; // a RUN set apart by blank lines takes one with it, so no run of blank lines stays
      }
      out.add(new Edit(start, end, "", BuildDeps.CODE, "the install of line " + r.line() + " runs in " + NAME, line));
    }
    out.add(new Edit(install.offset(), installEnd, "COPY --from=" + NAME + " /opt/venv /opt/venv" + eol + "ENV PATH=\"/opt/venv/bin:$PATH\"",
        BuildDeps.CODE, "the packages built in " + NAME + " copied in, no build packages", line));
  }

  /** Whether the line starting at {@code start} holds only blanks (and has a line ending). */
  private static boolean blankLine(String text, int start) {
    int nl = text.indexOf('\n', start);
    return nl >= 0 && text.substring(start, nl).isBlank();
  }

  /**
   * Only {@code pip install} (into the venv on PATH) and {@code uv pip install} (into {@code VIRTUAL_ENV}, which the
   * builder sets) are moved; the other tools install into environments of their own, which the venv COPY would miss.
   */
  private static void refuseTool(Subject subject, PythonInstall i) throws BuildDeps.Refused {
    String where = switch (i.tool()) {
      case "pip", "uv-pip" -> i.command().endsWith(" install") ? null : "";
      case "pipenv" -> ", which installs into a virtualenv of its own";
      case "uv-sync", "poetry", "pdm" -> ", which installs into the project's environment";
      case "conda", "pipx" -> ", which installs into environments of its own";
      default -> "";
    };
    if (where != null) {
      throw new BuildDeps.Refused(i.line(), "only `pip install` and `uv pip install` are moved into a builder stage, not `" + i.command()
          + "`" + where + ", so the venv the builder stage copies would not hold its packages");
    }
    List<String> options = i.tool().equals("pip") ? PIP_ELSEWHERE : UV_ELSEWHERE;
    Optional<String> elsewhere = options.stream().filter(i::has).findFirst();
    if (elsewhere.isPresent()) {
      throw new BuildDeps.Refused(i.line(), i.command() + " " + elsewhere.get() + " installs outside the venv the builder stage copies");
    }
    Map<String, String> env = subject.runOf(i).map(Run::environment).orElse(Map.of());
    Optional<String> variable = (i.tool().equals("pip") ? PIP_ENV_ELSEWHERE : UV_ENV_ELSEWHERE).stream().filter(env::containsKey).findFirst();
    if (variable.isPresent()) {
      throw new BuildDeps.Refused(i.line(), variable.get() + " is set for " + i.command() + ", which may then install outside the venv the "
          + "builder stage copies");
    }
  }

  /**
   * The RUNs holding the installs, in order: each only {@code pip install}s (its other commands would run in no stage's
   * final image), not the package install's own RUN, and no other RUN between the first and the last (in the final
   * image it would run before the packages are copied in, at the last one).
   */
  private static List<Run> movedRuns(Subject subject, BuildDeps.Target t) throws BuildDeps.Refused {
    List<Run> moved = new ArrayList<>();
    for (PythonInstall i : t.installs()) {
      Run run = subject.runOf(i).orElseThrow(() -> new BuildDeps.Refused(i.line(), "the Python install was not found in its RUN"));
      if (!moved.contains(run)) {
        moved.add(run);
      }
    }
    int opRun = t.op().instructionLine();
    for (Run run : moved) {
      if (run.line() == opRun) {
        throw new BuildDeps.Refused(opRun, "this RUN runs a Python install after the package install and more follow in later RUNs "
            + "(line " + moved.get(moved.size() - 1).line() + "); a builder stage would take the package install with them");
      }
      long installs = t.installs().stream().filter(i -> i.instructionLine() == run.line()).count();
      if (run.commands().size() != installs) {
        throw new BuildDeps.Refused(run.line(), "the RUN of the pip install also runs other commands, which a builder stage would "
            + "leave out of the final image");
      }
    }
    int first = moved.get(0).line();
    int last = moved.get(moved.size() - 1).line();
    for (Run r : t.stage().runs()) {
      if (r.line() > first && r.line() < last && !moved.contains(r)) {
        throw new BuildDeps.Refused(r.line(), "this RUN sits between the Python installs of lines " + first + " and " + last
            + ": in the final image it would run before their packages are copied in (at line " + last + "), and what it needs "
            + "of them cannot be judged");
      }
    }
    return moved;
  }

  /** A compile left in the final stage (before the installs or after them) would miss the build packages taken away. */
  private static void refuseBuildsLeft(BuildDeps.Target t, List<Run> moved) throws BuildDeps.Refused {
    int opRun = t.op().instructionLine();
    for (Run r : t.stage().runs()) {
      if (r.line() < opRun || moved.contains(r)) {
        continue;
      }
      for (ShellCommand c : r.commands()) {
        List<String> words = c.values();
        boolean setupPy = !words.isEmpty() && words.get(0).matches("python[0-9.]*") && words.contains("setup.py");
        if (!words.isEmpty() && (AptPurge.COMPILES.contains(words.get(0)) || setupPy)) {
          throw new BuildDeps.Refused(r.line(), "`" + (setupPy ? words.get(0) + " setup.py" : words.get(0)) + "` stays in the final stage "
              + "and may need the build packages the builder stage takes out of it (line " + t.op().line() + ")");
        }
      }
    }
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
