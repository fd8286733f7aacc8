package dev.wheelwise.pep440;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The shortcuts start-up takes must answer exactly as the general code: a digits-and-dots
 * version parsed without the grammar, and {@link PipProfile#packagingAtLeast} compared in place.
 */
class FastPathTest {

  /**
   * Surrounding white space is legal in the grammar and keeps a text off the shortcut, so the
   * padded text is read by the regular expression: both readings must be the same version.
   */
  @Property(tries = 400)
  void plainReleaseReadsAsTheGrammarDoes(@ForAll("digitsAndDots") String text) {
    Version shortcut = Version.tryParse(text);
    Version grammar = Version.tryParse(" " + text + " ");
    assertThat(shortcut).isEqualTo(grammar);
    if (shortcut != null) {
      assertThat(shortcut.release()).hasSize(text.split("\\.").length);
    }
  }

  @Provide
  Arbitrary<String> digitsAndDots() {
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(4, Pep440Arbitraries.release()),
        net.jqwik.api.Tuple.of(1, Arbitraries.strings().withChars("0123456789.").ofMinLength(1).ofMaxLength(24)),
        net.jqwik.api.Tuple.of(1, Arbitraries.of("99999999999999999999.1", "1.000000000000000000007", "1..2", "1.", ".1", ".")));
  }

  @Property(tries = 400)
  void packagingAtLeastOrdersAsVersionDoes(@ForAll("packagingVersions") String packaging) throws InvalidVersion {
    PipProfile profile = PipProfile.forPackaging(Version.parse(packaging));
    for (int major = 0; major <= 3; major++) {
      for (int minor = 0; minor <= 3; minor++) {
        boolean expected = profile.packaging().compareTo(Version.parse(major + "." + minor)) >= 0;
        assertThat(profile.packagingAtLeast(major, minor)).as(packaging + " >= " + major + "." + minor).isEqualTo(expected);
      }
    }
  }

  @Provide
  Arbitrary<String> packagingVersions() {
    return Pep440Arbitraries.version().filter(Version::isValid);
  }
}
