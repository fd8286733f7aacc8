package dev.wheelwise.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelwise.testing.Shared;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The committed snapshot equals a fresh build from ../shared/corpus, and the build takes what
 * the inputs say. Rewrite the resource with {@code -Dwheelwise.updateSnapshots=true}.
 */
class SnapshotTest {
  static final Path RESOURCE = Path.of("src/main/resources/dev/wheelwise/index/snapshot.json.gz");
  static SnapshotBuilder.Result fresh;

  @BeforeAll
  static void build() throws IOException {
    fresh = SnapshotBuilder.build(List.of(Shared.require("corpus/lockfiles"), Shared.require("corpus/index-facts")));
    if (Boolean.getBoolean("wheelwise.updateSnapshots")) {
      Files.createDirectories(RESOURCE.getParent());
      Files.write(RESOURCE, SnapshotCodec.write(fresh.snapshot()));
    }
  }

  @Test
  void committedResourceEqualsAFreshBuild() throws IOException {
    // Compared as booleans: a failure message printing 45,000 files helps nobody.
    boolean same = java.util.Arrays.equals(Files.readAllBytes(RESOURCE), SnapshotCodec.write(fresh.snapshot()));
    assertThat(same).as("committed " + RESOURCE + " is stale; run with -Dwheelwise.updateSnapshots=true").isTrue();
    assertThat(SnapshotCodec.embedded().orElseThrow().equals(fresh.snapshot())).as("embedded snapshot equals the fresh build").isTrue();
  }

  @Test
  void roundTripsThroughTheCodec() throws IOException {
    Snapshot back = SnapshotCodec.read(new ByteArrayInputStream(SnapshotCodec.write(fresh.snapshot())));
    assertThat(back.equals(fresh.snapshot())).isTrue();
    assertThat(back.fileCount()).isEqualTo(fresh.snapshot().fileCount()).isGreaterThan(40_000);
  }

  @Test
  void lazyReadingGivesTheSamePagesAsAFullRead() throws IOException {
    LazySnapshot lazy = LazySnapshot.of(SnapshotCodec.write(fresh.snapshot()));
    assertThat(lazy.projectCount()).isEqualTo(fresh.snapshot().projects().size());
    assertThat(lazy.date()).isEqualTo(fresh.snapshot().date());
    assertThat(lazy.releaseDates()).isEqualTo(fresh.snapshot().releaseDates());
    for (String name : fresh.snapshot().projects().keySet()) {
      assertThat(lazy.project(name).equals(fresh.snapshot().page(name))).as(name).isTrue();
    }
    assertThat(lazy.project("Python_Dateutil")).isPresent();
    assertThat(lazy.versions("a2wsgi").orElseThrow().get("1.10.7").dependencies()).containsExactly("typing-extensions; python_version < \"3.11\"");
    assertThat(lazy.project("no-such-project")).isEmpty();
  }

  @Test
  void uvLockFactsArrive() {
    Snapshot s = fresh.snapshot();
    // Cloud-Drift__clouddrift/uv.lock: numpy 2.4.4 sdist, hash, size and upload time
    DistFile sdist = s.projects().get("numpy").get("2.4.4").files().stream().filter(f -> f.filename().equals("numpy-2.4.4.tar.gz")).findFirst().orElseThrow();
    assertThat(sdist.sha256()).contains("2d390634c5182175533585cc89f3608a4682ccb173cc9bb940b2881c8d6f8fa0");
    assertThat(sdist.size()).hasValue(20731587);
    assertThat(sdist.uploadTime()).contains(Instant.parse("2026-03-29T13:22:01.298Z"));
    assertThat(sdist.yanked()).isEqualTo(Yanked.UNKNOWN);
    assertThat(s.projects().get("accessible-pygments").get("0.0.5").dependencies()).contains("pygments");
  }

  @Test
  void indexFactsNullsStayUnknownAndCompletenessIsCarried() {
    Snapshot s = fresh.snapshot();
    Snapshot.VersionFacts six = s.projects().get("six").get("1.14.0");
    assertThat(six.complete()).isTrue();
    DistFile wheel = six.files().stream().filter(f -> f.filename().equals("six-1.14.0-py2.py3-none-any.whl")).findFirst().orElseThrow();
    assertThat(wheel.url()).isEmpty();
    assertThat(wheel.size()).isEmpty();
    assertThat(wheel.uploadTime()).isEmpty();
    assertThat(wheel.requiresPython()).contains(">=2.7, !=3.0.*, !=3.1.*, !=3.2.*");
    // NOTES.md: a binary version is complete only where two independent full lists agree (numpy 1.18.1),
    // not where one lock lists it in full as of its date (matplotlib 3.1.2).
    assertThat(s.projects().get("numpy").get("1.18.1").complete()).isTrue();
    assertThat(s.projects().get("matplotlib").get("3.1.2").complete()).isFalse();
    assertThat(s.releaseDates().get("pandas").get("1.0.0").date()).hasToString("2020-01-29");
  }

  @Test
  void pdmDependenciesArePep508AndMirrorsCount() {
    Snapshot s = fresh.snapshot();
    assertThat(s.projects().get("a2wsgi").get("1.10.7").dependencies()).containsExactly("typing-extensions; python_version < \"3.11\"");
    assertThat(s.inputs()).anyMatch(i -> i.endsWith("poetry.lock")).anyMatch(i -> i.endsWith("pdm.lock"))
        .anyMatch(i -> i.endsWith("uv.lock")).anyMatch(i -> i.contains("pylock")).anyMatch(i -> i.endsWith("release-dates.tsv"));
    assertThat(s.inputs()).noneMatch(i -> i.endsWith("requirements.txt") || i.endsWith("pyproject.toml"));
  }

  @Test
  void everyCorpusPageFileIsInTheSnapshot() throws IOException {
    Snapshot s = fresh.snapshot();
    int checked = 0;
    try (var pages = Files.list(Shared.require("corpus/index-facts"))) {
      for (Path p : (Iterable<Path>) pages.filter(f -> f.toString().endsWith(".json"))::iterator) {
        var page = new com.fasterxml.jackson.databind.ObjectMapper().readTree(p.toFile());
        String name = page.get("name").asText();
        for (var f : page.get("files")) {
          String filename = f.get("filename").asText();
          String version = SnapshotBuilder.versionOf(name, filename).orElseThrow();
          assertThat(s.projects().get(name).get(version).files()).extracting(DistFile::filename).as(name).contains(filename);
          checked++;
        }
      }
    }
    assertThat(checked).isGreaterThan(3000);
  }

  @Test
  void sdistsAreReadAsPipReadsThem() {
    // Corpus poetry.locks list these; packaging's parse_sdist_filename refuses the first
    // two (.tar.bz2, .tgz) and reads the third as project scs-2-1-1: pip reads each after its project's name.
    Snapshot s = fresh.snapshot();
    assertThat(s.projects().get("prettytable").get("0.7.2").files()).extracting(DistFile::filename).contains("prettytable-0.7.2.tar.bz2");
    assertThat(s.projects().get("python-termstyle").get("0.1.10").files()).extracting(DistFile::filename)
        .contains("python-termstyle-0.1.10.tgz");
    assertThat(s.projects().get("scs").get("2.1.1.post2").files()).extracting(DistFile::filename).contains("scs-2.1.1-2.tar.gz");
    assertThat(fresh.skipped()).noneMatch(m -> m.contains("prettytable-0.7.2.tar.bz2") || m.contains("python-termstyle-0.1.10.tgz"));
  }

  @Test
  void untrustworthyLockEntriesAreReportedNotStored() {
    // pypa__pipenv/pylock.toml names every cffi wheel "cffi-2.0.0-py3-none-any.whl" with different hashes.
    assertThat(fresh.skipped()).anyMatch(m -> m.contains("pypa__pipenv/pylock.toml: cffi-2.0.0-py3-none-any.whl listed with"));
    Map<String, Snapshot.VersionFacts> cffi = fresh.snapshot().projects().get("cffi");
    assertThat(cffi.get("2.0.0").files()).extracting(f -> f.filename()).doesNotContain("cffi-2.0.0-py3-none-any.whl");
  }
}
