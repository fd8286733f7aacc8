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

  @ParameterizedTest
  @CsvSource({
    "python-termstyle-0.1.10.tgz, python-termstyle, python-termstyle, 0.1.10, .tgz",
    "prettytable-0.7.2.tar.bz2, PrettyTable, prettytable, 0.7.2, .tar.bz2",
    "Foo_Bar-2.0rc1.tar.xz, foo.bar, foo-bar, 2.0rc1, .tar.xz",
    "zope.interface-5.4.0.zip, Zope_Interface, zope-interface, 5.4.0, .zip",
    "FOO..bar-1.0.txz, foo-bar, foo-bar, 1.0, .txz",
    "foo-1.0-2.tar.gz, foo, foo, 1.0.post2, .tar.gz",
    "foo-bar-1.0.tar.gz, foo-bar, foo-bar, 1.0, .tar.gz",
  })
  void pipReadsTheVersionAfterTheProjectsName(String filename, String project, String name, String version, String extension)
      throws Exception {
    SdistFilename s = SdistFilename.parseForPip(filename, project);
    assertThat(s.name()).isEqualTo(name);
    assertThat(s.version()).hasToString(version);
    assertThat(s.extension()).isEqualTo(extension);
    assertThat(s.python()).isEmpty();
  }

  @Test
  void packagingReadsAnotherProjectWherePipReadsAPostRelease() throws Exception {
    // packaging splits at the last dash; pip after the project's name.
    assertThat(SdistFilename.parse("foo-1.0-2.tar.gz").name()).isEqualTo("foo-1-0");
    assertThat(SdistFilename.parseForPip("foo-1.0-2.tar.gz", "foo").version()).hasToString("1.0.post2");
  }

  @Test
  void aPythonSuffixIsTakenOffTheVersion() throws Exception {
    SdistFilename s = SdistFilename.parseForPip("foo-1.0-py2.7.tar.gz", "foo");
    assertThat(s.version()).hasToString("1.0");
    assertThat(s.python()).contains("2.7");
    assertThat(SdistFilename.parseForPip("foo-1.0-py3.tar.gz", "foo").python()).contains("3");
  }

  @ParameterizedTest
  @CsvSource({
    "foo-bar-1.0.tar.gz, foo, invalid version 'bar-1.0' (not PEP 440)",
    "foo_extras-1.0.tar.gz, foo, does not start with the project's name foo",
    "bar-1.0.tar.bz2, foo, does not start with the project's name foo",
    "foo-.tar.gz, foo, no version after 'foo-'",
    "foo-1.0-dev-x.tgz, foo, invalid version '1.0-dev-x' (not PEP 440)",
    "foo-1.0.TAR.GZ, foo, not an archive pip unpacks",
    "foo-1.0.tar.zst, foo, not an archive pip unpacks",
  })
  void pipSkipsNamesWithoutAVersionOfTheProject(String filename, String project, String why) {
    assertThatThrownBy(() -> SdistFilename.parseForPip(filename, project))
        .isInstanceOf(InvalidSdistFilename.class)
        .hasMessageContaining("'" + filename + "'")
        .hasMessageContaining(why);
  }

  @Test
  void everyCallerModellingPipReadsTheSameVersion() {
    assertThat(PipFilenames.version("python-termstyle", "python-termstyle-0.1.10.tgz")).map(Object::toString).contains("0.1.10");
    assertThat(PipFilenames.version("prettytable", "prettytable-0.7.2.tar.bz2")).map(Object::toString).contains("0.7.2");
    assertThat(PipFilenames.version("foo", "foo-bar-1.0.tar.gz")).isEmpty();
    assertThat(PipFilenames.version("foo", "foo_bar-1.0-py3-none-any.whl")).isEmpty();
    assertThat(PipFilenames.whyNot("foo", "foo_bar-1.0-py3-none-any.whl")).contains("belongs to project foo-bar, not foo");
    assertThat(PipFilenames.version("Foo.Bar", "foo_bar-1.0-py3-none-any.whl")).map(Object::toString).contains("1.0");
    assertThat(PipFilenames.whyNot("foo", "foo-1.0.tar.gz")).isEmpty();
  }
}
