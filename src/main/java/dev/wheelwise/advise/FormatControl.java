package dev.wheelwise.advise;

import dev.wheelwise.pep508.Names;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * pip's {@code --only-binary}, {@code --no-binary}, {@code --prefer-binary} and {@code --pre} (the
 * parts of pip's {@code SelectionPreferences} a user sets), with pip's own
 * merging ({@code models/format_control.py}): options apply in order, a later one undoes an
 * earlier one for the same names, {@code :all:} clears both sets, {@code :none:} clears its own.
 * A per-name setting beats {@code :all:} (research notes §2.1).
 *
 * @param onlyBinary names (normalized) or {@code :all:}
 * @param noBinary names (normalized) or {@code :all:}
 * @param preferBinary {@code --prefer-binary}: any wheel sorts above any sdist
 * @param pre {@code --pre}: pre-releases are candidates for every requirement (pip's
 *     {@code allow_all_prereleases}); without it packaging's default decides per specifier
 */
public record FormatControl(Set<String> onlyBinary, Set<String> noBinary, boolean preferBinary, boolean pre) {

  public static final String ALL = ":all:";
  public static final String NONE = ":none:";

  /** pip's defaults: wheels and sdists both allowed, newest version first. */
  public static final FormatControl DEFAULT = new FormatControl(Set.of(), Set.of(), false, false);

  public FormatControl {
    onlyBinary = Set.copyOf(onlyBinary);
    noBinary = Set.copyOf(noBinary);
  }

  /** This control with {@code --only-binary VALUE} applied after what it holds. */
  public FormatControl withOnlyBinary(String value) {
    List<Set<String>> sets = apply(value, onlyBinary, noBinary);
    return new FormatControl(sets.get(0), sets.get(1), preferBinary, pre);
  }

  /** This control with {@code --no-binary VALUE} applied after what it holds. */
  public FormatControl withNoBinary(String value) {
    List<Set<String>> sets = apply(value, noBinary, onlyBinary);
    return new FormatControl(sets.get(1), sets.get(0), preferBinary, pre);
  }

  public FormatControl withPreferBinary(boolean prefer) {
    return new FormatControl(onlyBinary, noBinary, prefer, pre);
  }

  /** This control with {@code --pre} added when {@code allow} (pip: any source of the option turns it on). */
  public FormatControl withPre(boolean allow) {
    return new FormatControl(onlyBinary, noBinary, preferBinary, pre || allow);
  }

  /** pip's {@code handle_mutual_excludes}: returns the new (target, other). */
  private static List<Set<String>> apply(String value, Set<String> target0, Set<String> other0) {
    Set<String> target = new LinkedHashSet<>(target0);
    Set<String> other = new LinkedHashSet<>(other0);
    List<String> items = new ArrayList<>(List.of(value.split(",", -1)));
    while (items.contains(ALL)) {
      other.clear();
      target.clear();
      target.add(ALL);
      items = new ArrayList<>(items.subList(items.indexOf(ALL) + 1, items.size()));
      if (!items.contains(NONE)) {
        return List.of(target, other);
      }
    }
    for (String item : items) {
      if (item.equals(NONE)) {
        target.clear();
        continue;
      }
      String name = Names.canonicalize(item);
      other.remove(name);
      target.add(name);
    }
    return List.of(target, other);
  }

  /** pip's {@code get_allowed_formats}: may pip use a wheel of this project? */
  public boolean allowsBinary(String name) {
    String n = Names.canonicalize(name);
    if (onlyBinary.contains(n)) {
      return true;
    }
    if (noBinary.contains(n)) {
      return false;
    }
    if (onlyBinary.contains(ALL)) {
      return true;
    }
    return !noBinary.contains(ALL);
  }

  /** pip's {@code get_allowed_formats}: may pip build this project from an sdist? */
  public boolean allowsSource(String name) {
    String n = Names.canonicalize(name);
    if (onlyBinary.contains(n)) {
      return false;
    }
    if (noBinary.contains(n)) {
      return true;
    }
    return !onlyBinary.contains(ALL);
  }
}
