package dev.wheelwise.advise;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelwise.image.Catalog;
import dev.wheelwise.pep440.Version;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link Remedies} and {@link Blockers} on real catalog images and the real build knowledge, a row
 * per kind of fix: the apt/apk line a compiled build lacks, and per blocking package the first
 * later release the source lists with a wheel for the image (or that none has one).
 */
class RemediesTest {

  private static final CostModel COST = KnowledgeCosts.load();

  /** The project's one locked release (its files), the releases the source lists, the image, and what the fix must say. */
  record Row(String rule, String image, String project, String version, List<String> lockedFiles, List<String> laterFiles,
      Verdict verdict, String kind, String says) {
    @Override
    public String toString() {
      return rule;
    }
  }

  static Stream<Arguments> rows() {
    return Stream.of(
        new Row("a compiled build on slim: the apt line that adds its packages", "python:3.14-slim", "numpy", "2.2.6",
            List.of("numpy-2.2.6-cp313-cp313-manylinux_2_17_x86_64.manylinux2014_x86_64.whl", "numpy-2.2.6.tar.gz"), List.of(),
            Verdict.FAILS, "system-packages", "RUN apt-get update && apt-get install -y --no-install-recommends "),
        new Row("a compiled build on alpine: the apk line", "python:3.14-alpine", "numpy", "2.2.6",
            List.of("numpy-2.2.6-cp313-cp313-musllinux_1_2_x86_64.whl", "numpy-2.2.6.tar.gz"), List.of(),
            Verdict.FAILS, "system-packages", "RUN apk add --no-cache "),
        new Row("no file for the image: the first later release with a wheel here", "python:3.14-slim", "pydantic-core", "2.33.2",
            List.of("pydantic_core-2.33.2-cp313-cp313-manylinux_2_17_x86_64.manylinux2014_x86_64.whl"),
            List.of("pydantic_core-2.34.0-cp313-cp313-manylinux_2_17_x86_64.manylinux2014_x86_64.whl",
                "pydantic_core-2.35.1-cp314-cp314-manylinux_2_17_x86_64.manylinux2014_x86_64.whl",
                "pydantic_core-2.36.0-cp314-cp314-manylinux_2_17_x86_64.manylinux2014_x86_64.whl"),
            Verdict.UNAVAILABLE, "upgrade", "pydantic-core ≥ 2.35.1, the first later release seen with a wheel here"),
        new Row("no later release has a wheel for musl: said so", "python:3.14-alpine", "pydantic-core", "2.33.2",
            List.of("pydantic_core-2.33.2-cp313-cp313-manylinux_2_17_x86_64.manylinux2014_x86_64.whl"),
            List.of("pydantic_core-2.35.1-cp314-cp314-manylinux_2_17_x86_64.manylinux2014_x86_64.whl"),
            Verdict.UNAVAILABLE, "upgrade", "no later release seen has a wheel here"))
        .map(Arguments::of);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void says(Row row) {
    ImageCandidate image = candidate(row.image());
    Version v = Version.tryParse(row.version());
    List<CandidateFile> locked = row.lockedFiles().stream().map(f -> file(row.project(), v, f)).toList();
    Wanted wanted = Wanted.listed(row.project(), VersionFilter.exactly(v), locked, Optional.empty());
    CheckInput input = new CheckInput(List.of(), Optional.empty(), i -> CheckInput.Packages.of(List.of(wanted)), FormatControl.DEFAULT,
        Optional.empty());
    ImagePlan plan = new Planner(COST).plan(input, image);
    assertThat(plan.verdict()).isEqualTo(row.verdict());

    List<String> said;
    if (row.kind().equals("upgrade")) {
      FileSource later = source(row.laterFiles().stream().map(f -> file(row.project(), Version.tryParse(f.split("-")[1]), f)).toList());
      said = Blockers.of(plan, input, Optional.of(later));
      assertThat(said).allSatisfy(s -> assertThat(s).startsWith("on " + row.image() + " (linux/amd64) " + row.project() + " " + row.version()));
      assertThat(Ranking.installs(plan)).isFalse();
    } else {
      said = Remedies.forPlan(plan, input, Optional.empty(), COST).stream().filter(r -> r.kind().equals(row.kind()))
          .map(CheckResult.Remedy::text).toList();
      assertThat(Remedies.systemPackagesLine(plan, input, COST)).hasValueSatisfying(l -> assertThat(l).startsWith(row.says()));
      // Every system package is known, so the image installs once the line is added.
      assertThat(Ranking.installs(plan)).isTrue();
    }
    assertThat(said).anySatisfy(s -> assertThat(s).contains(row.says()));
  }

  @Test
  void aPinWhoseFilesAreUnknownGetsNoUpgrade() {
    // bakerydemo pins elasticsearch==5.5.3, a release the snapshot never saw: unknown, which a
    // later release with a wheel does not answer (5.5.3 may well have one).
    ImageCandidate image = candidate("python:3.12-slim");
    Version pinned = Version.tryParse("5.5.3");
    Wanted wanted = Wanted.listed("elasticsearch", VersionFilter.exactly(pinned), List.of(), Optional.empty());
    CheckInput input = new CheckInput(List.of(), Optional.empty(), i -> CheckInput.Packages.of(List.of(wanted)), FormatControl.DEFAULT,
        Optional.empty());
    ImagePlan plan = new Planner(COST).plan(input, image);
    assertThat(plan.verdict()).isEqualTo(Verdict.UNKNOWN);
    FileSource later = source(List.of(file("elasticsearch", Version.tryParse("7.17.13"), "elasticsearch-7.17.13-py2.py3-none-any.whl")));
    assertThat(Blockers.upgrades(plan, input, Optional.of(later))).isEmpty();
    assertThat(Blockers.of(plan, input, Optional.of(later))).singleElement()
        .satisfies(line -> assertThat(line).contains("elasticsearch 5.5.3: unknown: no files known").doesNotContain("≥"));
  }

  private static ImageCandidate candidate(String image) {
    CandidateSearch.Outcome out = CandidateSearch.search(new CandidateSearch.Request(Catalog.bundled(), Optional.empty(), Optional.empty(),
        Optional.empty(), List.of(image), List.of(), Optional.empty(), Optional.empty(), Optional.empty()));
    return ((CandidateSearch.Placed) out).candidates().get(0);
  }

  private static CandidateFile file(String project, Version version, String name) {
    return new CandidateFile(project, version, name, OptionalLong.of(1_000_000), Optional.empty(), false, Optional.empty());
  }

  private static FileSource source(List<CandidateFile> files) {
    return new FileSource() {
      @Override
      public List<CandidateFile> files(String canonicalName) {
        return files;
      }

      @Override
      public boolean complete(String canonicalName, Version version) {
        return true;
      }

      @Override
      public String describe() {
        return "test";
      }
    };
  }
}
