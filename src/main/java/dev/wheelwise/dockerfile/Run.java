package dev.wheelwise.dockerfile;

import java.util.List;
import java.util.Map;

/**
 * One RUN as the stage runs it: the instruction, the simple commands of its shell form (heredoc
 * scripts included) or of its exec form, the SHELL in force (empty: BuildKit's default
 * {@code /bin/sh -c}), the ARG/ENV values it sees, and its cache mounts (absolute targets).
 * {@code commands} is empty when the SHELL is one wheelwise cannot read (the RUN is then
 * {@code readable() == false}). Linters read this instead of lexing the RUN again.
 */
public record Run(
    Instruction instruction, List<ShellCommand> commands, boolean readable, List<String> shell, Map<String, String> environment,
    List<String> cacheMounts) {

  public Run {
    commands = List.copyOf(commands);
    shell = List.copyOf(shell);
    environment = Map.copyOf(environment);
    cacheMounts = List.copyOf(cacheMounts);
  }

  public int line() {
    return instruction.line();
  }
}
