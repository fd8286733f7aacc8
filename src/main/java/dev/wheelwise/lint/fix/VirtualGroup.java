package dev.wheelwise.lint.fix;

import dev.wheelwise.dockerfile.PythonInstall;
import dev.wheelwise.dockerfile.ShellWord;
import dev.wheelwise.lint.Subject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * WW1003 in one RUN: {@code apk add --no-cache --virtual .build-deps BUILD… && pip install … &&
 * apk del .build-deps}, so the build packages never reach a layer. Packages that are not build
 * dependencies, and the runtime libraries the build packages leave needed, are installed by
 * their own {@code apk add --no-cache} first, so the group's deletion keeps them. When the
 * install is in the RUN right after (nothing between), {@link RunJoin} joins the two RUNs.
 */
final class VirtualGroup {
  private VirtualGroup() {}

  /** Plans the rewrite into {@code out}; false when the installs are neither in the same RUN nor in the next one. */
  static boolean plan(Subject subject, BuildDeps.Target t, List<Edit> out) throws BuildDeps.Refused {
    String text = subject.file().text();
    Optional<List<Edit>> join = RunJoin.plan(subject, t, "deleted");
    if (join.isEmpty()) {
      return false;
    }
    List<Edit> edits = new ArrayList<>();
    edits.addAll(join.get());
    String group = t.op().virtualName() != null ? t.op().virtualName() : ".build-deps";
    ShellWord add = t.command().words().stream().filter(w -> w.value().equals("add")).findFirst().orElseThrow();
    int addEnd = Words.plainEnd(text, add);
    if (addEnd < 0) {
      throw new BuildDeps.Refused(t.op().line(), "`add` is written with quotes or escapes");
    }
    List<String> stays = new ArrayList<>(t.kept().stream().map(ShellWord::value).toList());
    stays.addAll(t.runtime());
    if (!stays.isEmpty()) {
      int start = t.command().offset();
      edits.add(new Edit(start, start, "apk add --no-cache " + String.join(" ", stays) + " && ", BuildDeps.CODE,
          "kept installed outside the group: " + String.join(" ", stays), t.op().line()));
    }
    String flags = (t.op().noCache() ? "" : " --no-cache") + (t.op().virtualName() != null ? "" : " --virtual " + group);
    if (!flags.isEmpty()) {
      edits.add(new Edit(addEnd, addEnd, flags, BuildDeps.CODE, "build packages in the group " + group, t.op().line()));
    }
    for (Words.Cut cut : Words.removals(text, t.kept(), 0, subject.file().escape())) {
      edits.add(new Edit(cut.start(), cut.end(), "", BuildDeps.CODE, String.join(" ", cut.words()) + " moved out of the group",
          t.op().line()));
    }
    PythonInstall last = t.installs().get(t.installs().size() - 1);
    int end = BuildDeps.installEnd(subject, last);
    edits.add(new Edit(end, end, " && apk del " + group, BuildDeps.CODE, "build packages deleted after the install", t.op().line()));
    out.addAll(edits);
    return true;
  }
}
