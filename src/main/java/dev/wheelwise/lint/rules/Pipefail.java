package dev.wheelwise.lint.rules;

import dev.wheelwise.Finding.Severity;
import dev.wheelwise.dockerfile.Run;
import dev.wheelwise.dockerfile.ShellCommand;
import dev.wheelwise.dockerfile.Stage;
import dev.wheelwise.lint.Report;
import dev.wheelwise.lint.Subject;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** DL4006: pipefail before a RUN with a pipe; ash-aware. */
public final class Pipefail extends Described {
  private static final Set<String> PIPEFAIL_SHELLS = Set.of("bash", "zsh", "ash", "busybox", "ksh", "mksh");
  private static final Set<String> NON_POSIX = Set.of("pwsh", "powershell", "cmd", "cmd.exe", "powershell.exe", "pwsh.exe");

  public Pipefail() {
    super("DL4006", Severity.WARNING, "Set the SHELL option -o pipefail before RUN with a pipe in it.",
        "As hadolint's DL4006: in `RUN curl … | tar x` the RUN succeeds when curl fails, unless the shell runs with "
            + "`pipefail`. Accepted: a `SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]` (also ash, zsh) in the stage, "
            + "and, unlike hadolint, a `set -o pipefail` (`set -eo pipefail`…) in the RUN itself or its heredoc script "
            + "before the pipe (hadolint#806, #882). Non-POSIX SHELLs (PowerShell, cmd) are skipped. On Alpine the "
            + "suggested SHELL is busybox's `/bin/ash`, which has `pipefail`; Debian's `/bin/sh` (dash) does not.");
  }

  @Override
  public void check(Subject subject, Report out) {
    for (Stage stage : subject.model().stages()) {
      for (Run run : stage.runs()) {
        if (!run.readable() || run.instruction().json() || nonPosix(run.shell()) || shellHasPipefail(run.shell())) {
          continue;
        }
        boolean set = false;
        for (ShellCommand c : run.commands()) {
          if (setsPipefail(c)) {
            set = true;
          }
          if (c.piped() && !set) {
            boolean alpine = stage.image() != null && stage.image().toLowerCase(Locale.ROOT).contains("alpine");
            String shell = alpine ? "SHELL [\"/bin/ash\", \"-eo\", \"pipefail\", \"-c\"]" : "SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]";
            out.at(run.instruction(), "Set the SHELL option -o pipefail before RUN with a pipe in it: " + shell
                + (alpine ? " (busybox ash has pipefail)" : "") + ", or `set -o pipefail &&` at the start of the RUN.",
                Optional.of(shell));
            break;
          }
        }
      }
    }
  }

  private static boolean nonPosix(List<String> shell) {
    return !shell.isEmpty() && NON_POSIX.contains(Facts.program(shell).toLowerCase(Locale.ROOT));
  }

  private static boolean shellHasPipefail(List<String> shell) {
    return !shell.isEmpty() && PIPEFAIL_SHELLS.contains(Facts.program(shell)) && pipefailOption(shell);
  }

  private static boolean setsPipefail(ShellCommand c) {
    return !c.conditional() && Facts.program(c).equals("set") && pipefailOption(c.values());
  }

  /** {@code -o pipefail}, also within combined flags such as {@code -eo pipefail} or {@code -euxo pipefail}. */
  private static boolean pipefailOption(List<String> words) {
    for (int k = 0; k + 1 < words.size(); k++) {
      String w = words.get(k);
      if (w.startsWith("-") && !w.startsWith("--") && w.contains("o") && words.get(k + 1).equals("pipefail")) {
        return true;
      }
    }
    return false;
  }
}
