package dev.wheelwise.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wheelwise.tags.Arch;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PlatformTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(nullValues = "-", value = {
    "linux/amd64, linux/amd64, X86_64",
    "linux/x86_64, linux/amd64, X86_64",
    "linux/arm64, linux/arm64/v8, AARCH64",
    "linux/arm64/v8, linux/arm64/v8, AARCH64",
    "linux/aarch64, linux/arm64/v8, AARCH64",
    "linux/arm, linux/arm/v7, ARMV7L",
    "linux/arm/v7, linux/arm/v7, ARMV7L",
    "linux/arm/v6, linux/arm/v6, -",
    "linux/386, linux/386, I686",
    "linux/s390x, linux/s390x, S390X",
    "linux/mips64le, linux/mips64le, -",
  })
  void normalizesAsContainerdDoes(String text, String normalized, String arch) throws Exception {
    Platform p = Platform.parse(text);
    assertThat(p).hasToString(normalized);
    assertThat(p.arch()).isEqualTo(Optional.ofNullable(arch).map(Arch::valueOf));
  }

  @ParameterizedTest
  @ValueSource(strings = {"amd64", "linux/", "linux/arm64/v8/x", "/amd64", "linux/arm/"})
  void refusesWhatIsNotOsArchVariant(String text) {
    assertThatThrownBy(() -> Platform.parse(text)).isInstanceOf(InvalidPlatform.class).hasMessageContaining("expected a platform OS/ARCH[/VARIANT]");
  }
}
