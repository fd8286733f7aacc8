package dev.wheelwise.tags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wheelwise.pep440.PipProfile;
import dev.wheelwise.pep440.Version;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** PEP 427 file names, the edge cases of research §1.4 by name. */
class WheelFilenameTest {

  static final PipProfile PACKAGING_21 = PipProfile.forPackaging(Version.tryParse("21.3"));

  @Test
  void parsesNameVersionBuildAndCompressedTags() throws Exception {
    WheelFilename w = WheelFilename.parse("Foo_Bar.baz-1.0-1b-py2.py3-none-any.whl");
    assertThat(w.name()).isEqualTo("foo-bar-baz");
    assertThat(w.version()).isEqualTo(Version.parse("1.0"));
    assertThat(w.build()).contains(new BuildTag(BigInteger.ONE, "b"));
    assertThat(w.tags()).containsExactlyInAnyOrder(new Tag("py2", "none", "any"), new Tag("py3", "none", "any"));
    assertThat(w.filename()).isEqualTo("Foo_Bar.baz-1.0-1b-py2.py3-none-any.whl");
  }

  @Test
  void vPrefixInWheelVersionIsAccepted() throws Exception {
    assertThat(WheelFilename.parse("foo-v1.0-py3-none-any.whl").version()).hasToString("1.0");
  }

  @Test
  void doubleUnderscoreInNameIsRejected() {
    assertThatThrownBy(() -> WheelFilename.parse("foo__bar-1.0-py3-none-any.whl"))
        .isInstanceOf(InvalidWheelFilename.class)
        .hasMessageContaining("'foo__bar-1.0-py3-none-any.whl'")
        .hasMessageContaining("invalid project name 'foo__bar'");
  }

  @Test
  void tagsAreLowerCasedAndExpanded() throws Exception {
    WheelFilename w = WheelFilename.parse("x-1-CP312.cp313-ABI3-manylinux_2_17_X86_64.manylinux2014_x86_64.whl");
    assertThat(w.tags()).hasSize(4).contains(new Tag("cp313", "abi3", "manylinux2014_x86_64"));
    assertThat(w.tags()).allMatch(t -> t.toString().equals(t.toString().toLowerCase()));
  }

  @Test
  void buildTagOrderPrefersHigherNumberThenSuffix() throws Exception {
    BuildTag one = WheelFilename.parse("a-1-1-py3-none-any.whl").build().orElseThrow();
    BuildTag oneB = WheelFilename.parse("a-1-1b-py3-none-any.whl").build().orElseThrow();
    BuildTag two = WheelFilename.parse("a-1-2-py3-none-any.whl").build().orElseThrow();
    BuildTag ten = WheelFilename.parse("a-1-10-py3-none-any.whl").build().orElseThrow();
    assertThat(one).isLessThan(oneB);
    assertThat(oneB).isLessThan(two);
    assertThat(two).as("numbers compare as numbers, not text").isLessThan(ten);
    assertThat(WheelFilename.parse("a-1-py3-none-any.whl").build()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "foo-1.0-py3-none-any.zip",
    "foo-1.0-none-any.whl",
    "foo-1.0-1-2-py3-none-any.whl",
    "foo-bar-1.0-1-2-py3-none-any.whl",
    "foo-1.0-x1-py3-none-any.whl",
    "foo-1.0.x-py3-none-any.whl",
    "fo o-1.0-py3-none-any.whl",
  })
  void invalidNamesRaiseOneTypedErrorQuotingTheName(String filename) {
    assertThatThrownBy(() -> WheelFilename.parse(filename))
        .isInstanceOf(InvalidWheelFilename.class)
        .hasMessageContaining("'" + filename + "'");
    assertThat(WheelFilename.isValid(filename)).isFalse();
  }

  @Test
  void errorPointsAtTheOffendingPart() {
    assertThatThrownBy(() -> WheelFilename.parse("foo-1.0-x1-py3-none-any.whl"))
        .isInstanceOfSatisfying(InvalidWheelFilename.class, e -> {
          assertThat(e.span().column()).isEqualTo(9);
          assertThat(e.span().length()).isEqualTo(2);
          assertThat(e.render()).endsWith("        ^^");
        });
  }

  @Test
  void unicodeDigitBuildNumbersOnlyBeforePackaging24() throws Exception {
    String arabicOne = "foo-1.0-\u0661x-py3-none-any.whl";
    assertThat(WheelFilename.parse(arabicOne, PACKAGING_21).build()).contains(new BuildTag(BigInteger.ONE, "x"));
    assertThat(WheelFilename.isValid(arabicOne)).isFalse();
  }

  @Test
  void emptyNameAndEmptyTagPartsAreRejectedFromPackaging26_3Only() throws Exception {
    PipProfile p263 = PipProfile.forPackaging(Version.tryParse("26.3"));
    assertThat(WheelFilename.parse("-1.0-py3-none-any.whl").name()).isEmpty();
    assertThat(WheelFilename.parse("a-1.0-py3.-none-any.whl").tags()).contains(new Tag("", "none", "any"));
    assertThatThrownBy(() -> WheelFilename.parse("-1.0-py3-none-any.whl", p263)).isInstanceOf(InvalidWheelFilename.class);
    assertThatThrownBy(() -> WheelFilename.parse("a-1.0-py3.-none-any.whl", p263)).isInstanceOf(InvalidWheelFilename.class);
  }
}
