package dev.wheelwise.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelwise.advise.Range;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Time ranges read in one unit named once, in every format that uses Units (table, Markdown, HTML). */
class UnitsTest {

  @Test
  void aRangeNamesItsUnitOnce() {
    assertThat(Units.durations(6, 80)).isEqualTo("6–80 s");
    assertThat(Units.durations(90, 1560)).isEqualTo("1.5–26 min");
    assertThat(Units.durations(61, 600)).isEqualTo("1–10 min");
    assertThat(Units.durations(6, 4800)).isEqualTo("0.1–80 min");
  }

  @Test
  void singleValuesAndOpenRangesKeepTheirUnit() {
    assertThat(Units.duration(45)).isEqualTo("45 s");
    assertThat(Units.duration(150)).isEqualTo("2.5 min");
    assertThat(Units.duration(1557)).isEqualTo("26 min");
    assertThat(Units.seconds(Optional.of(new Range(307, OptionalLong.empty())), List.of("kiwisolver")))
        .isEqualTo("≥ 5.1 min (kiwisolver: unknown)");
    assertThat(Units.seconds(Optional.of(new Range(6, OptionalLong.of(80))))).isEqualTo("6–80 s");
    assertThat(Units.seconds(Optional.empty())).isEqualTo("unknown");
  }
}
