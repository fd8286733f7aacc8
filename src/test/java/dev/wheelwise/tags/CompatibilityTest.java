package dev.wheelwise.tags;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelwise.pep440.PipProfile;
import dev.wheelwise.pep440.Version;
import dev.wheelwise.tags.Compatibility.Compatible;
import dev.wheelwise.tags.Compatibility.Incompatible;
import dev.wheelwise.tags.Compatibility.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One case per reason: the wheel, the image, the reason, a fragment of the sentence. */
class CompatibilityTest {

  static Target target(String python, String libc, String arch) {
    String[] v = python.replace("t", "").split("\\.");
    return new Target(3, Integer.parseInt(v[1]), -1, python.endsWith("t"), Libc.parse(libc).orElseThrow(),
        Arch.parse(arch).orElseThrow());
  }

  @ParameterizedTest(name = "{3}: {0} on {1} {2}")
  @CsvSource(delimiter = '|', value = {
    "numpy-2.0-cp312-cp312-manylinux_2_28_x86_64.whl | glibc-2.17 | 26.1 | GLIBC_TOO_NEW | needs glibc 2.28, image has 2.17",
    "numpy-2.0-cp312-cp312-musllinux_1_2_x86_64.whl | musl-1.1 | 26.1 | MUSL_TOO_NEW | needs musl 1.2, image has 1.1",
    "numpy-2.0-cp312-cp312-musllinux_1_1_x86_64.whl | musl-1.2 | 21.1 | PIP_TOO_OLD | need pip 21.2 or newer",
    "numpy-2.0-cp312-cp312-manylinux_2_17_x86_64.whl | glibc-2.31 | 20.2 | PIP_TOO_OLD | (PEP 600) need pip 20.3",
    "numpy-2.0-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl | musl-1.2 | 26.1 | GLIBC_WHEEL_ON_MUSL | the image has musl 1.2",
    "numpy-2.0-cp312-cp312-musllinux_1_1_x86_64.whl | glibc-2.36 | 26.1 | MUSL_WHEEL_ON_GLIBC | the image has glibc 2.36",
    "numpy-2.0-cp312-cp312d-manylinux_2_17_x86_64.whl | glibc-2.36 | 26.1 | WRONG_ABI | ABI 'cp312d' is not one",
    "numpy-2.0-cp311-abi3t-manylinux_2_17_x86_64.whl | glibc-2.36 | 26.1 | WRONG_ABI | abi3t is the free-threaded stable ABI",
    "numpy-2.0-cp311-cp311-manylinux_2_17_x86_64.whl | glibc-2.36 | 26.1 | WRONG_PYTHON | built for CPython 3.11",
    "numpy-2.0-cp313-abi3-manylinux_2_17_x86_64.whl | glibc-2.36 | 26.1 | WRONG_PYTHON | needs CPython 3.13 or newer",
    "numpy-2.0-cp312-cp312-manylinux_2_17_aarch64.whl | glibc-2.36 | 26.1 | WRONG_ARCH | built for aarch64, the image is x86_64",
    "numpy-2.0-cp312-cp312-win_amd64.whl | glibc-2.36 | 26.1 | OTHER_OS | Windows",
    "numpy-2.0-cp312-cp312-macosx_11_0_arm64.whl | glibc-2.36 | 26.1 | OTHER_OS | macOS",
    "numpy-2.0-cp312-cp312-plan9_x86_64.whl | glibc-2.36 | 26.1 | UNKNOWN_TAG | unknown platform tag",
  })
  void explainsWhyAWheelDoesNotFit(String wheel, String libc, String pip, Reason reason, String fragment) throws Exception {
    SupportedTags tags = SupportedTags.of(target("3.12", libc, "x86_64"), PipProfile.forPip(Version.parse(pip)));
    Compatibility c = tags.compatibility(WheelFilename.parse(wheel));
    assertThat(c).isInstanceOfSatisfying(Incompatible.class, i -> {
      assertThat(i.reason()).isEqualTo(reason);
      assertThat(i.detail()).contains(fragment);
    });
  }

  @Test
  void abi3OnFreeThreaded() throws Exception {
    SupportedTags tags = SupportedTags.of(target("3.13t", "glibc-2.36", "x86_64"), PipProfile.DEFAULT);
    assertThat(tags.compatibility(WheelFilename.parse("cryptography-44.0-cp39-abi3-manylinux_2_34_x86_64.whl")))
        .isEqualTo(new Incompatible(Reason.ABI3_ON_FREE_THREADED,
            "abi3 wheels do not load on a free-threaded interpreter (CPython 3.13t)"));
  }

  @Test
  void freeThreadedWheelOnAGilBuildAndTheReverse() throws Exception {
    SupportedTags gil = SupportedTags.of(target("3.13", "glibc-2.36", "x86_64"), PipProfile.DEFAULT);
    assertThat(gil.compatibility(WheelFilename.parse("x-1-cp313-cp313t-manylinux_2_17_x86_64.whl")))
        .isEqualTo(new Incompatible(Reason.WRONG_ABI, "needs a free-threaded interpreter (cp313t), the image has cp313"));
    SupportedTags ft = SupportedTags.of(target("3.13t", "glibc-2.36", "x86_64"), PipProfile.DEFAULT);
    assertThat(ft.compatibility(WheelFilename.parse("x-1-cp313-cp313-manylinux_2_17_x86_64.whl")))
        .isInstanceOfSatisfying(Incompatible.class, i -> assertThat(i.reason()).isEqualTo(Reason.WRONG_ABI));
  }

  @Test
  void belowTheArchitectureFloorNoInstallerAccepts() throws Exception {
    SupportedTags tags = SupportedTags.of(target("3.12", "glibc-2.36", "aarch64"), PipProfile.DEFAULT);
    Compatibility c = tags.compatibility(WheelFilename.parse("x-1-cp312-cp312-manylinux_2_12_aarch64.whl"));
    assertThat(c).isInstanceOfSatisfying(Incompatible.class, i -> {
      assertThat(i.reason()).isEqualTo(Reason.UNKNOWN_TAG);
      assertThat(i.detail()).contains("below the oldest manylinux for aarch64 (2.17)");
    });
  }

  @Test
  void theClosestTagGivesTheReason() throws Exception {
    SupportedTags tags = SupportedTags.of(target("3.12", "glibc-2.17", "x86_64"), PipProfile.DEFAULT);
    Compatibility c = tags.compatibility(WheelFilename.parse(
        "x-1-cp312-cp312-manylinux_2_28_x86_64.musllinux_1_2_x86_64.whl"));
    assertThat(c).isInstanceOfSatisfying(Incompatible.class, i -> assertThat(i.reason()).isEqualTo(Reason.GLIBC_TOO_NEW));
  }

  @Test
  void compatibleWheelsGetTheirBestTagsRank() throws Exception {
    SupportedTags tags = SupportedTags.of(target("3.12", "glibc-2.17", "x86_64"), PipProfile.DEFAULT);
    WheelFilename numpy = WheelFilename.parse("numpy-2.0-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl");
    assertThat(tags.compatibility(numpy)).isEqualTo(new Compatible(0));
    WheelFilename pure = WheelFilename.parse("six-1.16.0-py2.py3-none-any.whl");
    assertThat(tags.compatibility(pure)).isEqualTo(new Compatible(tags.rank(new Tag("py3", "none", "any")).orElseThrow()));
    WheelFilename abi3 = WheelFilename.parse("x-1-cp38-abi3-manylinux2014_x86_64.whl");
    assertThat(((Compatible) tags.compatibility(abi3)).rank()).isGreaterThan(((Compatible) tags.compatibility(numpy)).rank())
        .isLessThan(((Compatible) tags.compatibility(pure)).rank());
  }

  @Test
  void reasonsAreOrderedMostSpecificFirst() {
    assertThat(Reason.GLIBC_TOO_NEW).isLessThan(Reason.GLIBC_WHEEL_ON_MUSL);
    assertThat(Reason.WRONG_ABI).isLessThan(Reason.WRONG_PYTHON);
    assertThat(Reason.WRONG_ARCH).isLessThan(Reason.OTHER_OS);
  }
}
