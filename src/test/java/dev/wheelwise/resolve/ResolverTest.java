package dev.wheelwise.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelwise.advise.CandidateFile;
import dev.wheelwise.advise.FileSource;
import dev.wheelwise.pep440.Version;
import dev.wheelwise.tags.Arch;
import dev.wheelwise.tags.Libc;
import dev.wheelwise.tags.Target;
import dev.wheelwise.index.LoopbackIndex;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Backtracking, skipped versions, unknown metadata and conflict explanations on small cases
 * shaped like real ones (real project names, versions, file names and dependency bounds of
 * boto3/botocore/urllib3 and numpy). Each solved case is also put to pip 23.2.1 on a loopback
 * index, so the expected answers are pip's, not ours.
 */
class ResolverTest {

  private static final Target SLIM = new Target(3, 12, 0, false, Libc.glibc(2, 36), Arch.X86_64);

  private static LockUniverse.Release release(String name, String version, List<String> deps, String... files) {
    return new LockUniverse.Release(name, version, List.of(files), deps);
  }

  private static final LockUniverse BOTO = LockUniverse.of(
      release("boto3", "1.34.0", List.of("botocore<1.35.0,>=1.34.0"), "boto3-1.34.0-py3-none-any.whl"),
      release("boto3", "1.28.0", List.of("botocore<1.32.0,>=1.31.0"), "boto3-1.28.0-py3-none-any.whl"),
      release("boto3", "1.26.0", List.of("botocore<1.30.0,>=1.29.0"), "boto3-1.26.0-py3-none-any.whl"),
      release("botocore", "1.34.0", List.of("urllib3<2.1,>=1.25.4"), "botocore-1.34.0-py3-none-any.whl"),
      release("botocore", "1.31.0", List.of("urllib3<1.27,>=1.25.4"), "botocore-1.31.0-py3-none-any.whl"),
      release("botocore", "1.29.0", List.of("urllib3<3,>=1.25.4"), "botocore-1.29.0-py3-none-any.whl"),
      release("urllib3", "2.2.3", List.of(), "urllib3-2.2.3-py3-none-any.whl"),
      release("urllib3", "2.0.7", List.of(), "urllib3-2.0.7-py3-none-any.whl"),
      release("urllib3", "1.26.18", List.of(), "urllib3-1.26.18-py2.py3-none-any.whl"),
      release("numpy", "2.1.0", List.of(), "numpy-2.1.0-cp313-cp313-manylinux_2_17_x86_64.manylinux2014_x86_64.whl",
          "numpy-2.1.0-cp312-cp312-musllinux_1_2_x86_64.whl"),
      release("numpy", "1.26.4", List.of(), "numpy-1.26.4-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl",
          "numpy-1.26.4-cp312-cp312-musllinux_1_1_x86_64.whl"),
      release("requests", "2.32.3", List.of("urllib3<3,>=1.21.1", "PySocks!=1.5.7,>=1.5.6; extra == \"socks\""),
          "requests-2.32.3-py3-none-any.whl"),
      release("pysocks", "1.7.1", List.of(), "PySocks-1.7.1-py3-none-any.whl"),
      release("pandas", "2.2.2", List.of("numpy>=1.26.0"), "pandas-2.2.2-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl"));

  private static Map<String, String> pins(Resolution r) {
    Map<String, String> out = new TreeMap<>();
    r.pinned().forEach(p -> out.put(p.name(), p.version() + " " + p.file()));
    return out;
  }

  @Test
  void backtracksToAnOlderParentWhenItsDependencyConflicts(@TempDir Path tmp) throws Exception {
    List<String> roots = List.of("boto3", "urllib3>=2.1");
    Resolution r = PipOracle.resolve(BOTO, SLIM, roots);
    assertThat(r.solved()).isTrue();
    assertThat(pins(r)).containsExactlyInAnyOrderEntriesOf(Map.of(
        "boto3", "1.26.0 boto3-1.26.0-py3-none-any.whl",
        "botocore", "1.29.0 botocore-1.29.0-py3-none-any.whl",
        "urllib3", "2.2.3 urllib3-2.2.3-py3-none-any.whl"));
    assertThat(r.rounds()).as("it had to go back").isGreaterThan(3);
    assertThat(pins(r)).isEqualTo(pip(roots, tmp));
  }

  @Test
  void takesTheNewestVersionThatHasAFileForTheTarget(@TempDir Path tmp) throws Exception {
    List<String> roots = List.of("pandas");
    Resolution r = PipOracle.resolve(BOTO, SLIM, roots);
    // numpy 2.1.0 has no cp312 manylinux wheel: pip skips it without a word.
    assertThat(pins(r)).containsEntry("numpy", "1.26.4 numpy-1.26.4-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl");
    assertThat(pins(r)).isEqualTo(pip(roots, tmp));
    Resolution musl = PipOracle.resolve(BOTO, new Target(3, 12, 0, false, Libc.musl(1, 2), Arch.X86_64), List.of("numpy"));
    assertThat(pins(musl)).containsEntry("numpy", "2.1.0 numpy-2.1.0-cp312-cp312-musllinux_1_2_x86_64.whl");
  }

  @Test
  void anExtraBringsItsDependenciesAndOnlyThen(@TempDir Path tmp) throws Exception {
    List<String> roots = List.of("requests[socks]", "urllib3<2");
    Resolution r = PipOracle.resolve(BOTO, SLIM, roots);
    assertThat(pins(r)).containsExactlyInAnyOrderEntriesOf(Map.of(
        "requests", "2.32.3 requests-2.32.3-py3-none-any.whl",
        "pysocks", "1.7.1 PySocks-1.7.1-py3-none-any.whl",
        "urllib3", "1.26.18 urllib3-1.26.18-py2.py3-none-any.whl"));
    assertThat(pins(r)).isEqualTo(pip(roots, tmp));
    assertThat(pins(PipOracle.resolve(BOTO, SLIM, List.of("requests")))).doesNotContainKey("pysocks");
  }

  @Test
  void explainsAConflictWithTheChainFromTheRequest(@TempDir Path tmp) throws Exception {
    List<String> roots = List.of("boto3==1.34.0", "urllib3>=2.1");
    Resolution r = PipOracle.resolve(BOTO, SLIM, roots);
    assertThat(r.solved()).isFalse();
    assertThat(r.conflict().get())
        .contains("no version of urllib3 satisfies all of")
        .contains("'urllib3>=2.1' (requested)")
        .contains("'urllib3<2.1,>=1.25.4' (required by botocore==1.34.0 ← required by boto3==1.34.0 ← requested as 'boto3==1.34.0')")
        .contains("versions installable on CPython 3.12 glibc-2.36 x86_64: 2.2.3, 2.0.7, 1.26.18");
    assertThat(pip(roots, tmp)).as("pip agrees there is no solution").isNull();
  }

  @Test
  void aReleaseWithoutRecordedDependenciesIsReportedNotAssumedEmpty() throws Exception {
    LockUniverse partial = new LockUniverse(Map.of("boto3", BOTO.projects().get("boto3"), "botocore", BOTO.projects().get("botocore")));
    LockUniverse noDeps = LockUniverse.of(release("boto3", "1.34.0", List.of("botocore<1.35.0,>=1.34.0"), "boto3-1.34.0-py3-none-any.whl"));
    Resolution r = PipOracle.resolve(partial, SLIM, List.of("boto3"));
    assertThat(r.unknown()).extracting(Resolution.Unknown::name).containsExactly("urllib3");
    assertThat(r.unknown().get(0).reason()).contains("no files known for urllib3").contains("botocore==1.34.0");
    Resolution missing = PipOracle.resolve(new UnrecordedDependencies(noDeps), SLIM, List.of("boto3"));
    assertThat(missing.unknown()).singleElement().satisfies(u -> {
      assertThat(u.name()).isEqualTo("boto3");
      assertThat(u.reason()).contains("dependencies of boto3 1.34.0 are not known");
    });
  }

  /** The same files, with no dependency facts at all (as the snapshot has for most releases). */
  private record UnrecordedDependencies(LockUniverse files) implements FileSource {
    @Override
    public List<CandidateFile> files(String canonicalName) {
      return files.files(canonicalName);
    }

    @Override
    public boolean complete(String canonicalName, Version version) {
      return true;
    }

    @Override
    public String describe() {
      return "files only";
    }
  }

  @Test
  void aReleaseWhoseMetadataExcludesThePythonIsPassedOver(@TempDir Path tmp) throws Exception {
    // The page gives no requires-python: only the metadata pip reads for the candidate says it. pip
    // checks it against the Python it runs on (in an image, the image's; here the host's 3.11):
    // a bound excluding both keeps the oracle honest.
    LockUniverse newer = BOTO.withRequiresPython("urllib3", "2.2.3", ">=3.13");
    Resolution r = PipOracle.resolve(newer, SLIM, List.of("botocore"));
    assertThat(pins(r)).containsEntry("urllib3", "2.0.7 urllib3-2.0.7-py3-none-any.whl");
    assertThat(pins(r)).isEqualTo(pip(newer, List.of("botocore"), tmp.resolve("a")));
    Resolution none = PipOracle.resolve(newer, SLIM, List.of("urllib3>=2.1"));
    assertThat(none.conflict()).contains("urllib3==2.2.3 requires Python >=3.13 (Requires-Python in its metadata),"
        + " but CPython 3.12 glibc-2.36 x86_64 has Python 3.12.0");
    assertThat(pip(newer, List.of("urllib3>=2.1"), tmp.resolve("b"))).as("pip finds no solution either").isNull();
  }

  private static Map<String, String> pip(List<String> roots, Path tmp) throws Exception {
    return pip(BOTO, roots, tmp);
  }

  private static Map<String, String> pip(LockUniverse universe, List<String> roots, Path tmp) throws Exception {
    try (LoopbackIndex index = new LoopbackIndex(null)) {
      PipOracle.serve(index, universe);
      return PipOracle.choose(index.base(), SLIM, roots, tmp.resolve("target"));
    }
  }
}
