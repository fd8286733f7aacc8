package dev.wheelwise.lint.fix;

import dev.wheelwise.SourceSpan;
import dev.wheelwise.dockerfile.ShellCommand;
import dev.wheelwise.dockerfile.ShellWord;
import dev.wheelwise.dockerfile.Step;
import dev.wheelwise.lint.Subject;
import java.util.Optional;

/**
 * Where recognized commands and their words sit in the file text, from the parsed RUN commands
 * (never by searching the text): edits are made on these byte ranges only.
 */
final class Words {
  private Words() {}

  /** The shell command a recognized step was read from. */
  static Optional<ShellCommand> commandOf(Subject subject, Step step) {
    String text = subject.file().text();
    return subject.runOf(step).flatMap(run -> run.commands().stream()
        .filter(c -> c.words().stream().anyMatch(w -> {
          SourceSpan at = SourceSpan.at(subject.file().source(), text, w.offset(), 1);
          return at.line() == step.line() && at.column() == step.column();
        }))
        .findFirst());
  }

  /**
   * The end of a word written plainly (its value is its text: no quotes, escapes or
   * continuations inside), else -1: only such words are edited.
   */
  static int plainEnd(String text, ShellWord word) {
    return !word.quoted() && text.startsWith(word.value(), word.offset()) && !word.value().contains("$")
        ? word.offset() + word.value().length() : -1;
  }

  /**
   * The range that removes a plain word with the blanks before it on its line (after it, when
   * the word starts its line), so no double blank and no line joins are left.
   */
  static int[] removal(String text, int start, int end) {
    int from = start;
    while (from > 0 && (text.charAt(from - 1) == ' ' || text.charAt(from - 1) == '\t')) {
      from--;
    }
    if (from > 0 && text.charAt(from - 1) != '\n') {
      return new int[] {from, end};
    }
    int to = end;
    while (to < text.length() && (text.charAt(to) == ' ' || text.charAt(to) == '\t')) {
      to++;
    }
    return new int[] {start, to};
  }

  /** The start of the line holding {@code offset}. */
  static int lineStart(String text, int offset) {
    return offset == 0 ? 0 : text.lastIndexOf('\n', offset - 1) + 1;
  }

  /** The line ending of the line holding {@code offset}: CRLF files get CRLF lines. */
  static String lineEnding(String text, int offset) {
    int nl = text.indexOf('\n', offset);
    return nl > 0 && text.charAt(nl - 1) == '\r' ? "\r\n" : "\n";
  }

  /** The end of an instruction's text, before the line ending that closes it (raw includes it). */
  static int instructionEnd(dev.wheelwise.dockerfile.Instruction i) {
    String raw = i.raw();
    int cut = raw.endsWith("\r\n") ? 2 : raw.endsWith("\n") ? 1 : 0;
    return i.offset() + raw.length() - cut;
  }
}
