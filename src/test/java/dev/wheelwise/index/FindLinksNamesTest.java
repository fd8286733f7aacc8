package dev.wheelwise.index;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A find-links folder or page keeps the archives pip takes as the project's, read as pip reads them. */
class FindLinksNamesTest {

  @Test
  void sdistsArePipsReadingWheelsTheirNamePart() {
    assertThat(FindLinks.belongsTo("prettytable-0.7.2.tar.bz2", "prettytable")).isTrue();
    assertThat(FindLinks.belongsTo("python-termstyle-0.1.10.tgz", "python-termstyle")).isTrue();
    assertThat(FindLinks.belongsTo("Foo.Bar-1.0.tar.xz", "foo-bar")).isTrue();
    // pip: scs 2.1.1.post2; a split at the last dash read project scs-2-1-1.
    assertThat(FindLinks.belongsTo("scs-2.1.1-2.tar.gz", "scs")).isTrue();
    assertThat(FindLinks.belongsTo("foo_extras-1.0.tgz", "foo")).isFalse();
    assertThat(FindLinks.belongsTo("foo-bar-1.0.tar.gz", "foo")).as("version 'bar-1.0' is not PEP 440").isFalse();
    assertThat(FindLinks.belongsTo("foo-1.0.tar.zst", "foo")).as("not an archive pip unpacks").isFalse();
    assertThat(FindLinks.belongsTo("Foo_Bar-1.0-py3-none-any.whl", "foo-bar")).isTrue();
    assertThat(FindLinks.belongsTo("foo_bar-1.0-py3-none-any.whl", "foo")).isFalse();
  }
}
