package dev.wheelwise.report;

import dev.wheelwise.lint.Rule;
import java.util.List;

/** docs/rules.md, generated from the rules' own metadata (RulesDocTest fails when the file is stale). */
public final class RulesDoc {
  private RulesDoc() {}

  public static String render(List<Rule> rules) {
    StringBuilder out = new StringBuilder("# wheelwise lint rules\n\n");
    out.append("Generated from `dev.wheelwise.lint.Rules.ALL`; do not edit (rewrite with "
        + "`mvn -q test -Dtest=RulesDocTest -Dwheelwise.updateSnapshots=true`). DL codes are hadolint's, so existing "
        + "`# hadolint ignore=` comments and `.hadolint.yaml` settings keep working; WW codes are wheelwise's own; "
        + "ShellCheck's SCxxxx codes are reported when `shellcheck` is on PATH.\n\n");
    out.append("| Rule | Default severity | Summary |\n| --- | --- | --- |\n");
    for (Rule r : rules) {
      out.append("| [").append(r.code()).append("](#").append(r.code().toLowerCase()).append(") | ").append(r.severity().label())
          .append(r.onByDefault() ? "" : " (off by default)").append(r.wheelAware() ? " (wheel-aware)" : "").append(" | ")
          .append(r.summary()).append(" |\n");
    }
    for (Rule r : rules) {
      out.append("\n## ").append(r.code()).append("\n\n").append(r.summary()).append("\n\n").append(r.description()).append('\n');
    }
    return out.append(FIX).toString();
  }

  private static final String FIX = """

      ## wheelwise fix

      `wheelwise fix [DOCKERFILE|-]` makes the fixes whose outcome wheelwise can judge, for the findings lint reports \
      (inline `# hadolint ignore=` / `# wheelwise ignore=` pragmas hold; `.hadolint.yaml` is not read). It prints a unified \
      diff (`--- a/Dockerfile` / `+++ b/Dockerfile`, preceded by one `# CODE line N: what` line per edit, which `patch` \
      and `git apply` skip); `--write` applies it. It takes check's `--offline`, `--as-of`, `--index-url`, `--platform`; \
      `--no-wheels` makes only the fixes that need no index. Exit 0 when nothing needed fixing or all was fixed, 1 when a \
      fix was refused (`fix: refused CODE at FILE:LINE: reason` on standard error), 2 for usage and parse errors, 3 when \
      the index fails.

      | Rule | Edit |
      | --- | --- |
      | DL3042 | ` --no-cache-dir` (pip) or ` --no-cache` (uv) right after `install`/`sync` |
      | DL3019 | ` --no-cache` right after `apk add` |
      | WW1001 | the FROM of every stage resting on the base image pip would build from source on becomes the first image \
      of check's ranking with the same Python minor and apt on which every platform installs every package from a wheel \
      (slim preferred: `python:3.8-alpine` → `python:3.8-slim-buster` for the 2020 article); each `apk add …` becomes \
      `apt-get update && apt-get install -y --no-install-recommends … && rm -rf /var/lib/apt/lists/*`, `apk update` \
      becomes `apt-get update`, and `apk del GROUP` of a `--virtual GROUP` added in the stage becomes \
      `apt-get purge -y --auto-remove` of that group's Debian packages |
      | WW1003 | the final stage's install of build packages: with the pip install in the same RUN (or the RUN right \
      after, joined with `\\ && `), on Alpine a `--virtual .build-deps` group deleted by `apk del` after the install, on \
      Debian/Ubuntu `apt-get purge -y --auto-remove BUILD…` after the last pip install, with the runtime libraries the \
      build packages leave needed named in the install so they stay (`libpq-dev` → `libpq5`; per release: `libssl-dev` → \
      `libssl1.1` on Debian 11, `libssl3` on 12, `libssl3t64` on 13); otherwise a `ww-builder` stage does the install \
      and the final stage copies `/opt/venv`. Refused, with the reason, when the base's release has no table (Debian \
      10, Ubuntu 20.04, an image the catalog cannot place) or a build package is missing from it |

      Edits are made on character ranges of the parsed file (the words of the recognized commands), never by printing \
      the file again: comments, continuations, heredocs, the escape directive and CRLF line endings stay byte for byte, \
      and an edit touches only the lines of its command. Package names go through `apk-to-apt.tsv` \
      (`src/main/resources/dev/wheelwise/lint/fix/`), one row per apk name with its Debian name(s) and the package pages \
      it was read from (`musl-dev` maps to nothing: Debian's `libc6-dev` comes with the compiler). An apk name without a \
      row is kept as written in the apt-get line, with a `# wheelwise fix (WW1001): …` comment above the RUN: the build \
      then fails loudly at `apt-get install` if Debian calls it otherwise, rather than missing it silently. apk version \
      pins are dropped (Debian's versions differ). Build packages (compilers, `-dev` headers) are translated, not \
      dropped: check knows that pip needs no compiler on the new base, not what else the stage compiles; remove them by \
      hand when nothing else builds.

      The switch is refused as a whole, with the line and reason, when wheelwise cannot judge it: the FROM is built from \
      ARGs, a stage that stays on another image copies files from a moving one (`COPY --from`), the stage runs other apk operations (`apk upgrade`, `apk del` of a non-virtual package), busybox's `adduser`/`addgroup`, an apk \
      command inside `if`/`||`, a word written with quotes or variables, a SHELL it cannot read, or no compared image of \
      the same Python installs everything from wheels. Then the result is judged: it must parse, and check on it must \
      give the base image in use a verdict no worse than before (wheels < builds < unknown < fails < unavailable, worst \
      platform); otherwise the switch is refused and the other edits stand.
      """;
}
