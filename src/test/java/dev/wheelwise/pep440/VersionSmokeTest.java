package dev.wheelwise.pep440;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wheelwise.testing.PythonOracle;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VersionSmokeTest {

  @ParameterizedTest
  @CsvSource({
    "1.0-ALPHA_1, 1.0a1",
    "1.0-1, 1.0.post1",
    "v1.0.dev, 1.0.dev0",
    "1!2.0rev3, 1!2.0.post3",
    "1.0+Ubuntu-1, 1.0+ubuntu.1",
    "' 2.1c2 ', 2.1rc2",
  })
  void normalizesAsPackagingDoes(String written, String normalized) throws InvalidVersion {
    assertThat(Version.parse(written).toString()).isEqualTo(normalized);
  }

  @Test
  void ordersPerPep440() throws InvalidVersion {
    String[] ordered = {"1.0.dev1", "1.0a1.dev1", "1.0a1", "1.0a1.post1.dev1", "1.0a1.post1", "1.0b1", "1.0rc1",
        "1.0", "1.0+abc", "1.0+1", "1.0.post1.dev1", "1.0.post1", "1!0.1"};
    for (int i = 0; i + 1 < ordered.length; i++) {
      assertThat(Version.parse(ordered[i])).as(ordered[i] + " < " + ordered[i + 1])
          .isLessThan(Version.parse(ordered[i + 1]));
    }
    assertThat(Version.parse("1.0")).isEqualTo(Version.parse("1.0.0"));
  }

  @Test
  void invalidNamesTheText() {
    assertThatThrownBy(() -> Version.parse("1.0.*")).isInstanceOf(InvalidVersion.class)
        .hasMessageContaining("'1.0.*'");
  }

  @Test
  void agreesWithPackagingOnASmallBatch() {
    List<String> cases = List.of("1.0", "1.0-ALPHA_1", "1.0+Ubuntu-1", "bogus", "1.0.*", "V2", "1!2.0rev3");
    List<String> ours = new ArrayList<>();
    for (String c : cases) {
      Version v = Version.tryParse(c);
      ours.add(v == null ? null : v.toString());
    }
    var answers = PythonOracle.PACKAGING_26.run("version.py", cases);
    List<String> theirs = new ArrayList<>();
    answers.forEach(a -> theirs.add(a.isNull() ? null : a.asText()));
    assertThat(ours).isEqualTo(theirs);
  }
}
