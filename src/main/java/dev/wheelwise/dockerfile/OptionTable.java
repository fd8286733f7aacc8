package dev.wheelwise.dockerfile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which options of a command take a value, and the long names of its short options: enough
 * to split a command line into options and positional arguments the way the tool would.
 */
final class OptionTable {
  private final Set<String> valued;
  private final Map<String, String> shortToLong;

  private OptionTable(Set<String> valued, Map<String, String> shortToLong) {
    this.valued = valued;
    this.shortToLong = shortToLong;
  }

  /** {@code valued}: long options taking a value; {@code aliases}: pairs of short, long. */
  static OptionTable of(Set<String> valued, String... aliases) {
    Map<String, String> map = new HashMap<>();
    for (int k = 0; k + 1 < aliases.length; k += 2) {
      map.put(aliases[k], aliases[k + 1]);
    }
    return new OptionTable(valued, map);
  }

  /** Whether option word {@code word} takes the next word as its value. */
  boolean consumesNext(String word) {
    if (word.startsWith("--")) {
      return !word.contains("=") && valued.contains(word);
    }
    return word.length() == 2 && valued.contains(shortToLong.getOrDefault(word, word));
  }

  /** The result of splitting: options in order and positional arguments in order. */
  record Split(List<CommandOption> options, List<String> positionals) {}

  Split split(List<String> words) {
    List<CommandOption> options = new ArrayList<>();
    List<String> positionals = new ArrayList<>();
    boolean onlyPositionals = false;
    for (int k = 0; k < words.size(); k++) {
      String w = words.get(k);
      if (onlyPositionals || w.length() < 2 || !w.startsWith("-")) {
        positionals.add(w);
      } else if (w.equals("--")) {
        onlyPositionals = true;
      } else if (w.startsWith("--")) {
        int eq = w.indexOf('=');
        String name = eq < 0 ? w : w.substring(0, eq);
        String value = eq < 0 ? null : w.substring(eq + 1);
        if (value == null && valued.contains(name) && k + 1 < words.size()) {
          value = words.get(++k);
        }
        options.add(new CommandOption(name, value, w));
      } else {
        String shortName = w.substring(0, 2);
        String longName = shortToLong.getOrDefault(shortName, shortName);
        if (valued.contains(longName)) {
          String value = w.length() > 2 ? w.substring(2) : k + 1 < words.size() ? words.get(++k) : null;
          if (value != null && value.startsWith("=") && w.length() > 2) {
            value = value.substring(1);
          }
          options.add(new CommandOption(longName, value, w));
        } else if (w.length() > 2 && !w.contains("=")) {
          // a cluster of switches such as -qy or -qq
          for (int c = 1; c < w.length(); c++) {
            String s = "-" + w.charAt(c);
            options.add(new CommandOption(shortToLong.getOrDefault(s, s), null, w));
          }
        } else {
          options.add(new CommandOption(longName, null, w));
        }
      }
    }
    return new Split(options, positionals);
  }
}
