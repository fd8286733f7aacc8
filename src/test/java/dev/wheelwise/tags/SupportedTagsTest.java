package dev.wheelwise.tags;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelwise.pep440.PipProfile;
import dev.wheelwise.pep440.Version;
import java.util.LinkedHashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The edge cases of research §1.1–1.3, by name. */
class SupportedTagsTest {

  static final PipProfile PIP_26 = PipProfile.DEFAULT;

  static PipProfile pip(String version) {
    return PipProfile.forPip(Version.tryParse(version));
  }

  static Target cp(int minor, Libc libc, Arch arch) {
    return new Target(3, minor, -1, false, libc, arch);
  }

  static List<String> platforms(SupportedTags tags) {
    return List.copyOf(new LinkedHashSet<>(tags.ordered().stream().map(Tag::platform).filter(p -> !p.equals("any")).toList()));
  }

  static List<String> strings(SupportedTags tags) {
    return tags.ordered().stream().map(Tag::toString).toList();
  }

  @Test
  void manylinux2014AliasSitsRightAfterManylinux_2_17() {
    List<String> p = platforms(SupportedTags.of(cp(12, Libc.glibc(2, 36), Arch.X86_64), PIP_26));
    assertThat(p.get(0)).isEqualTo("manylinux_2_36_x86_64");
    assertThat(p.indexOf("manylinux2014_x86_64")).isEqualTo(p.indexOf("manylinux_2_17_x86_64") + 1);
    assertThat(p.indexOf("manylinux2010_x86_64")).isEqualTo(p.indexOf("manylinux_2_12_x86_64") + 1);
    assertThat(p.indexOf("manylinux1_x86_64")).isEqualTo(p.indexOf("manylinux_2_5_x86_64") + 1);
    assertThat(p).endsWith("manylinux_2_5_x86_64", "manylinux1_x86_64", "linux_x86_64");
  }

  @Test
  void aarch64FloorIsGlibc2_17() {
    List<String> p = platforms(SupportedTags.of(cp(12, Libc.glibc(2, 28), Arch.AARCH64), PIP_26));
    assertThat(p).hasSize(28 - 17 + 1 + 1 + 1) // 2_28…2_17, manylinux2014, linux
        .endsWith("manylinux_2_17_aarch64", "manylinux2014_aarch64", "linux_aarch64")
        .doesNotContain("manylinux_2_16_aarch64", "manylinux2010_aarch64", "manylinux1_aarch64");
    assertThat(platforms(SupportedTags.of(cp(12, Libc.glibc(2, 12), Arch.AARCH64), PIP_26)))
        .as("an aarch64 glibc older than 2.17 gets no manylinux at all").containsExactly("linux_aarch64");
  }

  @Test
  void musl1_1ExpandsTo1_1And1_0AndNoManylinux() {
    List<String> p = platforms(SupportedTags.of(cp(9, Libc.musl(1, 1), Arch.X86_64), PIP_26));
    assertThat(p).containsExactly("musllinux_1_1_x86_64", "musllinux_1_0_x86_64", "linux_x86_64");
  }

  @Test
  void freeThreadedSuppressesAbi3AndGetsAbi3tFromPackaging26_1() {
    Target t313 = new Target(3, 13, -1, true, Libc.glibc(2, 36), Arch.X86_64);
    List<String> now = strings(SupportedTags.of(t313, PIP_26));
    assertThat(now.get(0)).isEqualTo("cp313-cp313t-manylinux_2_36_x86_64");
    assertThat(now).contains("cp313-abi3t-manylinux_2_36_x86_64", "cp312-abi3t-linux_x86_64", "cp32-abi3t-linux_x86_64")
        .noneMatch(t -> t.contains("-abi3-"));
    assertThat(now.indexOf("cp313-abi3t-manylinux_2_36_x86_64")).isLessThan(now.indexOf("cp313-none-manylinux_2_36_x86_64"));

    List<String> pip24 = strings(SupportedTags.of(t313, pip("24.1"))); // packaging 24.1
    assertThat(pip24.get(0)).isEqualTo("cp313-cp313t-manylinux_2_36_x86_64");
    assertThat(pip24).noneMatch(t -> t.contains("-abi3-") || t.contains("-abi3t-"));

    List<String> pip23 = strings(SupportedTags.of(t313, pip("23.2"))); // packaging 21.3 knows no 't'
    assertThat(pip23.get(0)).isEqualTo("cp313-cp313-manylinux_2_36_x86_64");
    assertThat(pip23).contains("cp313-abi3-manylinux_2_36_x86_64").noneMatch(t -> t.contains("abi3t") || t.contains("cp313t"));
  }

  @Test
  void linuxArchIsLastUpTo26_2AndFirstFrom26_3() {
    Target t = cp(12, Libc.glibc(2, 17), Arch.X86_64);
    assertThat(platforms(SupportedTags.of(t, PIP_26))).last().isEqualTo("linux_x86_64");
    assertThat(platforms(SupportedTags.of(t, PipProfile.forPackaging(Version.tryParse("26.3"))))).first().isEqualTo("linux_x86_64");
  }

  @Test
  void py3IsSecondInThePurePythonRange() {
    List<String> tags = strings(SupportedTags.of(cp(12, Libc.glibc(2, 36), Arch.X86_64), PIP_26));
    int cpAny = tags.indexOf("cp312-none-any");
    assertThat(tags.subList(cpAny, cpAny + 4)).containsExactly("cp312-none-any", "py312-none-any", "py3-none-any", "py311-none-any");
    assertThat(tags).last().isEqualTo("py30-none-any");
    assertThat(tags.indexOf("py3-none-manylinux_2_36_x86_64")).isEqualTo(tags.indexOf("py312-none-linux_x86_64") + 1);
  }

  @Test
  void interpreterOuterPlatformInner() {
    List<String> tags = strings(SupportedTags.of(cp(12, Libc.glibc(2, 17), Arch.X86_64), PIP_26));
    assertThat(tags.subList(0, 3)).containsExactly(
        "cp312-cp312-manylinux_2_17_x86_64", "cp312-cp312-manylinux2014_x86_64", "cp312-cp312-manylinux_2_16_x86_64");
    assertThat(tags.indexOf("cp312-cp312-linux_x86_64")).isLessThan(tags.indexOf("cp312-abi3-manylinux_2_17_x86_64"));
    assertThat(tags.indexOf("cp312-none-linux_x86_64")).isLessThan(tags.indexOf("cp311-abi3-manylinux_2_17_x86_64"));
  }

  @Test
  void oldPipsKnowFewerPlatforms() {
    Target glibc = cp(8, Libc.glibc(2, 31), Arch.X86_64);
    Target musl = cp(8, Libc.musl(1, 2), Arch.X86_64);
    assertThat(platforms(SupportedTags.of(musl, pip("21.1")))).as("musllinux needs pip 21.2").containsExactly("linux_x86_64");
    assertThat(platforms(SupportedTags.of(musl, pip("21.2")))).first().isEqualTo("musllinux_1_2_x86_64");
    assertThat(platforms(SupportedTags.of(glibc, pip("20.2")))).as("before PEP 600 only the legacy names")
        .containsExactly("manylinux2014_x86_64", "manylinux2010_x86_64", "manylinux1_x86_64", "linux_x86_64");
    assertThat(platforms(SupportedTags.of(glibc, pip("19.2")))).as("manylinux2014 needs pip 19.3")
        .containsExactly("manylinux2010_x86_64", "manylinux1_x86_64", "linux_x86_64");
    assertThat(platforms(SupportedTags.of(cp(8, Libc.glibc(2, 31), Arch.RISCV64), pip("24.0"))))
        .as("riscv64 manylinux arrived with packaging 24.0 (pip 24.1)").containsExactly("linux_riscv64");
  }

  @Test
  void python37StillHasThePymallocAbi() {
    assertThat(SupportedTags.of(cp(7, Libc.glibc(2, 28), Arch.X86_64), PIP_26).ordered().get(0))
        .hasToString("cp37-cp37m-manylinux_2_28_x86_64");
  }

  @Test
  void rankIsThePositionInTheList() {
    SupportedTags tags = SupportedTags.of(cp(12, Libc.glibc(2, 36), Arch.AARCH64), PIP_26);
    assertThat(tags.rank(new Tag("cp312", "cp312", "manylinux_2_36_aarch64"))).hasValue(0);
    assertThat(tags.rank(new Tag("py3", "none", "any"))).hasValue(tags.ordered().size() - 13);
    assertThat(tags.rank(new Tag("cp312", "cp312", "manylinux_2_36_x86_64"))).isEmpty();
  }
}
