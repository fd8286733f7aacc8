package dev.wheelwise;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MegabytesTest {

  @Test
  void roundsHalfUpAndNamesTheUnitOnce() {
    assertThat(Megabytes.of(363_000_000L)).isEqualTo("363 MB");
    assertThat(Megabytes.of(193_499_999L)).isEqualTo("193 MB");
    assertThat(Megabytes.of(193_500_000L)).isEqualTo("194 MB");
    assertThat(Megabytes.range(282_400_000L, 537_400_000L)).isEqualTo("282–537 MB");
    assertThat(Megabytes.range(282_400_000L, 282_450_000L)).as("ends that round alike").isEqualTo("282 MB");
  }
}
