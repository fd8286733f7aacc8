package dev.wheelwise.advise;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelwise.index.DistFile;
import dev.wheelwise.index.ProjectPage;
import dev.wheelwise.index.Source;
import dev.wheelwise.index.Yanked;
import dev.wheelwise.pep440.PipProfile;
import dev.wheelwise.pep440.Version;
import dev.wheelwise.tags.Arch;
import dev.wheelwise.tags.Libc;
import dev.wheelwise.tags.Target;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * The chooser reads sdist names as pip does (SdistFilename.parseForPip): every archive pip
 * unpacks, the version after the project's name, a {@code -pyX.Y} suffix only on that Python.
 */
class SdistNamesChooserTest {
  private static final Target PY38 = new Target(3, 8, 6, false, Libc.glibc(2, 28), Arch.X86_64);
  private static final Target PY312 = new Target(3, 12, 12, false, Libc.glibc(2, 41), Arch.X86_64);

  private static Explainer.Explanation explain(Target target, String project, String... filenames) {
    List<DistFile> files = java.util.Arrays.stream(filenames).map(f -> new DistFile(f, Optional.empty(), Map.of(), Optional.empty(),
        DistFile.CoreMetadataRef.NONE, Yanked.NO, OptionalLong.empty(), Optional.empty())).toList();
    ProjectPage page = new ProjectPage(project, List.of(), files, List.of(Source.index("http://127.0.0.1/simple")));
    return new Explainer(new FileChooser(ChooserTarget.of(target, PipProfile.DEFAULT), FormatControl.DEFAULT)).explain(page, Optional.empty());
  }

  private static String chosen(Explainer.Explanation e) {
    return e.chosen().map(DistFile::filename).orElse(null);
  }

  @Test
  void bzip2AndGzipTarballsAreSdistsPipBuilds() {
    assertThat(chosen(explain(PY312, "prettytable", "prettytable-0.7.2.tar.bz2", "prettytable-0.7.1.zip")))
        .isEqualTo("prettytable-0.7.2.tar.bz2");
    assertThat(chosen(explain(PY312, "Python_TermStyle", "python-termstyle-0.1.10.tgz"))).isEqualTo("python-termstyle-0.1.10.tgz");
    assertThat(chosen(explain(PY312, "foo", "foo-1.0.tar.gz", "foo-1.1.tar.xz"))).isEqualTo("foo-1.1.tar.xz");
  }

  @Test
  void anotherProjectsSdistOrAnInvalidVersionIsSkipped() {
    // On foo's page, foo-bar-2.0 is foo version "bar-2.0", not PEP 440: pip 24.1+ skips it.
    Explainer.Explanation e = explain(PY312, "foo", "foo-1.0.tar.gz", "foo-bar-2.0.tar.gz", "foo_extras-3.0.tar.bz2");
    assertThat(chosen(e)).isEqualTo("foo-1.0.tar.gz");
    assertThat(e.version()).contains("1.0");
  }

  @Test
  void aPythonSuffixLimitsTheFileToThatPython() {
    assertThat(chosen(explain(PY38, "foo", "foo-1.0-py3.8.tar.gz"))).isEqualTo("foo-1.0-py3.8.tar.gz");
    Explainer.Explanation other = explain(PY38, "foo", "foo-1.0-py2.7.tar.gz");
    assertThat(other.chosen()).isEmpty();
    assertThat(other.files()).singleElement().satisfies(f -> {
      assertThat(f.usable()).isFalse();
      assertThat(f.why()).isEqualTo("named for Python 2.7 (-py2.7), so pip skips it on Python 3.8");
    });
  }

  @Test
  void aLockedSdistOfAnotherProjectIsNotChosen() {
    FileChooser chooser = new FileChooser(ChooserTarget.of(PY312, PipProfile.DEFAULT), FormatControl.DEFAULT);
    Version v = Version.tryParse("1.0");
    Choice c = chooser.choose("foo", VersionFilter.exactly(v), List.of(CandidateFile.of("foo", v, "foobar-1.0.tgz")));
    assertThat(c).isInstanceOf(Choice.Nothing.class);
    assertThat(((Choice.Nothing) c).reason()).contains("1 file name(s) that do not parse or name another project or Python");
  }
}
