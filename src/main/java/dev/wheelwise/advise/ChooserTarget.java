package dev.wheelwise.advise;

import dev.wheelwise.pep440.InvalidSpecifier;
import dev.wheelwise.pep440.PipProfile;
import dev.wheelwise.pep440.SpecifierSet;
import dev.wheelwise.pep440.Version;
import dev.wheelwise.tags.SupportedTags;
import dev.wheelwise.tags.Target;
import java.util.Objects;
import java.util.Optional;

/**
 * What the chooser needs of one target: its tags best-first as the image's pip computes them
 * (pip's version decides whether musllinux and {@code manylinux_x_y} are in the list at all),
 * and the Python that {@code requires-python} is checked against.
 *
 * @param tags the supported tags of the image's pip
 * @param python the image's Python as pip checks requires-python ({@code 3.12.12}; pip uses
 *     {@code sys.version_info[:3]})
 */
public record ChooserTarget(SupportedTags tags, Version python) {

  public ChooserTarget {
    Objects.requireNonNull(tags, "tags");
    Objects.requireNonNull(python, "python");
  }

  public static ChooserTarget of(Target target, PipProfile profile) {
    return new ChooserTarget(SupportedTags.of(target, profile), Version.tryParse(target.pythonFullVersion()));
  }

  /**
   * True when this pip can install some Linux platform wheel an index like PyPI hosts
   * (manylinux or musllinux). PyPI refuses plain {@code linux_*} wheels, so for a pip that
   * supports neither (pip before 21.2 on musl) a missing compiled wheel cannot hide in an
   * incomplete file list: only a pure-Python wheel could.
   */
  public boolean usesIndexPlatformWheels() {
    return tags.ordered().stream().anyMatch(t -> t.platform().startsWith("manylinux") || t.platform().startsWith("musllinux"));
  }

  public PipProfile profile() {
    return tags.profile();
  }

  /** {@code CPython 3.12 musl-1.2 x86_64}, for messages. */
  public String description() {
    return tags.target().toString();
  }

  /**
   * pip's {@code check_requires_python}: {@code python in SpecifierSet(text)}; an invalid
   * specifier is ignored (pip logs it and treats the file as compatible).
   */
  public boolean requiresPythonAllows(String text) {
    try {
      return SpecifierSet.parse(text, profile()).contains(python, profile(), Optional.empty());
    } catch (InvalidSpecifier e) {
      return true;
    }
  }

  /** Whether {@code text} is a specifier set this pip parses (an invalid one is ignored). */
  public boolean requiresPythonParses(String text) {
    try {
      SpecifierSet.parse(text, profile());
      return true;
    } catch (InvalidSpecifier e) {
      return false;
    }
  }
}
