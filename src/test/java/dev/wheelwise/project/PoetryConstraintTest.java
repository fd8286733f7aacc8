package dev.wheelwise.project;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Poetry constraints in PEP 440 (poetry-core's parse_constraint, as documented by Poetry). */
class PoetryConstraintTest {

  @ParameterizedTest
  @CsvSource(delimiter = '#', value = {
    "^1.2.3#>=1.2.3,<2.0.0",
    "^1.2#>=1.2,<2.0",
    "^1#>=1,<2",
    "^0.2.3#>=0.2.3,<0.3.0",
    "^0.0.3#>=0.0.3,<0.0.4",
    "^0.0#>=0.0,<0.1",
    "^0#>=0,<1",
    "~1.2.3#>=1.2.3,<1.3.0",
    "~1.2#>=1.2,<1.3",
    "~1#>=1,<2",
    "~=1.2#~=1.2",
    "1.2.3#==1.2.3",
    "1.2.*#==1.2.*",
    "*#''",
    ">= 1.2, < 1.5#>=1.2,<1.5",
    ">=2.0 <3.0#>=2.0,<3.0",
    "^=1.17.0#>=1.17.0,<2.0.0",
    "^3.10, <3.13#>=3.10,<4.0,<3.13",
    ">=1.7.4,<1.8 || >1.8#>=1.7.4,<1.8 || >1.8",
  })
  void translates(String poetry, String pep440) {
    assertThat(PoetryConstraint.toPep440Joined(poetry)).isEqualTo(pep440);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '#', value = {
    "^3.8#python_version >= \"3.8\" and python_version < \"4.0\"",
    ">=3.6.1,<3.9#python_full_version >= \"3.6.1\" and python_version < \"3.9\"",
    "~2.7 || ^3.5#(python_version >= \"2.7\" and python_version < \"2.8\") or (python_version >= \"3.5\" and python_version < \"4.0\")",
    "*#''",
  })
  void pythonConstraintsBecomeMarkers(String poetry, String marker) {
    assertThat(PoetryConstraint.pythonMarker(poetry)).isEqualTo(marker);
  }
}
