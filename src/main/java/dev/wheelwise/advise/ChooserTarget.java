package dev.wheelwise.advise;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.function.Predicate;

/**
 * What the chooser needs of one target: its tags best-first, as the image's pip computes them
 * (pip's version decides whether musllinux and {@code manylinux_x_y} are in the list at all),
 * and whether a {@code requires-python} text admits the image's Python.
 *
 * @param description for messages: {@code CPython 3.12 musl-1.2 x86_64}
 * @param python the image's Python, as pip checks requires-python ({@code 3.12.12})
 * @param supportedTags {@code interpreter-abi-platform} strings, best first
 * @param requiresPythonAllows true when the text admits {@code python}; pip treats an invalid
 *     specifier as no constraint, so must this
 */
public record ChooserTarget(String description, String python, List<String> supportedTags, Predicate<String> requiresPythonAllows) {

  public ChooserTarget {
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(python, "python");
    supportedTags = List.copyOf(supportedTags);
    Objects.requireNonNull(requiresPythonAllows, "requiresPythonAllows");
  }

  /** A rank lookup over {@link #supportedTags()}: built once per target, shared by every choice. */
  Ranks ranks() {
    return new Ranks(supportedTags);
  }

  /** Tag string to position. */
  static final class Ranks {
    private final Map<String, Integer> index = new HashMap<>();
    private final int size;

    Ranks(List<String> tags) {
      for (int i = 0; i < tags.size(); i++) {
        index.putIfAbsent(tags.get(i), i);
      }
      size = tags.size();
    }

    /** The best (lowest) position of any of {@code tags}, empty when none is supported. */
    OptionalInt best(List<String> tags) {
      int best = Integer.MAX_VALUE;
      for (String t : tags) {
        Integer i = index.get(t);
        if (i != null && i < best) {
          best = i;
        }
      }
      return best == Integer.MAX_VALUE ? OptionalInt.empty() : OptionalInt.of(best);
    }

    int size() {
      return size;
    }
  }
}
