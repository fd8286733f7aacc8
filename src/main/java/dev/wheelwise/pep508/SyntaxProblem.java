package dev.wheelwise.pep508;

/**
 * A syntax error inside the dependency-specifier parser, before it becomes an
 * {@link InvalidRequirement} or {@link InvalidMarker}: the message and the span
 * {@code [start, end]} as packaging's {@code ParserSyntaxError} reports it (the caret at end).
 */
final class SyntaxProblem extends Exception {
  final String plain;
  final int start;
  final int end;

  SyntaxProblem(String plain, int start, int end) {
    super(plain, null, false, false);
    this.plain = plain;
    this.start = start;
    this.end = end;
  }
}
