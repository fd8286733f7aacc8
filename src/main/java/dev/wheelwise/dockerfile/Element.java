package dev.wheelwise.dockerfile;

/** One piece of a Dockerfile's source, in file order: an instruction or the text around it. */
public sealed interface Element permits Instruction, Trivia {
  /** 1-based line where the element starts. */
  int line();

  /** Character offset in the decoded file text where the element starts. */
  int offset();

  /** The exact source text of the element, line endings included. */
  String raw();
}
