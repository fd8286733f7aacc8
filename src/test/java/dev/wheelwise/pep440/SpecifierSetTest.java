package dev.wheelwise.pep440;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The edge cases of research §1.5, by name, per packaging release (26.2 / 21.3 / 23.0). */
class SpecifierSetTest {

  static final PipProfile P26 = PipProfile.forPackaging(Version.tryParse("26.2"));
  static final PipProfile P21 = PipProfile.forPackaging(Version.tryParse("21.3"));
  static final PipProfile P23 = PipProfile.forPackaging(Version.tryParse("23.0"));

  private static boolean contains(String spec, String version, PipProfile profile) throws Exception {
    return SpecifierSet.parse(spec, profile).contains(Version.parse(version), profile, Optional.empty());
  }

  @ParameterizedTest(name = "{0}: {2} in {1} -> 26:{3} 21.3:{4} 23.0:{5}")
  @CsvSource(delimiter = '|', textBlock = """
      §1.5 table: <V admits pre-releases when V is one      | <2.0a5      | 2.0a1         | true  | false | false
      §1.5 table: 26 contains a dev release above >V        | >1.7        | 1.8.dev1      | true  | false | false
      §1.5 table: ==1.* contains a pre-release in 26        | ==1.*       | 1.0a1         | true  | false | false
      26 contains any pre-release that matches              | >=1.0       | 2.0a1         | true  | false | false
      a clause naming a pre-release admits them             | >=1.0a1     | 2.0b1         | true  | true  | true
      != never implies pre-releases                         | !=1.0a1     | 2.0b1         | true  | false | false
      ===: raw string match                                 | ===1.0      | 1.0           | true  | true  | true
      ===: no zero padding                                  | ===1.0      | 1.0.0         | false | false | false
      ===: no local stripping                               | ===1.0      | 1.0+x         | false | false | false
      ===: case-insensitive                                 | ===1.0A1    | 1.0a1         | true  | true  | true
      ~=2.2 is >=2.2 and ==2.*                              | ~=2.2       | 2.9           | true  | true  | true
      ~=2.2 excludes the next major                         | ~=2.2       | 3.0           | false | false | false
      ~=1.4.5 is >=1.4.5 and ==1.4.*                        | ~=1.4.5     | 1.5.0         | false | false | false
      ~= drops the suffix for the prefix                    | ~=2.2.post3 | 2.3           | true  | true  | true
      ~= with a post bound excludes the base release        | ~=2.2.post3 | 2.2           | false | false | false
      ==V pads the release with zeros                       | ==1.1       | 1.1.0.0       | true  | true  | true
      ==V (public) ignores the candidate's local label      | ==1.1       | 1.1+ubuntu.1  | true  | true  | true
      ==V+local compares the local label                    | ==1.1+a     | 1.1+b         | false | false | false
      .*: prefix match                                      | ==1.1.*     | 1.1.7         | true  | true  | true
      .*: 1.1.* is not 1.10                                 | ==1.1.*     | 1.10          | false | false | false
      .*: != excludes post-releases of the prefix           | !=1.1.*     | 1.1.post1     | false | false | false
      .*: != keeps other prefixes                           | !=1.1.*     | 1.10          | true  | true  | true
      <V excludes pre-releases of V                         | <2.0        | 2.0rc1        | false | false | false
      <V keeps local versions below V                       | <2.0        | 1.9+local     | true  | true  | true
      >V excludes post-releases of V                        | >1.0        | 1.0.post1     | false | false | false
      >V excludes local versions of V                       | >1.0        | 1.0+local     | false | false | false
      >V.postN admits later post-releases                   | >1.0.post1  | 1.0.post2     | true  | true  | true
      epoch is compared first                               | >2.0        | 1!0.1         | true  | true  | true
      """)
  void containsPerProfile(String name, String spec, String version, boolean at26, boolean at21, boolean at23)
      throws Exception {
    assertThat(contains(spec, version, P26)).as("26.2").isEqualTo(at26);
    assertThat(contains(spec, version, P21)).as("21.3").isEqualTo(at21);
    assertThat(contains(spec, version, P23)).as("23.0").isEqualTo(at23);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      §1.5 table: 26 falls back to pre-releases             | >=1.0  | 2.0a1          | 2.0a1    |     |
      finals win over pre-releases                          | >=1.0  | 2.0a1 1.5      | 1.5      | 1.5 | 1.5
      empty set falls back to pre-releases everywhere       | ''     | 2.0a1          | 2.0a1    | 2.0a1 | 2.0a1
      """)
  void filterPerProfile(String name, String spec, String versions, String at26, String at21, String at23)
      throws Exception {
    List<Version> candidates = Arrays.stream(versions.split(" ")).map(Version::tryParse).toList();
    for (Object[] row : new Object[][] {{P26, at26}, {P21, at21}, {P23, at23}}) {
      PipProfile profile = (PipProfile) row[0];
      List<String> kept = SpecifierSet.parse(spec, profile).filter(candidates, profile, Optional.empty())
          .stream().map(Version::toString).toList();
      String expected = row[1] == null ? "" : (String) row[1];
      assertThat(String.join(" ", kept)).as(profile.toString()).isEqualTo(expected);
    }
  }

  @ParameterizedTest(name = "{0} under {1}")
  @CsvSource(delimiter = '|', textBlock = """
      .* after a pre-release: 21.3 only               | ==1.0a1.*    | false | true  | false
      local label with >=: 21.3 keeps it as legacy    | >=1.0+local  | false | true  | false
      not a version with ==: 21.3 legacy              | ==foo        | false | true  | false
      ~= needs two release numbers                    | ~=1          | false | false | false
      .* with >=: 21.3 keeps it as legacy             | >=1.0.*      | false | true  | false
      local label with <                              | <1.0+local   | false | true  | false
      === takes any text                              | ===foo       | true  | true  | true
      """)
  void validityPerProfile(String name, String spec, boolean at26, boolean at21, boolean at23) {
    assertThat(SpecifierSet.isValid(spec, P26)).as("26.2").isEqualTo(at26);
    assertThat(SpecifierSet.isValid(spec, P21)).as("21.3").isEqualTo(at21);
    assertThat(SpecifierSet.isValid(spec, P23)).as("23.0").isEqualTo(at23);
  }

  @ParameterizedTest(name = "pip {0} (packaging {1}): 2.0a1 in <2.0a5 is {2}, 2.0a1 in >=1.0 is {3}")
  @CsvSource({
    "23.2, 21.3, false, false",
    "24.1, 24.1, false, false",
    "25.0, 24.2, true, false",
    "25.1, 25.0, true, false",
    "26.1, 26.2, true, true",
  })
  void table15PerPipRelease(String pip, String packaging, boolean belowPre, boolean abovePlain) throws Exception {
    PipProfile profile = PipProfile.forPip(Version.parse(pip));
    assertThat(profile.packaging()).isEqualTo(Version.parse(packaging));
    assertThat(contains("<2.0a5", "2.0a1", profile)).isEqualTo(belowPre);
    assertThat(contains(">=1.0", "2.0a1", profile)).isEqualTo(abovePlain);
  }

  @Test
  void printsAsPackagingDoes() throws Exception {
    assertThat(SpecifierSet.parse(" >=1.0.0 , !=1.0.1,<2").toString()).isEqualTo("!=1.0.1,<2,>=1.0.0");
    // 26 sorts before dropping equal clauses; older packaging keeps the first written.
    assertThat(SpecifierSet.parse(">=1.0.0,>=1.0", P26).toString(P26)).isEqualTo(">=1.0");
    assertThat(SpecifierSet.parse(">=1.0.0,>=1.0", P21).toString(P21)).isEqualTo(">=1.0.0");
    assertThat(SpecifierSet.parse("").isEmpty()).isTrue();
  }

  @Test
  void legacyClauseComparesAsLegacyVersion() throws Exception {
    SpecifierSet set = SpecifierSet.parse(">=1.0+local", P21);
    assertThat(set.specifiers().get(0).legacy()).isTrue();
    // A LegacyVersion of "2.0" sorts after "1.0+local"; of "0.9" before it.
    assertThat(set.contains(Version.parse("2.0"), P21, Optional.empty())).isTrue();
    assertThat(set.contains(Version.parse("0.9"), P21, Optional.empty())).isFalse();
  }

  @Test
  void badSpecifierNamesTheClauseItsColumnAndWhy() {
    assertThatThrownBy(() -> SpecifierSet.parse(">=1.0, <2.0+local"))
        .isInstanceOfSatisfying(InvalidSpecifier.class, e -> {
          assertThat(e.text()).isEqualTo("<2.0+local");
          assertThat(e.span().column()).isEqualTo(8);
          assertThat(e.plainMessage()).isEqualTo(
              "invalid specifier '<2.0+local': a local version label (+local) can only be used with == or !=");
          assertThat(e.render()).isEqualTo("""
              <specifier>:1:8: invalid specifier '<2.0+local': a local version label (+local) can only be used \
              with == or !=
                  >=1.0, <2.0+local
                         ^^^^^^^^^^""");
        });
    assertThatThrownBy(() -> SpecifierSet.parse("~=1")).hasMessageContaining("~= needs at least two release numbers");
    assertThatThrownBy(() -> SpecifierSet.parse("1.0")).hasMessageContaining("expected an operator");
    assertThatThrownBy(() -> SpecifierSet.parse(">=1.0.*")).hasMessageContaining(".* suffix can only be used with == or !=");
    assertThatThrownBy(() -> SpecifierSet.parse("^3.8")).hasMessageContaining("expected an operator");
  }
}
