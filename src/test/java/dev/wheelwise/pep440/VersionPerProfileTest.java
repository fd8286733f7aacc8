package dev.wheelwise.pep440;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * packaging 26 reads versions with an ASCII-only pattern; 21.3–25 folded case with Unicode
 * rules, so a few non-ASCII letters made versions there (found by the generated differential
 * test). Empty means "not a version".
 */
class VersionPerProfileTest {

  @ParameterizedTest(name = "{0}: 26 -> {1}, 21.3/23.0 -> {2}")
  @CsvSource({
    "1.0+ı, , 1.0+ı",
    "1.0+ſ, , 1.0+ſ",
    "1.0.poſt1, , 1.0.post1",
    "1.0+Abc-2, 1.0+abc.2, 1.0+abc.2",
    "' 1.0\u3000', 1.0, 1.0",
  })
  void unicodeCaseFoldingBefore26(String text, String at26, String before26) {
    PipProfile p26 = PipProfile.forPackaging(Version.tryParse("26.2"));
    PipProfile p23 = PipProfile.forPackaging(Version.tryParse("23.0"));
    Version modern = Version.tryParse(text, p26);
    Version older = Version.tryParse(text, p23);
    assertThat(modern == null ? null : modern.toString()).isEqualTo(at26);
    assertThat(older == null ? null : older.toString()).isEqualTo(before26);
    assertThat(Version.tryParse(text)).isEqualTo(modern);
  }
}
