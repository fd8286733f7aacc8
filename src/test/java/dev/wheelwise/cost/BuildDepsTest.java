package dev.wheelwise.cost;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelwise.testing.Shared;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Build needs from the bundled knowledge (derived from ../shared/knowledge/build-deps.tsv). */
class BuildDepsTest {

  private final BuildDeps deps = BuildDeps.load();

  /** The article's packages on python:3.8-alpine: what `apk add` they need together. */
  private Set<String> union(PackageManager pm, String... names) {
    Set<String> all = new LinkedHashSet<>();
    for (String n : names) {
      BuildNeeds needs = deps.buildNeeds(n, pm);
      assertThat(needs.isUnknown()).as(n).isFalse();
      all.addAll(needs.systemPackages());
    }
    return all;
  }

  @Test
  void articleCaseOnAlpineNeedsCompilersFreetypePngAndOpenblas() {
    Set<String> apk = union(PackageManager.APK, "matplotlib", "pandas", "numpy", "kiwisolver");
    assertThat(apk).contains("build-base", "freetype-dev", "libpng-dev", "openblas-dev");
    assertThat(deps.buildNeeds("kiwisolver", PackageManager.APK).toolchains()).containsExactly(Toolchain.CXX);
    assertThat(deps.buildNeeds("numpy", PackageManager.APK).toolchains())
        .contains(Toolchain.C, Toolchain.MESON, Toolchain.NINJA);
  }

  @Test
  void aptAndApkNamesDiffer() {
    BuildNeeds apk = deps.buildNeeds("matplotlib", PackageManager.APK);
    BuildNeeds apt = deps.buildNeeds("matplotlib", PackageManager.APT);
    assertThat(apk.systemPackages()).contains("build-base", "freetype-dev", "pkgconf").doesNotContain("build-essential");
    assertThat(apt.systemPackages()).contains("build-essential", "libfreetype-dev", "pkg-config").doesNotContain("build-base");
    assertThat(deps.buildNeeds("psycopg2", PackageManager.APK).systemPackages()).containsExactly("gcc", "musl-dev", "libpq-dev");
    assertThat(deps.buildNeeds("psycopg2", PackageManager.APT).systemPackages()).containsExactly("gcc", "libc6-dev", "libpq-dev");
    assertThat(deps.buildNeeds("pyyaml", PackageManager.APT).systemPackages()).contains("libyaml-dev");
    assertThat(deps.buildNeeds("PyYAML", PackageManager.APK).systemPackages()).contains("yaml-dev");
  }

  @Test
  void optionalExtrasAreSeparatedFromRequired() {
    BuildNeeds pillow = deps.buildNeeds("pillow", PackageManager.APK);
    assertThat(pillow.systemPackages()).containsExactly("gcc", "musl-dev", "zlib-dev", "jpeg-dev");
    assertThat(pillow.optionalPackages()).contains("freetype-dev", "libwebp-dev").doesNotContain("zlib-dev");
    BuildNeeds grpc = deps.buildNeeds("grpcio", PackageManager.APK);
    assertThat(grpc.optionalPackages()).containsExactly("c-ares-dev", "openssl-dev", "zlib-dev");
    assertThat(grpc.remarks()).anyMatch(r -> r.contains("GRPC_PYTHON_BUILD_SYSTEM_"));
  }

  @Test
  void unknownStaysUnknown() {
    BuildNeeds cycler = deps.buildNeeds("cycler", PackageManager.APK);
    assertThat(cycler.isUnknown()).isTrue();
    assertThat(cycler.compiles()).isFalse();
    assertThat(cycler.inference()).get().asString().contains("build backend unknown");

    BuildNeeds withFacts = deps.buildNeeds("cycler", PackageManager.APK, SdistFacts.of("cycler-0.10.0.tar.gz", 15_959));
    assertThat(withFacts.isUnknown()).isTrue();
    assertThat(withFacts.inference()).get().asString().contains("cycler-0.10.0.tar.gz (16 kB)").contains("build backend unknown");

    BuildNeeds rust =
        deps.buildNeeds("some-rust-ext", PackageManager.APT,
            new SdistFacts("some_rust_ext-1.0.tar.gz", OptionalLong.empty(), Optional.of("maturin")));
    assertThat(rust.isUnknown()).isTrue();
    assertThat(rust.toolchains()).isEmpty();
    assertThat(rust.inferredToolchains()).contains(Toolchain.RUST);
    assertThat(deps.missing(rust, Set.of(), Set.of())).contains("cargo", "rustc");
  }

  @Test
  void glibcOnlyPackagesAreNotUsableOnAlpine() {
    assertThat(deps.buildNeeds("ibm_db", PackageManager.APK).status()).isEqualTo(BuildNeeds.Status.NOT_USABLE);
    assertThat(deps.buildNeeds("ibm_db", PackageManager.APT).status()).isEqualTo(BuildNeeds.Status.KNOWN);
    assertThat(deps.buildNeeds("pyarmor", PackageManager.APK).status()).isEqualTo(BuildNeeds.Status.NOT_USABLE);
  }

  @Test
  void familiesAndFlags() {
    assertThat(deps.families()).contains("cython-generated-extensions", "pure-python-packages");
    assertThat(deps.family("cython-generated-extensions", PackageManager.APK).orElseThrow().systemPackages())
        .containsExactly("gcc", "musl-dev");
    assertThat(deps.buildNeeds("pycairo", PackageManager.APK).unverifiedNames()).contains("cairo-dev");
    assertThat(deps.buildNeeds("pycairo", PackageManager.APT).unverifiedNames()).isEmpty();
    assertThat(deps.buildNeeds("pillow", PackageManager.APK).unverifiedClaims()).isTrue();
    assertThat(deps.buildNeeds("thinc", PackageManager.APK).systemPackages()).containsExactly("build-base");
    assertThat(deps.buildNeeds("numpy", PackageManager.APK).sources()).anyMatch(s -> s.startsWith("APK:community/py3-numpy"));
    assertThat(deps.buildNeeds("bcrypt", PackageManager.APK).toolchainDetail()).hasValue("rust (>=4.0); c (<4.0 via cffi)");
    assertThat(deps.buildNeeds("numpy", PackageManager.APK).toolchainDetail()).isEmpty();
  }

  @Test
  void missingAgainstTheArticlesApkLine() {
    Set<String> line = Set.of("gcc", "build-base", "freetype-dev", "libpng-dev", "openblas-dev");
    assertThat(deps.missing(deps.buildNeeds("numpy", PackageManager.APK), line, Set.of())).containsExactly("pkgconf");
    assertThat(deps.missing(deps.buildNeeds("kiwisolver", PackageManager.APK), line, Set.of())).isEmpty();
    // The knowledge describes today's matplotlib (system qhull, pkg-config): the 2020 line lacks them.
    assertThat(deps.missing(deps.buildNeeds("matplotlib", PackageManager.APK), line, Set.of()))
        .containsExactly("qhull-dev", "pkgconf");
  }

  @Test
  void bareAlpineFailsAtTheCompiler() {
    BuildNeeds numpy = deps.buildNeeds("numpy", PackageManager.APK);
    assertThat(deps.missing(numpy, Set.of(), Set.of())).containsExactly("build-base", "openblas-dev", "pkgconf");
    BuildError error = deps.firstError(numpy, Set.of(), Set.of(), Optional.empty()).orElseThrow();
    assertThat(error.message()).isEqualTo("error: command 'gcc' failed: No such file or directory");
    assertThat(error.grounded()).isTrue();
  }

  @Test
  void gccAndMuslDevSufficeForCOnly() {
    Set<String> cOnly = Set.of("gcc", "musl-dev", "yaml-dev");
    assertThat(deps.missing(deps.buildNeeds("pyyaml", PackageManager.APK), cOnly, Set.of())).isEmpty();
    BuildNeeds kiwi = deps.buildNeeds("kiwisolver", PackageManager.APK);
    assertThat(deps.missing(kiwi, cOnly, Set.of())).containsExactly("g++");
    assertThat(deps.firstError(kiwi, cOnly, Set.of(), Optional.empty()).orElseThrow().message()).contains("'g++' failed");
    assertThat(BuildDeps.has(Capability.C_COMPILER, PackageManager.APK, Set.of("gcc"), Set.of())).isFalse();
    assertThat(BuildDeps.has(Capability.CXX_COMPILER, PackageManager.APK, Set.of("build-base"), Set.of())).isTrue();
    assertThat(BuildDeps.has(Capability.CXX_COMPILER, PackageManager.APT, Set.of("build-essential"), Set.of())).isTrue();
    assertThat(BuildDeps.has(Capability.FORTRAN_COMPILER, PackageManager.APT, Set.of("build-essential"), Set.of())).isFalse();
  }

  @Test
  void fortranAndRustErrors() {
    BuildNeeds scipy = deps.buildNeeds("scipy", PackageManager.APK);
    Set<String> noFortran = Set.of("build-base", "openblas-dev", "pkgconf");
    assertThat(deps.missing(scipy, noFortran, Set.of())).containsExactly("gfortran");
    assertThat(deps.firstError(scipy, noFortran, Set.of(), Optional.of("mesonpy")).orElseThrow().message())
        .isEqualTo("Unknown compiler(s): [['gfortran']]");
    BuildNeeds crypto = deps.buildNeeds("cryptography", PackageManager.APK);
    Set<String> noRust = Set.of("build-base", "libffi-dev", "openssl-dev", "pkgconf");
    assertThat(deps.missing(crypto, noRust, Set.of())).containsExactly("cargo");
    assertThat(deps.firstError(crypto, noRust, Set.of(), Optional.empty()).orElseThrow().message())
        .isEqualTo("error: can't find Rust compiler");
  }

  @Test
  void fullImagesCompilersCountButHeadersStillMissing() {
    BuildNeeds numpy = deps.buildNeeds("numpy", PackageManager.APT);
    assertThat(deps.missing(numpy, Set.of(), Set.of("gcc", "g++", "make"))).containsExactly("libopenblas-dev", "pkg-config");
    BuildError e = deps.firstError(numpy, Set.of(), Set.of("gcc", "g++", "make"), Optional.empty()).orElseThrow();
    assertThat(e.message()).contains("libopenblas-dev");
    assertThat(e.grounded()).isFalse();
    assertThat(deps.missing(deps.buildNeeds("lxml", PackageManager.APT), Set.of("build-essential", "libxml2-dev", "libxslt1-dev"), Set.of()))
        .isEmpty();
  }

  @Test
  void combinedLineForTheArticleDropsWhatBuildBaseCovers() {
    List<BuildNeeds> needs = java.util.stream.Stream.of("numpy", "pandas", "matplotlib", "kiwisolver")
        .map(n -> deps.buildNeeds(n, PackageManager.APK)).toList();
    assertThat(BuildDeps.combined(needs, PackageManager.APK))
        .containsExactly("build-base", "openblas-dev", "pkgconf", "linux-headers", "freetype-dev", "qhull-dev", "libpng-dev");
    List<BuildNeeds> apt = java.util.stream.Stream.of("pyyaml", "kiwisolver", "lxml")
        .map(n -> deps.buildNeeds(n, PackageManager.APT)).toList();
    assertThat(BuildDeps.combined(apt, PackageManager.APT))
        .containsExactly("libc6-dev", "libyaml-dev", "g++", "libxml2-dev", "libxslt1-dev");
  }

  @Test
  void checkKeepsUnknownAndUnusableApartFromSatisfied() {
    assertThat(deps.check(deps.buildNeeds("cycler", PackageManager.APK), Set.of(), Set.of(), Optional.empty()))
        .isInstanceOf(BuildCheck.Unknown.class);
    assertThat(deps.check(deps.buildNeeds("ibm-db", PackageManager.APK), Set.of("build-base"), Set.of(), Optional.empty()))
        .isInstanceOf(BuildCheck.NotUsable.class);
    assertThat(deps.check(deps.buildNeeds("pyyaml", PackageManager.APK), Set.of("build-base", "yaml-dev"), Set.of(), Optional.empty()))
        .isInstanceOf(BuildCheck.Satisfied.class);
    BuildCheck missing = deps.check(deps.buildNeeds("pyyaml", PackageManager.APK), Set.of(), Set.of(), Optional.empty());
    assertThat(missing).isInstanceOf(BuildCheck.Missing.class);
    assertThat(((BuildCheck.Missing) missing).packages()).containsExactly("gcc", "musl-dev", "yaml-dev");
    assertThat(((BuildCheck.Missing) missing).error().message()).isEqualTo("error: command 'gcc' failed: No such file or directory");
  }

  @Test
  void distroPythonWithoutHeadersFailsAtPythonH() {
    BuildNeeds pyyaml = deps.buildNeeds("pyyaml", PackageManager.APK);
    Set<String> line = Set.of("gcc", "musl-dev", "yaml-dev");
    assertThat(deps.missing(pyyaml, line, Set.of(), false)).containsExactly("python3-dev");
    assertThat(deps.firstError(pyyaml, line, Set.of(), Optional.empty(), false).orElseThrow().message())
        .isEqualTo("fatal error: Python.h: No such file or directory");
    assertThat(deps.missing(pyyaml, Set.of("gcc", "musl-dev", "yaml-dev", "python3-dev"), Set.of(), false)).isEmpty();
    // Without a compiler the compiler error comes first.
    assertThat(deps.firstError(pyyaml, Set.of(), Set.of(), Optional.empty(), false).orElseThrow().message())
        .contains("command 'gcc' failed");
    // Pure-Python builds need no headers.
    assertThat(deps.missing(deps.buildNeeds("gunicorn", PackageManager.APK), Set.of(), Set.of(), false)).isEmpty();
  }

  /** Every parsed name is literally in the knowledge row's column (no invented names). */
  @Test
  void parsedNamesComeFromTheTsv() throws IOException {
    List<String> lines = Files.readAllLines(Shared.require("knowledge/build-deps.tsv"), StandardCharsets.UTF_8);
    int checked = 0;
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split("\t", -1);
      String name = dev.wheelwise.pep508.Names.canonicalize(f[0].replaceAll("\\s*\\(.*$", ""));
      if (!deps.knownPackages().contains(name)) {
        continue;
      }
      for (PackageManager pm : PackageManager.values()) {
        String column = pm == PackageManager.APK ? f[2] : f[3];
        BuildNeeds needs = deps.buildNeeds(name, pm);
        for (String p : needs.systemPackages()) {
          assertThat(column).as("%s %s", name, pm).containsPattern("(^|[\\s(+:/])" + java.util.regex.Pattern.quote(p) + "($|[\\s),;/])");
          checked++;
        }
      }
    }
    assertThat(checked).isGreaterThan(300);
    assertThat(deps.knownPackages()).hasSizeGreaterThan(110);
  }
}
