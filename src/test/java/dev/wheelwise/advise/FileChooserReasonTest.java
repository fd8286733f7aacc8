package dev.wheelwise.advise;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelwise.pep440.Version;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The reason a release has nothing to install on an image. The chooser works it out only when
 * no file fits (most files of a release do not fit any one image, and why each does not costs
 * a sort and strings per tag), so these check the reason is the same as when it was worked out
 * for every file: the most specific of the wheels' reasons, with the count.
 */
class FileChooserReasonTest {
  private static final OracleTargets.Facts SLIM_AMD64 = OracleTargets.ALL.get(0);
  private static final OracleTargets.Facts ALPINE_2020 = OracleTargets.ALL.get(4);

  private static Choice choose(OracleTargets.Facts image, String project, String version, String... files) {
    Version v = Version.tryParse(version);
    List<CandidateFile> candidates = java.util.Arrays.stream(files).map(f -> CandidateFile.of(project, v, f)).toList();
    return new FileChooser(image.chooserTarget(), FormatControl.DEFAULT).choose(project, VersionFilter.exactly(v), candidates);
  }

  @Test
  void windowsOnlyReleaseSaysSoAndThatThereIsNoSdist() {
    // pywin32 306 as PyPI lists its CPython 3.12 files: Windows wheels, no sdist.
    Choice c = choose(SLIM_AMD64, "pywin32", "306",
        "pywin32-306-cp312-cp312-win32.whl", "pywin32-306-cp312-cp312-win_amd64.whl", "pywin32-306-cp312-cp312-win_arm64.whl");
    assertThat(c).isInstanceOf(Choice.Nothing.class);
    assertThat(((Choice.Nothing) c).reason())
        .startsWith("no wheel for ")
        .contains("(of 3 wheels, the closest: built for Windows (win32), the image is Linux)")
        .endsWith(" and no sdist");
  }

  @Test
  void theClosestIsTheMostSpecificReasonAmongTheWheels() {
    // numpy 2.0.2's cp312 files for Windows, macOS and Linux on ARM: on amd64 the ARM wheel is
    // the nearest miss (right system, wrong architecture), whatever order the files come in.
    String[] files = {"numpy-2.0.2-cp312-cp312-win_amd64.whl", "numpy-2.0.2-cp312-cp312-macosx_14_0_arm64.whl",
        "numpy-2.0.2-cp312-cp312-manylinux_2_17_aarch64.manylinux2014_aarch64.whl"};
    Choice c = choose(SLIM_AMD64, "numpy", "2.0.2", files);
    assertThat(((Choice.Nothing) c).reason()).contains("(of 3 wheels, the closest: built for aarch64, the image is x86_64)");
    List<String> reversed = new java.util.ArrayList<>(List.of(files));
    java.util.Collections.reverse(reversed);
    assertThat(choose(SLIM_AMD64, "numpy", "2.0.2", reversed.toArray(String[]::new))).isEqualTo(c);
  }

  @Test
  void aReleaseThatFitsIsChosenAsBeforeAndItsSdistOnlyWhenNoWheelDoes() {
    // On python:3.8-alpine in January 2020 (musl, pip 20.0.2) no manylinux wheel fits: pip builds the sdist.
    Choice alpine = choose(ALPINE_2020, "numpy", "1.18.1", "numpy-1.18.1-cp38-cp38-manylinux1_x86_64.whl",
        "numpy-1.18.1.zip");
    assertThat(alpine).isInstanceOf(Choice.Sdist.class);
    Choice slim = choose(SLIM_AMD64, "numpy", "2.0.2", "numpy-2.0.2-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl",
        "numpy-2.0.2.tar.gz");
    assertThat(slim).isInstanceOf(Choice.Wheel.class);
    assertThat(((Choice.Wheel) slim).file().filename()).endsWith("manylinux2014_x86_64.whl");
  }

  @Test
  void explainNamesEachFilesReasonInWordsBeforeItsDetail() {
    FileChooser chooser = new FileChooser(SLIM_AMD64.chooserTarget(), FormatControl.DEFAULT);
    Version v = Version.tryParse("2.0.2");
    assertThat(chooser.judge("numpy", CandidateFile.of("numpy", v, "numpy-2.0.2-cp312-cp312-manylinux_2_17_aarch64.manylinux2014_aarch64.whl"))
        .why()).isEqualTo("wrong architecture: built for aarch64, the image is x86_64");
    assertThat(chooser.judge("numpy", CandidateFile.of("numpy", v, "numpy-2.0.2-cp312-cp312-win_amd64.whl")).why())
        .startsWith("other operating system: built for Windows");
    assertThat(chooser.judge("numpy", CandidateFile.of("numpy", v, "numpy-2.0.2-cp312-cp312-musllinux_1_1_x86_64.whl")).why())
        .startsWith("musl wheel on glibc: ");
  }
}
