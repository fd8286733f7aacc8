package dev.wheelwise.tags;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * One PEP 425 compatibility tag: {@code interpreter-abi-platform}, lower-cased as
 * {@code packaging.tags.Tag} stores it ({@code cp312-cp312-manylinux_2_17_x86_64}).
 */
public record Tag(String interpreter, String abi, String platform) {

  public Tag {
    interpreter = Objects.requireNonNull(interpreter, "interpreter").toLowerCase(Locale.ROOT);
    abi = Objects.requireNonNull(abi, "abi").toLowerCase(Locale.ROOT);
    platform = Objects.requireNonNull(platform, "platform").toLowerCase(Locale.ROOT);
  }

  /**
   * Expands a compressed tag set ({@code py2.py3-none-any}, PEP 425 "Compressed Tag Sets") into
   * the cartesian product of its dot-separated parts, as {@code packaging.tags.parse_tag} does.
   * Empty parts are kept, as packaging up to 26.2 keeps them.
   *
   * @throws IllegalArgumentException when the text does not have exactly three dash-separated
   *     components (a wheel file name never reaches here with another count)
   */
  public static Set<Tag> parseSet(String compressed) {
    String[] components = compressed.split("-", -1);
    if (components.length != 3) {
      throw new IllegalArgumentException(
          "a tag set has three parts interpreter-abi-platform, not " + components.length + ": '" + compressed + "'");
    }
    Set<Tag> tags = new LinkedHashSet<>();
    for (String interpreter : components[0].split("\\.", -1)) {
      for (String abi : components[1].split("\\.", -1)) {
        for (String platform : components[2].split("\\.", -1)) {
          tags.add(new Tag(interpreter, abi, platform));
        }
      }
    }
    return Set.copyOf(tags);
  }

  @Override
  public String toString() {
    return interpreter + "-" + abi + "-" + platform;
  }
}
