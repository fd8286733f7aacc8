package dev.wheelwise.dockerfile;

/** A recognized fact about a RUN: a Python install, a system package operation, or a lock exported for an install. */
public sealed interface Step permits PythonInstall, PackageOp, LockExport {
  /** The 1-based line of the command itself (inside a continued RUN or a heredoc). */
  int line();

  int column();

  /** The line of the RUN instruction that holds the command. */
  int instructionLine();

  /**
   * Whether the command may not run: it sits inside if/case/for/while, after {@code ||}, or
   * after {@code &&} behind a test such as {@code [ … ]}.
   */
  boolean conditional();
}
