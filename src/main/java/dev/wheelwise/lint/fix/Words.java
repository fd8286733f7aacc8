package dev.wheelwise.lint.fix;

import dev.wheelwise.SourceSpan;
import dev.wheelwise.dockerfile.ShellCommand;
import dev.wheelwise.dockerfile.ShellWord;
import dev.wheelwise.dockerfile.Step;
import dev.wheelwise.lint.Subject;
import java.util.ArrayList;
import java.util.List;
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

  /** A range to delete and the words it takes (for the edit's reason). */
  record Cut(int start, int end, List<String> words) {}

  /**
   * The ranges that remove plain words (file order, none before {@code from}), each with the
   * blanks {@link #removal} takes; a line left with only blanks and the continuation (the escape
   * character) is removed whole, line ending included, so no empty {@code \} line stays. Other
   * lines, comments and line endings are untouched.
   */
  static List<Cut> removals(String text, List<ShellWord> words, int from, char escape) {
    List<Cut> cuts = new ArrayList<>();
    int removed = from;
    for (ShellWord w : words) {
      int[] cut = removal(text, w.offset(), plainEnd(text, w));
      cut[0] = Math.max(cut[0], removed); // blanks the previous removal already took
      removed = cut[1];
      cuts.add(new Cut(cut[0], cut[1], List.of(w.value())));
    }
    List<Cut> out = new ArrayList<>();
    for (int i = 0; i < cuts.size(); ) {
      int start = lineStart(text, cuts.get(i).start());
      int nl = text.indexOf('\n', start);
      int next = nl < 0 ? text.length() : nl + 1;
      int j = i;
      StringBuilder left = new StringBuilder();
      int at = start;
      List<String> taken = new ArrayList<>();
      while (j < cuts.size() && cuts.get(j).start() < next) {
        left.append(text, at, cuts.get(j).start());
        at = cuts.get(j).end();
        taken.addAll(cuts.get(j).words());
        j++;
      }
      left.append(text, Math.min(at, next), next);
      if (start >= from && left.toString().strip().equals(String.valueOf(escape))) {
        out.add(new Cut(start, next, List.copyOf(taken)));
      } else {
        out.addAll(cuts.subList(i, j));
      }
      i = j;
    }
    return out;
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
