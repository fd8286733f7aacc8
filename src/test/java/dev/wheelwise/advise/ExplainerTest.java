package dev.wheelwise.advise;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelwise.index.AsOf;
import dev.wheelwise.index.DistFile;
import dev.wheelwise.index.ProjectPage;
import dev.wheelwise.index.Snapshot;
import dev.wheelwise.index.SnapshotBuilder;
import dev.wheelwise.index.Source;
import dev.wheelwise.index.Yanked;
import dev.wheelwise.pep440.PipProfile;
import dev.wheelwise.pep440.Version;
import dev.wheelwise.tags.Arch;
import dev.wheelwise.tags.Libc;
import dev.wheelwise.tags.Target;
import dev.wheelwise.testing.Shared;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** explain's view of pip's file choice (the check chooser) on the corpus facts, including the January 2020 slim vs alpine case. */
class ExplainerTest {
  static Snapshot facts;
  static final Target SLIM_38 = new Target(3, 8, 1, false, Libc.glibc(2, 28), Arch.X86_64);
  static final Target ALPINE_38 = new Target(3, 8, 1, false, Libc.musl(1, 1), Arch.X86_64);
  static final PipProfile PIP_2020 = PipProfile.forPip(Version.tryParse("19.3.1"));

  @BeforeAll
  static void build() throws IOException {
    facts = SnapshotBuilder.build(List.of(Shared.require("corpus/index-facts"))).snapshot();
  }

  private static Explainer.Explanation explain(String project, Target target, PipProfile pip, String asOf, String pin) {
    ProjectPage page = facts.page(project).orElseThrow();
    if (asOf != null) {
      page = new AsOf(LocalDate.parse(asOf), facts.releaseDates()).filter(page);
    }
    return explainer(target, pip).explain(page, Optional.ofNullable(pin).map(Version::tryParse));
  }

  @Test
  void january2020SlimTakesManylinuxWheelsAlpineBuildsMatplotlib() {
    // The docker log in the article: slim downloads both manylinux1 wheels, alpine the matplotlib sdist.
    assertThat(explain("matplotlib", SLIM_38, PIP_2020, "2020-01-20", null).chosen()).get()
        .extracting(DistFile::filename).isEqualTo("matplotlib-3.1.2-cp38-cp38-manylinux1_x86_64.whl");
    assertThat(explain("pandas", SLIM_38, PIP_2020, "2020-01-20", null).chosen()).get()
        .extracting(DistFile::filename).isEqualTo("pandas-0.25.3-cp38-cp38-manylinux1_x86_64.whl");
    Explainer.Explanation alpine = explain("matplotlib", ALPINE_38, PIP_2020, "2020-01-20", null);
    assertThat(alpine.chosen()).get().extracting(DistFile::filename).isEqualTo("matplotlib-3.1.2.tar.gz");
    assertThat(alpine.files()).filteredOn(f -> f.file().filename().equals("matplotlib-3.1.2-cp38-cp38-manylinux1_x86_64.whl"))
        .singleElement().satisfies(f -> {
          assertThat(f.usable()).isFalse();
          assertThat(f.why()).startsWith("glibc wheel on musl");
        });
  }

  @Test
  void requiresPythonExcludesAndTheNewestUsableVersionWins() {
    // six 1.14.0 says requires-python >=2.7, !=3.0.*, !=3.1.*, !=3.2.*; on Python 3.2 both its files are out.
    Target py32 = new Target(3, 2, 0, false, Libc.glibc(2, 28), Arch.X86_64);
    Explainer.Explanation pinned = explain("six", py32, PipProfile.DEFAULT, null, "1.14.0");
    assertThat(pinned.chosen()).isEmpty();
    assertThat(pinned.files()).hasSize(2).allSatisfy(f -> assertThat(f.why()).startsWith("requires-python >=2.7, !=3.0.*, !=3.1.*, !=3.2.* excludes Python 3.2.0"));
    // Without a pin, 1.17.0 (no requires-python recorded) is the newest usable release: version before tags.
    Explainer.Explanation free = explain("six", SLIM_38, PipProfile.DEFAULT, null, null);
    assertThat(free.version()).contains("1.17.0");
    assertThat(free.chosen()).get().extracting(DistFile::filename).isEqualTo("six-1.17.0-py2.py3-none-any.whl");
  }

  @Test
  void yankedFilesAreSkippedUnlessPinned() {
    DistFile good = file("demo-1.0-py3-none-any.whl", Yanked.NO);
    DistFile yanked = file("demo-2.0-py3-none-any.whl", Yanked.yes("broken"));
    ProjectPage page = new ProjectPage("demo", List.of("1.0", "2.0"), List.of(good, yanked), List.of(Source.index("http://127.0.0.1/simple")));
    Explainer choice = explainer(SLIM_38, PipProfile.DEFAULT);
    assertThat(choice.explain(page, Optional.empty()).chosen()).contains(good);
    Explainer.Explanation pinned = choice.explain(page, Optional.of(Version.tryParse("2.0")));
    assertThat(pinned.chosen()).contains(yanked);
    assertThat(pinned.summary()).contains("yanked; pip takes it only because the version is pinned with ==");
  }

  @Test
  void missingPinSaysSoAndNothingIsInvented() {
    Explainer.Explanation e = explain("pandas", SLIM_38, PipProfile.DEFAULT, null, "0.1");
    assertThat(e.chosen()).isEmpty();
    assertThat(e.files()).isEmpty();
    assertThat(e.summary()).isEqualTo("no file of pandas 0.1 was seen");
  }

  @Test
  void everyFileSaysWhyAndFilesOfAnotherProjectAreNeverChosen() {
    DistFile other = file("demo_extras-3.0.tar.gz", Yanked.NO);
    DistFile sdist = file("demo-1.0.tar.gz", Yanked.UNKNOWN);
    DistFile musl = file("demo-1.0-cp38-cp38-musllinux_1_1_x86_64.whl", Yanked.NO);
    ProjectPage page = new ProjectPage("demo", List.of("1.0"), List.of(other, sdist, musl), List.of(Source.index("http://127.0.0.1/simple")));
    Explainer.Explanation e = explainer(SLIM_38, PipProfile.DEFAULT).explain(page, Optional.empty());
    assertThat(e.chosen()).contains(sdist);
    assertThat(e.files()).extracting(Explainer.FileVerdict::why).containsExactly(
        "usable as source: pip would build it; yanked status unknown",
        "musl wheel on glibc: built for musl (musllinux_1_1_x86_64), the image has glibc 2.28");
    // pip reads demo_extras-3.0.tar.gz on demo's page as no version of demo at all ("Missing
    // project version"), so demo 3.0 was never seen.
    Explainer.Explanation pinned = explainer(SLIM_38, PipProfile.DEFAULT).explain(page, Optional.of(Version.tryParse("3.0")));
    assertThat(pinned.chosen()).isEmpty();
    assertThat(pinned.files()).isEmpty();
    assertThat(pinned.summary()).isEqualTo("no file of demo 3.0 was seen");
    ProjectPage onlyOther = new ProjectPage("demo", List.of(), List.of(other), List.of(Source.index("http://127.0.0.1/simple")));
    Explainer.Explanation none = explainer(SLIM_38, PipProfile.DEFAULT).explain(onlyOther, Optional.empty());
    assertThat(none.summary()).isEqualTo("no wheel or sdist of demo was seen");
    assertThat(none.files()).singleElement().satisfies(f -> {
      assertThat(f.usable()).isFalse();
      assertThat(f.why()).isEqualTo("not an sdist pip reads: sdist file name 'demo_extras-3.0.tar.gz' does not start with the"
          + " project's name demo and a '-', so pip finds no version of demo in it");
    });
  }

  private static Explainer explainer(Target target, PipProfile pip) {
    return new Explainer(new FileChooser(ChooserTarget.of(target, pip), FormatControl.DEFAULT));
  }

  private static DistFile file(String name, Yanked yanked) {
    return new DistFile(name, Optional.empty(), Map.of(), Optional.empty(), DistFile.CoreMetadataRef.NONE, yanked, OptionalLong.empty(), Optional.empty());
  }
}
