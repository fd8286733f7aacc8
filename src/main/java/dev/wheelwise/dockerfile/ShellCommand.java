package dev.wheelwise.dockerfile;

import java.util.List;
import java.util.Map;

/**
 * A simple shell command: leading {@code NAME=value} assignments, then the words. {@code
 * offset} is where the command starts in the Dockerfile text.
 */
public record ShellCommand(Map<String, String> assignments, List<ShellWord> words, int offset) {
  public ShellCommand {
    assignments = Map.copyOf(assignments);
    words = List.copyOf(words);
  }

  public List<String> values() {
    return words.stream().map(ShellWord::value).toList();
  }
}
