package dev.wheelwise.dockerfile;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One Dockerfile instruction as BuildKit's parser produces it.
 *
 * <ul>
 *   <li>{@code keyword} as written ({@code run}, {@code RUN}); {@link #name()} is lower case;
 *   <li>{@code flags}: the {@code --name=value} words before the arguments, unquoted as BuildKit
 *       does ({@code --mount=type=cache,target=/root/.cache/pip});
 *   <li>{@code arguments}: BuildKit's argument nodes (for ENV and LABEL triples of key, value
 *       and {@code "="} or {@code ""}); for shell-form RUN/CMD/ENTRYPOINT one string;
 *   <li>{@code rest}: the argument text after the flags (continuations joined, comments inside
 *       continuations dropped), with {@code restMap} mapping its indexes back to the file;
 *   <li>{@code json}: the exec (JSON array) form was used;
 *   <li>{@code onbuild}: the nested instruction of {@code ONBUILD}, else null.
 * </ul>
 *
 * {@code line}/{@code column} (1-based) locate the keyword; {@code raw} is the exact source,
 * continuation lines and heredoc bodies included.
 */
public record Instruction(
    String keyword,
    List<String> flags,
    List<String> arguments,
    String rest,
    OffsetMap restMap,
    boolean json,
    List<Heredoc> heredocs,
    Instruction onbuild,
    int line,
    int column,
    int endLine,
    int offset,
    String raw)
    implements Element {

  public Instruction {
    flags = List.copyOf(flags);
    arguments = List.copyOf(arguments);
    heredocs = List.copyOf(heredocs);
  }

  /** The instruction name in lower case ({@code run}, {@code from}…). */
  public String name() {
    return keyword.toLowerCase(Locale.ROOT);
  }

  public boolean is(String instruction) {
    return keyword.equalsIgnoreCase(instruction);
  }

  /**
   * The value of flag {@code --name=value} (the last one wins, as in BuildKit), empty when
   * absent; a bare {@code --name} gives "".
   */
  public Optional<String> flag(String name) {
    String found = null;
    for (String f : flags) {
      String body = f.startsWith("--") ? f.substring(2) : f;
      int eq = body.indexOf('=');
      String key = eq < 0 ? body : body.substring(0, eq);
      if (key.equalsIgnoreCase(name)) {
        found = eq < 0 ? "" : body.substring(eq + 1);
      }
    }
    return Optional.ofNullable(found);
  }

  /** Every value of a repeatable flag such as {@code --mount}. */
  public List<String> flagValues(String name) {
    return flags.stream()
        .map(f -> f.startsWith("--") ? f.substring(2) : f)
        .filter(b -> b.regionMatches(true, 0, name + "=", 0, name.length() + 1))
        .map(b -> b.substring(name.length() + 1))
        .toList();
  }
}
