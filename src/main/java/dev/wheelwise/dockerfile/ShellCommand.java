package dev.wheelwise.dockerfile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A simple shell command: leading {@code NAME=value} assignments, then the words (none when
 * the command only sets variables). {@code offset} is where the command starts in the
 * Dockerfile text. {@code conditional}: it may not run (after {@code ||}, after {@code &&}
 * behind a test such as {@code [ … ]}, or inside if/case/for/while), so variables it sets are
 * not known facts. {@code piped}: it reads the output of the command before it ({@code a | b}
 * gives {@code b} piped), so a failure of that command goes unseen without {@code pipefail}.
 * {@code stdout}: the file its standard output is redirected to ({@code > F}, {@code >> F},
 * {@code 1> F}, {@code &> F}; the last one wins, as in the shell), or null.
 */
public record ShellCommand(Map<String, String> assignments, List<ShellWord> words, int offset, boolean conditional, boolean piped,
    String stdout) {
  private static final Pattern WHOLE_VARIABLE = Pattern.compile("\\$(?:\\{([A-Za-z_][A-Za-z0-9_]*)\\}|([A-Za-z_][A-Za-z0-9_]*))");

  public ShellCommand {
    assignments = Map.copyOf(assignments);
    words = List.copyOf(words);
  }

  public ShellCommand(Map<String, String> assignments, List<ShellWord> words, int offset, boolean conditional) {
    this(assignments, words, offset, conditional, false, null);
  }

  /**
   * This command with each unquoted word that is just {@code $NAME} or {@code ${NAME}} of a
   * known variable replaced by the value's fields, as the shell splits an unquoted expansion
   * ({@code apt-get install $BUILD_DEPS}). Other references stay as written.
   */
  public ShellCommand expandKnown(Map<String, String> variables) {
    List<ShellWord> out = new ArrayList<>();
    boolean changed = false;
    for (ShellWord w : words) {
      Matcher m = w.quoted() ? null : WHOLE_VARIABLE.matcher(w.value());
      if (m != null && m.matches()) {
        String value = variables.get(m.group(1) != null ? m.group(1) : m.group(2));
        if (value != null) {
          for (String field : value.trim().split("[ \\t\\n]+")) {
            if (!field.isEmpty()) {
              out.add(new ShellWord(field, w.offset(), false));
            }
          }
          changed = true;
          continue;
        }
      }
      out.add(w);
    }
    return changed && !out.isEmpty() ? new ShellCommand(assignments, out, offset, conditional, piped, stdout) : this;
  }

  public List<String> values() {
    return words.stream().map(ShellWord::value).toList();
  }
}
