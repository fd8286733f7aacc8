package dev.wheelwise.advise;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelwise.image.Catalog;
import dev.wheelwise.pep440.Version;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@link Planner}'s verdict rules, one test per rule, on real catalog images (python:3.12-slim,
 * python:3.12-alpine), the bundled build knowledge and real PyPI file names: what makes an image
 * {@code wheels}, {@code builds}, {@code fails}, {@code unknown} or {@code unavailable}. The
 * commands' tests reach these rules only through whole projects.
 */
class PlannerTest {
  private static final CostModel COST = KnowledgeCosts.load();
  private static final ImageCandidate SLIM = candidate("python:3.12-slim");
  private static final ImageCandidate ALPINE = candidate("python:3.12-alpine");

  private static final Wanted SIX = pinned("six", "1.17.0", "six-1.17.0-py2.py3-none-any.whl", "six-1.17.0.tar.gz");
  private static final Wanted NUMPY = pinned("numpy", "2.0.2", "numpy-2.0.2-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl",
      "numpy-2.0.2-cp312-cp312-win_amd64.whl", "numpy-2.0.2.tar.gz");

  @Test
  void everyPackageFromAWheelIsWheels() {
    ImagePlan plan = plan(SLIM, CheckInput.Packages.of(List.of(SIX, NUMPY)), Optional.empty());
    assertThat(plan.verdict()).isEqualTo(Verdict.WHEELS);
    assertThat(plan.summary().wheels()).isEqualTo(2);
    assertThat(plan.summary().sourceBuilds()).isZero();
    assertThat(plan.reason()).isEmpty();
  }

  @Test
  void aCompiledBuildWithoutItsCompilerOnTheImageFailsAndNamesWhatIsMissing() {
    // numpy 2.0.2 has no musllinux wheel: pip builds the sdist, and python:3.12-alpine has no gcc.
    ImagePlan plan = plan(ALPINE, CheckInput.Packages.of(List.of(SIX, NUMPY)), Optional.empty());
    assertThat(plan.verdict()).isEqualTo(Verdict.FAILS);
    assertThat(plan.summary().sourceBuilds()).isEqualTo(1);
    assertThat(plan.failure()).hasValueSatisfying(f -> assertThat(f.missingSystemPackages()).isNotEmpty());
    assertThat(plan.packages()).filteredOn(p -> p.name().equals("numpy")).singleElement()
        .satisfies(p -> assertThat(p.choice()).isInstanceOf(Choice.Sdist.class));
  }

  @Test
  void theDockerfilesOwnSystemPackagesCountAsInstalled() {
    // The same build, with the apk line a Dockerfile runs before pip: the compile no longer fails for want of gcc.
    ImagePlan bare = plan(ALPINE, CheckInput.Packages.of(List.of(NUMPY)), Optional.empty());
    Set<String> missing = Set.copyOf(bare.failure().orElseThrow().missingSystemPackages());
    ImagePlan equipped = plan(ALPINE, CheckInput.Packages.of(List.of(NUMPY)),
        Optional.of(new CheckInput.DockerfileSetup(missing, false, false, Optional.empty())));
    assertThat(equipped.verdict()).isNotEqualTo(Verdict.FAILS);
    assertThat(equipped.failure()).isEmpty();
  }

  @Test
  void anSdistWhoseProjectOnlyEverShippedPurePythonWheelsBuildsWithoutACompiler() {
    // antlr4-python3-runtime 4.9.3 is an sdist only; its later releases ship py3-none-any wheels
    // alone: likely pure Python, so pip builds it in seconds on any image, with no system packages.
    Version v = Version.tryParse("4.9.3");
    Version later = Version.tryParse("4.13.2");
    Wanted antlr = new Wanted("antlr4-python3-runtime", VersionFilter.exactly(v),
        List.of(CandidateFile.of("antlr4-python3-runtime", v, "antlr4-python3-runtime-4.9.3.tar.gz")), true, Optional.empty(),
        List.of(CandidateFile.of("antlr4-python3-runtime", later, "antlr4_python3_runtime-4.13.2-py3-none-any.whl")), Optional.empty());
    for (ImageCandidate image : List.of(SLIM, ALPINE)) {
      ImagePlan plan = plan(image, CheckInput.Packages.of(List.of(SIX, antlr)), Optional.empty());
      assertThat(plan.verdict()).as(image.image()).isEqualTo(Verdict.BUILDS);
      assertThat(plan.summary().sourceBuilds()).isEqualTo(1);
      assertThat(plan.failure()).isEmpty();
    }
  }

  @Test
  void aReleaseWithNothingForTheImageMakesItUnavailableNamingThePackage() {
    Wanted pywin32 = pinned("pywin32", "306", "pywin32-306-cp312-cp312-win_amd64.whl", "pywin32-306-cp312-cp312-win32.whl");
    ImagePlan plan = plan(SLIM, CheckInput.Packages.of(List.of(SIX, pywin32)), Optional.empty());
    assertThat(plan.verdict()).isEqualTo(Verdict.UNAVAILABLE);
    assertThat(plan.reason()).hasValueSatisfying(r -> assertThat(r).startsWith("pywin32 306: no wheel for "));
  }

  @Test
  void aPackageWithNoFilesKnownMakesTheVerdictUnknownNotWheels() {
    Wanted unseen = Wanted.listed("unseen-project", VersionFilter.exactly(Version.tryParse("1.0")), List.of(), Optional.empty());
    ImagePlan plan = plan(SLIM, CheckInput.Packages.of(List.of(SIX, unseen)), Optional.empty());
    assertThat(plan.verdict()).isEqualTo(Verdict.UNKNOWN);
    assertThat(plan.reason()).hasValueSatisfying(r -> assertThat(r).startsWith("1 package(s) unknown"));
  }

  @Test
  void releasesWhoseDependenciesWereNeverRecordedMakeWheelsUnknown() {
    CheckInput.Packages packages = new CheckInput.Packages(List.of(SIX), Optional.empty(), List.of(), List.of("six 1.17.0"));
    ImagePlan plan = plan(SLIM, packages, Optional.empty());
    assertThat(plan.verdict()).isEqualTo(Verdict.UNKNOWN);
    assertThat(plan.reason()).hasValueSatisfying(r -> assertThat(r).contains("the dependencies of six 1.17.0 are not known"));
  }

  @Test
  void anInstallThatCouldNotBeReadMakesWhatWasReadUnknown() {
    CheckInput.Packages packages = CheckInput.Packages.of(List.of(SIX)).withUnread(List.of("requirements.txt (not in the build context)"));
    ImagePlan plan = plan(SLIM, packages, Optional.of(new CheckInput.DockerfileSetup(Set.of(), false, false, Optional.empty())));
    assertThat(plan.verdict()).isEqualTo(Verdict.UNKNOWN);
    assertThat(plan.reason()).hasValueSatisfying(r -> assertThat(r)
        .isEqualTo("not everything the Dockerfile installs was read: requirements.txt (not in the build context)"));
  }

  @Test
  void aDockerfileWithNothingComparedIsNotCalledWheels() {
    ImagePlan plan = plan(SLIM, CheckInput.Packages.of(List.of()), Optional.of(new CheckInput.DockerfileSetup(Set.of(), false, false,
        Optional.empty())));
    assertThat(plan.verdict()).isEqualTo(Verdict.UNKNOWN);
    assertThat(plan.reason()).hasValueSatisfying(r -> assertThat(r).startsWith("nothing was compared"));
  }

  @Test
  void aPythonTheProjectExcludesIsUnavailable() {
    CheckInput input = new CheckInput(List.of(), Optional.of(">=3.13"), i -> CheckInput.Packages.of(List.of(SIX)), FormatControl.DEFAULT,
        Optional.empty());
    ImagePlan plan = new Planner(COST).plan(input, SLIM);
    assertThat(plan.verdict()).isEqualTo(Verdict.UNAVAILABLE);
    assertThat(plan.reason()).hasValueSatisfying(r -> assertThat(r).startsWith("the project requires Python >=3.13; the image has 3.12"));
  }

  private static ImagePlan plan(ImageCandidate image, CheckInput.Packages packages, Optional<CheckInput.DockerfileSetup> dockerfile) {
    CheckInput input = new CheckInput(List.of(), Optional.empty(), i -> packages, FormatControl.DEFAULT, dockerfile);
    return new Planner(COST).plan(input, image);
  }

  private static Wanted pinned(String project, String version, String... files) {
    Version v = Version.tryParse(version);
    List<CandidateFile> listed = java.util.Arrays.stream(files)
        .map(f -> new CandidateFile(project, v, f, OptionalLong.of(1_000_000), Optional.empty(), false, Optional.empty())).toList();
    return Wanted.listed(project, VersionFilter.exactly(v), listed, Optional.empty());
  }

  private static ImageCandidate candidate(String image) {
    CandidateSearch.Outcome out = CandidateSearch.search(new CandidateSearch.Request(Catalog.bundled(), Optional.empty(), Optional.empty(),
        Optional.empty(), List.of(image), List.of(), Optional.empty(), Optional.empty(), Optional.empty()));
    return ((CandidateSearch.Placed) out).candidates().get(0);
  }
}
