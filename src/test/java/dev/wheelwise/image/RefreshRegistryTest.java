package dev.wheelwise.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wheelwise.cli.Main;
import dev.wheelwise.image.TestImages.Layer;
import dev.wheelwise.pep440.Version;
import dev.wheelwise.tags.Arch;
import dev.wheelwise.tags.Libc;
import dev.wheelwise.tags.Target;
import dev.wheelwise.testing.Archives.Entry;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code images refresh} round-trips through a real registry on 127.0.0.1: images built here
 * (tar layers, config, manifest, index) are pushed with the distribution API, read back by
 * {@link Refresher}, written to an overlay, and used by a later {@code images} run.
 */
class RefreshRegistryTest {

  @TempDir static Path dir;
  static OkHttpClient http;
  static LocalRegistry registry;

  static List<Layer> alpineAmd64;
  static List<Layer> alpineArm64;
  static String alpineIndexDigest;
  static List<Layer> debianLayers;

  static final String APK_DB = String.join("\n",
      "C:Q1abc=", "P:busybox", "V:1.36.1-r29", "A:x86_64", "", "C:Q1def=", "P:musl", "V:1.2.5-r0", "A:x86_64", "T:the musl c library (libc) implementation", "");
  static final String DPKG_STATUS = String.join("\n",
      "Package: base-files", "Status: install ok installed", "Version: 12.4+deb12u7", "",
      "Package: libc6", "Status: install ok installed", "Architecture: amd64", "Version: 2.36-9+deb12u7",
      "Description: GNU C Library: Shared libraries", " Contains the standard libraries.", "");

  @BeforeAll
  static void pushImages() throws Exception {
    http = new OkHttpClient();
    registry = LocalRegistry.start(dir, http);
    TestImages.Pusher python = new TestImages.Pusher(http, registry.url(), "library/python");

    // python:3.12.7-alpine3.20: two platforms and an attestation in an index. The second layer
    // adds gcc, the third purges it (a whiteout), as the official Dockerfile's build deps do.
    alpineAmd64 = TestImages.layers(
        TestImages.gzipLayer(Entry.dir("etc"), Entry.file("etc/os-release", "NAME=\"Alpine Linux\"\nID=alpine\nVERSION_ID=3.20.3\nPRETTY_NAME=\"Alpine Linux v3.20\"\n"),
            Entry.dir("lib"), Entry.file("lib/ld-musl-x86_64.so.1", "ELF"), Entry.dir("lib/apk/db"), Entry.file("lib/apk/db/installed", APK_DB),
            Entry.dir("sbin"), Entry.file("sbin/apk", "ELF")),
        TestImages.gzipLayer(Entry.file("usr/bin/gcc", "ELF"), Entry.file("usr/local/bin/python3.12", "ELF"), Entry.symlink("usr/local/bin/python3", "python3.12")),
        TestImages.gzipLayer(Entry.file("usr/bin/.wh.gcc", "")));
    alpineArm64 = TestImages.layers(
        TestImages.gzipLayer(Entry.file("etc/os-release", "ID=alpine\nVERSION_ID=3.20.3\n"), Entry.file("lib/ld-musl-aarch64.so.1", "ELF"),
            Entry.file("lib/apk/db/installed", APK_DB.replace("x86_64", "aarch64")), Entry.file("sbin/apk", "ELF")),
        TestImages.gzipLayer(Entry.file("usr/local/bin/python3.12", "ELF aarch64")));
    Map<String, String> env = Map.of("PYTHON_VERSION", "3.12.7", "PYTHON_PIP_VERSION", "24.2", "LANG", "C.UTF-8");
    byte[] amd64 = python.image(TestImages.config("amd64", null, env, alpineAmd64), alpineAmd64, null);
    byte[] arm64 = python.image(TestImages.config("arm64", "v8", env, alpineArm64), alpineArm64, null);
    byte[] attestation = python.image("{}".getBytes(), List.of(), null);
    byte[] index = TestImages.index(List.of(new Object[] {amd64, "linux/amd64"}, new Object[] {arm64, "linux/arm64/v8"}, new Object[] {attestation, null}));
    python.manifest("3.12.7-alpine3.20", index, RegistryClient.OCI_INDEX);
    alpineIndexDigest = "sha256:" + RegistryClient.sha256(index);

    // A single-platform Debian image (no index), one uncompressed layer, os-release as a symlink.
    debianLayers = TestImages.layers(
        TestImages.plainLayer(Entry.file("usr/lib/os-release", "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\nID=debian\nVERSION_ID=\"12\"\nVERSION_CODENAME=bookworm\n"),
            Entry.symlink("etc/os-release", "../usr/lib/os-release"), Entry.file("var/lib/dpkg/status", DPKG_STATUS),
            Entry.file("usr/bin/apt-get", "ELF"), Entry.file("usr/bin/gcc", "ELF"), Entry.file("usr/bin/make", "ELF")),
        TestImages.gzipLayer(Entry.file("usr/local/bin/python3.11", "ELF")));
    python.image(TestImages.config("amd64", null, Map.of("PYTHON_VERSION", "3.11.9"), debianLayers), debianLayers, "3.11.9-bookworm");
  }

  @AfterAll
  static void stop() {
    if (registry != null) {
      registry.close();
    }
  }

  private ImageReference ref(String tag) throws InvalidImageReference {
    return ImageReference.parse(registry.host() + "/library/python:" + tag);
  }

  @Test
  void readsIndexManifestConfigAndLayers() throws Exception {
    LocalDate today = LocalDate.parse("2026-11-23");
    CatalogEntry e = new Refresher(http).read(ref("3.12.7-alpine3.20"), Platform.LINUX_AMD64, today);
    assertThat(e.origin()).isEqualTo(CatalogEntry.Origin.REFRESHED);
    assertThat(e.asOf()).isEqualTo(today);
    assertThat(e.indexDigest()).contains(alpineIndexDigest);
    assertThat(e.python()).isEqualTo(Fact.of(Version.parse("3.12.7"), Provenance.VERIFIED, e.python().basis()));
    assertThat(e.pip().value()).contains(Version.parse("24.2"));
    assertThat(e.os().value()).contains(new OsRelease("alpine", Optional.of("3.20"), Optional.empty()));
    assertThat(e.libcFamily()).contains(Libc.Family.MUSL);
    assertThat(e.libcVersion()).isEqualTo(Fact.of("1.2.5", Provenance.VERIFIED, e.libcVersion().basis()));
    assertThat(e.libcPackage()).contains("musl-1.2.5-r0");
    assertThat(e.compilers().value()).as("gcc was whited out").contains(List.of());
    assertThat(e.packageManager().value()).contains("apk");
    assertThat(e.variant()).contains("alpine");
    assertThat(e.platforms()).extracting(ImagePlatform::platform).containsExactly("linux/amd64", "linux/arm64/v8");
    ImagePlatform amd64 = e.platforms().get(0);
    assertThat(amd64.compressedBytes()).hasValue(alpineAmd64.stream().mapToLong(l -> l.blob().length).sum());
    assertThat(amd64.uncompressedBytes()).hasValue(alpineAmd64.stream().mapToLong(l -> l.tar().length).sum());
    assertThat(e.platforms().get(1).compressedBytes()).as("not read").isEmpty();

    CatalogEntry arm = new Refresher(http).read(ref("3.12.7-alpine3.20"), Platform.parse("linux/arm64"), today);
    assertThat(arm.platforms().get(1).compressedBytes()).hasValue(alpineArm64.stream().mapToLong(l -> l.blob().length).sum());
    assertThat(arm.compilers().value()).contains(List.of());

    CatalogEntry debian = new Refresher(http).read(ref("3.11.9-bookworm"), Platform.LINUX_AMD64, today);
    assertThat(debian.indexDigest()).isEmpty();
    assertThat(debian.os().value()).contains(new OsRelease("debian", Optional.of("12"), Optional.of("bookworm")));
    assertThat(debian.libcFamily()).contains(Libc.Family.GLIBC);
    assertThat(debian.libcVersion().value()).contains("2.36");
    assertThat(debian.libcPackage()).contains("libc6=2.36-9+deb12u7");
    assertThat(debian.compilers().value()).contains(List.of("gcc", "make"));
    assertThat(debian.packageManager().value()).contains("apt");
    assertThat(debian.pip().known()).isFalse();
    assertThat(debian.platforms().get(0).uncompressedBytes()).hasValue(debianLayers.stream().mapToLong(l -> l.tar().length).sum());
  }

  @Test
  void absentImagesAndPlatformsAreSaidPlainly() throws Exception {
    Refresher refresher = new Refresher(http);
    assertThatThrownBy(() -> refresher.read(ref("3.99-nothing"), Platform.LINUX_AMD64, LocalDate.now()))
        .isInstanceOf(IOException.class).hasMessageContaining("HTTP 404");
    assertThatThrownBy(() -> refresher.read(ref("3.12.7-alpine3.20"), Platform.parse("linux/s390x"), LocalDate.now()))
        .isInstanceOf(UnknownImage.class).hasMessageContaining("has no linux/s390x image; its index lists linux/amd64, linux/arm64/v8");
  }

  @Test
  void refreshWritesTheOverlayThatLaterRunsUse() throws Exception {
    Path overlay = dir.resolve("cache/wheelwise/images.json");
    String image = registry.host() + "/library/python:3.12.7-alpine3.20";

    StringWriter before = new StringWriter();
    int unknown = Main.execute(new String[] {"images", image, "--overlay", overlay.toString()}, new PrintWriter(new StringWriter()), new PrintWriter(before, true));
    assertThat(unknown).isEqualTo(2);
    assertThat(before.toString()).contains("images refresh");

    StringWriter out = new StringWriter();
    int exit = Main.execute(new String[] {"images", "refresh", image, "--platform", "linux/arm64", "--overlay", overlay.toString()},
        new PrintWriter(out, true), new PrintWriter(new StringWriter(), true));
    assertThat(exit).isZero();
    assertThat(out.toString()).contains("refreshed " + image + " (linux/arm64/v8): alpine 3.20, musl 1.2.5, Python 3.12.7, pip 24.2");
    assertThat(Files.exists(overlay)).isTrue();

    StringWriter json = new StringWriter();
    exit = Main.execute(new String[] {"images", image, "--platform", "linux/arm64", "--format", "json", "--overlay", overlay.toString()},
        new PrintWriter(json, true), new PrintWriter(new StringWriter(), true));
    assertThat(exit).isZero();
    JsonNode e = new ObjectMapper().readTree(json.toString()).path("images").get(0);
    assertThat(e.path("origin").asText()).isEqualTo("REFRESHED");
    assertThat(e.path("confidence").asText()).isEqualTo("VERIFIED");
    assertThat(e.path("libcPackage").asText()).isEqualTo("musl-1.2.5-r0");
    assertThat(e.path("compressedBytes").asLong()).isEqualTo(alpineArm64.stream().mapToLong(l -> l.blob().length).sum());
    assertThat(e.path("target").path("libc").asText()).isEqualTo("musl-1.2");
    assertThat(e.path("pipPackaging").asText()).isEqualTo("24.1");

    Catalog catalog = Catalog.load(overlay);
    ImageFacts facts = ImageFacts.of(catalog.resolve(ImageReference.parse(image)), Platform.parse("linux/arm64/v8"));
    assertThat(facts.target()).contains(new Target(3, 12, 7, false, Libc.musl(1, 2), Arch.AARCH64));

    int unreachable = Main.execute(new String[] {"images", "refresh", registry.host() + "/library/python:absent", "--overlay", overlay.toString()},
        new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
    assertThat(unreachable).isEqualTo(Main.EXIT_INDEX);
  }
}
