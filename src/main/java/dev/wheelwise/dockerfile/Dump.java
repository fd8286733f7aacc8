package dev.wheelwise.dockerfile;

/**
 * BuildKit's {@code Node.Dump}: one {@code (instruction ["flags"] "arg" …)} line per
 * instruction, strings quoted as Go's {@code strconv.Quote} does; ONBUILD nests its child.
 */
final class Dump {
  private Dump() {}

  static String of(Dockerfile file) {
    StringBuilder out = new StringBuilder();
    for (Instruction i : file.instructions()) {
      out.append('(').append(of(i)).append(")\n");
    }
    return out.toString().strip();
  }

  static String of(Instruction i) {
    StringBuilder out = new StringBuilder(i.name());
    if (!i.flags().isEmpty()) {
      out.append(' ').append(GoText.quoteList(i.flags()));
    }
    if (i.onbuild() != null) {
      out.append(" (").append(of(i.onbuild())).append(')');
    }
    for (String arg : i.arguments()) {
      out.append(' ').append(GoText.quote(arg));
    }
    return out.toString().strip();
  }
}
