package dev.wheelwise.lint.fix;

import dev.wheelwise.dockerfile.PythonInstall;
import dev.wheelwise.dockerfile.Run;
import dev.wheelwise.dockerfile.ShellCommand;
import dev.wheelwise.dockerfile.ShellWord;
import dev.wheelwise.lint.Subject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * WW1003 on Debian/Ubuntu in one RUN: {@code apt-get install … BUILD… RUNTIME… && pip install …
 * && apt-get purge -y --auto-remove BUILD…}, so the build packages never reach a layer. The
 * runtime libraries the build packages leave needed (libpq-dev's libpq5) are named in the
 * install, which marks them manually installed: {@code --auto-remove} then takes only what the
 * build packages alone pulled in (the compilers, the headers' other dependencies). The purge goes
 * right after the last Python install, so what follows it in the RUN ({@code rm -rf
 * /var/lib/apt/lists/*}) stays last. When the install is in the RUN right after, {@link RunJoin}
 * joins the two RUNs; otherwise false ({@link BuilderStage}'s turn).
 */
final class AptPurge {
  private AptPurge() {}

  /** Commands that compile: after the last Python install they would still need the purged build packages. */
  static final Set<String> COMPILES = Set.of("make", "gcc", "g++", "cc", "c++", "clang", "cmake", "meson", "ninja", "cargo",
      "rustc", "gfortran", "configure", "./configure", "pkg-config");

  static boolean plan(Subject subject, BuildDeps.Target t, List<Edit> out) throws BuildDeps.Refused {
    String text = subject.file().text();
    int line = t.op().line();
    Optional<List<Edit>> join = RunJoin.plan(subject, t, "purged");
    if (join.isEmpty()) {
      return false;
    }
    for (ShellWord w : t.kept()) {
      if (w.value().contains("-dev")) {
        throw new BuildDeps.Refused(line, "`" + w.value() + "` stays installed but likely depends on the build packages, which the purge "
            + "would remove along with it");
      }
    }
    PythonInstall last = t.installs().get(t.installs().size() - 1);
    refuseLaterBuilds(subject, last);
    List<Edit> edits = new ArrayList<>();
    edits.addAll(join.get());
    if (!t.runtime().isEmpty()) {
      ShellWord lastWord = t.command().words().get(t.command().words().size() - 1);
      int end = Words.plainEnd(text, lastWord);
      if (end < 0) {
        throw new BuildDeps.Refused(line, "the apt install's last word `" + lastWord.value() + "` is written with quotes, escapes or variables");
      }
      edits.add(new Edit(end, end, " " + String.join(" ", t.runtime()), BuildDeps.CODE, "runtime libraries installed by name, so the "
          + "purge keeps them: " + String.join(" ", t.runtime()) + " (" + t.release() + ")", line));
    }
    List<String> purged = t.build().stream().map(w -> w.value().replaceAll("[=<>~].*$", "")).distinct().toList();
    int end = BuildDeps.installEnd(subject, last);
    edits.add(new Edit(end, end, " && apt-get purge -y --auto-remove " + String.join(" ", purged), BuildDeps.CODE,
        "build packages purged after the install", line));
    out.addAll(edits);
    return true;
  }

  /** A compile after the last Python install in its RUN would fail once the build packages are purged before it. */
  private static void refuseLaterBuilds(Subject subject, PythonInstall last) throws BuildDeps.Refused {
    Optional<Run> run = subject.runOf(last);
    Optional<ShellCommand> install = Words.commandOf(subject, last);
    if (run.isEmpty() || install.isEmpty()) {
      throw new BuildDeps.Refused(last.line(), "the Python install was not found in its RUN");
    }
    List<ShellCommand> commands = run.get().commands();
    for (ShellCommand c : commands.subList(commands.indexOf(install.get()) + 1, commands.size())) {
      if (!c.words().isEmpty() && COMPILES.contains(c.words().get(0).value())) {
        throw new BuildDeps.Refused(last.line(), "`" + c.words().get(0).value() + "` runs after the last Python install in its RUN and "
            + "may still need the build packages the purge would remove there");
      }
    }
  }
}
