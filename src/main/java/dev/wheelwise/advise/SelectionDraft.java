package dev.wheelwise.advise;

import dev.wheelwise.pep508.Names;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** A tool's selection being worked out from its options; {@link ToolSelections} checks it against the lock and freezes it. */
final class SelectionDraft {
  final Set<String> extras = new LinkedHashSet<>();
  final Set<String> groups = new LinkedHashSet<>();
  final List<String> notes = new ArrayList<>();
  boolean dev;

  /** Comma- or space-separated names ({@code --with a,b}, {@code -E "x y"}), normalized; {@code :all} kept as written. */
  static List<String> splitList(String value) {
    List<String> out = new ArrayList<>();
    if (value == null) {
      return out;
    }
    for (String part : value.split("[,\\s]+")) {
      if (!part.isBlank()) {
        out.add(part.startsWith(":") ? part : Names.canonicalize(part));
      }
    }
    return out;
  }
}
