package dev.wheelwise.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wheelwise.cost.SdistClass.Kind;
import dev.wheelwise.cost.SdistClass.Language;
import dev.wheelwise.index.SdistArchive;
import dev.wheelwise.testing.Sdists;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Generated sdists in the three archive formats pip reads, listed as a stream and classified;
 * hostile archives (path traversal, 100,000 members, a decompression bomb) refused with the
 * option that raises the limit.
 */
class SdistClassifierTest {

  private static SdistClass classify(String filename, byte[] bytes) throws SdistArchive.Refused {
    return SdistClassifier.classify(SdistArchive.list(filename, bytes, SdistArchive.Limits.DEFAULT));
  }

  @Test
  void pureInEveryFormat() throws Exception {
    Map<String, String> pure = Sdists.pure("plainpkg");
    for (SdistClass c : List.of(classify("plainpkg-1.0.tar.gz", Sdists.tarGz("plainpkg-1.0", pure)),
        classify("plainpkg-1.0.tar.bz2", Sdists.tarBz2("plainpkg-1.0", pure)),
        classify("plainpkg-1.0.zip", Sdists.zip("plainpkg-1.0", pure)))) {
      assertThat(c.kind()).isEqualTo(Kind.PURE);
      assertThat(c.likely()).isFalse();
      assertThat(c.describe()).contains("no compiled sources").contains("setuptools.build_meta");
    }
  }

  @Test
  void listingStripsTheTopFolderAndKeepsBuildFiles() throws Exception {
    SdistArchive.Listing l = SdistArchive.list("cext-1.0.tar.gz", Sdists.tarGz("cext-1.0", Sdists.c("cext")), SdistArchive.Limits.DEFAULT);
    assertThat(l.members()).containsExactlyInAnyOrderElementsOf(Sdists.names(Sdists.c("cext")));
    assertThat(l.buildFiles()).containsOnlyKeys("setup.py");
    assertThat(l.buildFiles().get("setup.py")).contains("ext_modules");
  }

  @Test
  void compiledLanguagesWithEvidence() throws Exception {
    SdistClass c = classify("cext-1.0.tar.gz", Sdists.tarGz("cext-1.0", Sdists.c("cext")));
    assertThat(c.kind()).isEqualTo(Kind.COMPILED);
    assertThat(c.languages()).containsExactly(Language.C);
    assertThat(c.describe()).contains("setup.py mentions ext_modules").contains("src/speedups.c");

    SdistClass rust = classify("rusty-1.0.tar.gz", Sdists.tarGz("rusty-1.0", Sdists.rust("rusty")));
    assertThat(rust.languages()).containsExactly(Language.RUST);
    assertThat(rust.toolchains()).containsExactlyInAnyOrder(Toolchain.RUST, Toolchain.C);
    assertThat(rust.label()).isEqualTo("compiled (Rust)");

    SdistClass cy = classify("cyth-1.0.zip", Sdists.zip("cyth-1.0", Sdists.cython("cyth")));
    assertThat(cy.languages()).containsExactly(Language.CYTHON);
    assertThat(cy.toolchains()).containsExactly(Toolchain.C);
  }

  @Test
  void sourcesWithoutABuildSignalAreUnknownAndNoConfigurationIsUnknown() throws Exception {
    Map<String, String> m = Sdists.pure("half");
    m.put("half/native.c", "int x;\n");
    assertThat(classify("half-1.0.tar.gz", Sdists.tarGz("half-1.0", m)).kind()).isEqualTo(Kind.UNKNOWN);
    assertThat(classify("bare-1.0.tar.gz", Sdists.tarGz("bare-1.0", Map.of("bare/__init__.py", ""))).describe())
        .contains("no pyproject.toml, setup.py or setup.cfg");
  }

  @Test
  void pathTraversalIsRefused() {
    assertThatThrownBy(() -> classify("evil-1.0.tar.gz", Sdists.traversal()))
        .isInstanceOf(SdistArchive.Refused.class).hasMessageContaining("path traversal").hasMessageContaining("..");
  }

  @Test
  void aHundredThousandMembersAreRefused() {
    assertThatThrownBy(() -> classify("many-1.0.tar.gz", Sdists.manyMembers(100_000)))
        .isInstanceOf(SdistArchive.Refused.class).hasMessageContaining("more than 50000 members")
        .hasMessageContaining("--sdist-max-members");
  }

  @Test
  void aDecompressionBombIsRefusedAtTheUnpackedLimit() throws Exception {
    byte[] bomb = Sdists.bomb(64L << 20);
    assertThat(bomb.length).isLessThan(1 << 20); // over 64:1
    assertThatThrownBy(() -> SdistArchive.list("bomb-1.0.tar.gz", bomb, new SdistArchive.Limits(50_000, 32L << 20)))
        .isInstanceOf(SdistArchive.Refused.class).hasMessageContaining("unpacks to more than 33554432 bytes")
        .hasMessageContaining("--sdist-max-unpacked");
    assertThat(SdistArchive.list("bomb-1.0.tar.gz", bomb, SdistArchive.Limits.DEFAULT).members()).containsExactly("zeros.bin");
  }

  @Test
  void corruptArchiveIsRefusedNotThrown() {
    assertThatThrownBy(() -> classify("junk-1.0.tar.gz", "not gzip at all".getBytes()))
        .isInstanceOf(SdistArchive.Refused.class).hasMessageContaining("not a readable archive");
  }

  @Test
  void likelyPureOnlyWhenEveryWheelIsNoneAny() {
    assertThat(SdistClassifier.fromWheels(List.of("six-1.16.0-py2.py3-none-any.whl")).label()).isEqualTo("likely pure");
    assertThat(SdistClassifier.fromWheels(List.of("x-1.0-py3-none-any.whl", "x-1.0-cp312-cp312-manylinux_2_17_x86_64.whl")).kind())
        .isEqualTo(Kind.UNKNOWN);
    assertThat(SdistClassifier.fromWheels(List.of()).kind()).isEqualTo(Kind.UNKNOWN);
  }
}
