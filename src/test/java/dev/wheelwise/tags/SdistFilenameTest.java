package dev.wheelwise.tags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SdistFilenameTest {

  @ParameterizedTest
  @CsvSource({
    "foo-1.0.tar.gz, foo, 1.0, .tar.gz",
    "Foo_Bar-2.0rc1.zip, foo-bar, 2.0rc1, .zip",
    "my-pkg-1.0.post1.tar.gz, my-pkg, 1.0.post1, .tar.gz",
    "zope.interface-v5.0.tar.gz, zope-interface, 5.0, .tar.gz",
  })
  void splitsOnTheLastDashAndNormalizes(String filename, String name, String version, String extension) throws Exception {
    SdistFilename s = SdistFilename.parse(filename);
    assertThat(s.name()).isEqualTo(name);
    assertThat(s.version()).hasToString(version);
    assertThat(s.extension()).isEqualTo(extension);
  }

  @ParameterizedTest
  @ValueSource(strings = {"foo-1.0.tar.bz2", "foo.tar.gz", "foo-bar.tar.gz", "foo-1.0.TAR.GZ"})
  void rejectsWhatPackagingRejects(String filename) {
    assertThatThrownBy(() -> SdistFilename.parse(filename))
        .isInstanceOf(InvalidSdistFilename.class)
        .hasMessageContaining("'" + filename + "'");
  }
}
