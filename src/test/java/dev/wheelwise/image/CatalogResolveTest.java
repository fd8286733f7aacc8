package dev.wheelwise.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wheelwise.image.ResolvedImage.Resolution;
import dev.wheelwise.image.Sibling.Relation;
import dev.wheelwise.pep440.PipProfile;
import dev.wheelwise.pep440.Version;
import dev.wheelwise.tags.Arch;
import dev.wheelwise.tags.Libc;
import dev.wheelwise.tags.Target;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** References people write, placed in the bundled catalog as Docker would pull them, as of the record. */
class CatalogResolveTest {

  private final Catalog catalog = Catalog.bundled();

  @ParameterizedTest(name = "{0} as of {1}")
  @CsvSource(delimiter = '|', nullValues = "-", value = {
    // reference                                  | as of      | record (most specific tag)               | how     | python    | os            | libc
    "python:3.12-slim                             | -          | python:3.12.14-slim-trixie               | LISTED  | 3.12.14   | debian 13 (trixie)    | glibc 2.41",
    "docker.io/library/python:3.12-slim-bookworm  | -          | python:3.12.14-slim-bookworm             | LISTED  | 3.12.14   | debian 12 (bookworm)  | glibc 2.36",
    "index.docker.io/library/python:3.13-slim     | -          | python:3.13.14-slim-trixie               | LISTED  | 3.13.14   | debian 13 (trixie)    | glibc 2.41",
    "python:3.12                                  | -          | python:3.12.14-trixie                    | LISTED  | 3.12.14   | debian 13 (trixie)    | glibc 2.41",
    "python                                       | -          | python:3.14.7-trixie                     | LISTED  | 3.14.7    | debian 13 (trixie)    | glibc 2.41",
    "python:alpine                                | -          | python:3.14.7-alpine3.24                 | LISTED  | 3.14.7    | alpine 3.24           | musl 1.2.6",
    "python:3.8-alpine                            | -          | python:3.8.20-alpine3.20                 | LISTED  | 3.8.20    | alpine 3.20           | musl 1.2.5",
    "python:3.8-alpine                            | 2020-01-31 | python:3.8.1-alpine3.11                  | LISTED  | 3.8.1     | alpine 3.11           | musl 1.1.24",
    "python:3.8-slim                              | 2020-01-31 | python:3.8.1-slim-buster                 | LISTED  | 3.8.1     | debian 10 (buster)    | glibc 2.28",
    "python:latest                                | 2020-01-31 | python:3.8.1-buster                      | LISTED  | 3.8.1     | debian 10 (buster)    | glibc 2.28",
    "python:3.12.7-slim                           | -          | python:3.12.7-slim                       | DERIVED | 3.12.7    | debian 13 (trixie)    | glibc 2.41",
    "python:3.12.7-slim-bookworm                  | -          | python:3.12.7-slim-bookworm              | DERIVED | 3.12.7    | debian 12 (bookworm)  | glibc 2.36",
    "python:3.12.7-alpine3.20                     | -          | python:3.12.7-alpine3.20                 | DERIVED | 3.12.7    | alpine 3.20           | musl 1.2.5",
    "python:3.11-alpine3.19                       | -          | python:3.11-alpine3.19                   | DERIVED | 3.11      | alpine 3.19           | musl 1.2.4",
    "python@sha256:1077ff2e8f322b56ed0646a6dbcefa3eaaeb59e8a11bcd24b40984d9a552d2c2 | - | python:3.8.1-buster | DIGEST | 3.8.1 | debian 10 (buster) | glibc 2.28",
    "gcr.io/distroless/python3-debian12:nonroot   | -          | gcr.io/distroless/python3-debian12:latest | LISTED | unknown   | debian 12 (bookworm)  | glibc 2.36",
    "ubuntu:noble                                 | -          | ubuntu:24.04                             | LISTED  | unknown   | ubuntu 24.04 (noble)  | glibc 2.39",
  })
  void resolvesAsDockerWould(String text, String asOf, String record, Resolution how, String python, String os, String libc) throws Exception {
    ResolvedImage r = catalog.resolve(ImageReference.parse(text), Optional.ofNullable(asOf).map(LocalDate::parse));
    assertThat(r.canonical().familiar()).isEqualTo(record);
    assertThat(r.resolution()).isEqualTo(how);
    assertThat(r.entry().python().value().map(Version::toString).orElse("unknown")).isEqualTo(python);
    assertThat(r.entry().os().value().map(OsRelease::toString).orElse("unknown")).isEqualTo(os);
    assertThat(r.entry().libcFamily().orElseThrow().lower() + " " + r.entry().libcVersion().value().orElse("unknown")).isEqualTo(libc);
  }

  @Test
  void theRecordInForceOnADateHasItsOwnPip() throws Exception {
    ImageReference ref = ImageReference.parse("python:3.8-alpine");
    ResolvedImage jan2020 = catalog.resolve(ref, Optional.of(LocalDate.parse("2020-01-31")));
    assertThat(jan2020.entry().pip().value()).contains(Version.parse("20.0.2"));
    assertThat(jan2020.entry().pip().provenance()).isEqualTo(Provenance.VERIFIED);
    assertThat(jan2020.remarks()).containsExactly("python:3.8-alpine is python:3.8.1-alpine3.11 as of 2020-01-25");
    ResolvedImage newest = catalog.resolve(ref);
    assertThat(newest.entry().pip().known()).isFalse();
    assertThat(newest.entry().pip().basis()).contains("ensurepip");
  }

  @Test
  void aDateBeforeEveryRecordSaysOnlyALaterOneExists() throws Exception {
    ResolvedImage r = catalog.resolve(ImageReference.parse("python:3.8-alpine"), Optional.of(LocalDate.parse("2020-01-10")));
    assertThat(r.entry().asOf()).isEqualTo(LocalDate.parse("2020-01-25"));
    assertThat(r.remarks()).anyMatch(m -> m.contains("no record of python:3.8-alpine on or before 2020-01-10; the earliest it has is as of 2020-01-25"));
  }

  @Test
  void derivedTagsSayWhatIsAssumed() throws Exception {
    ResolvedImage slim = catalog.resolve(ImageReference.parse("python:3.12.7-slim"));
    assertThat(slim.entry().python().provenance()).isEqualTo(Provenance.DERIVED);
    assertThat(slim.entry().os().provenance()).isEqualTo(Provenance.UNVERIFIED);
    assertThat(slim.entry().os().basis()).contains("python:3.12-slim was python:3.12.14-slim-trixie as of 2026-08-21");
    assertThat(slim.entry().compilers().value()).contains(List.of());
    assertThat(slim.entry().packageManager().value()).contains("apt");
    assertThat(slim.entry().pip().known()).isFalse();
    assertThat(slim.entry().platforms()).isEmpty();

    ResolvedImage alpine = catalog.resolve(ImageReference.parse("python:3.12.7-alpine3.20"));
    assertThat(alpine.entry().os().provenance()).isEqualTo(Provenance.DERIVED);
    assertThat(alpine.entry().libcVersion().provenance()).as("alpine 3.20's row is recall").isEqualTo(Provenance.UNVERIFIED);
    ResolvedImage alpine317 = catalog.resolve(ImageReference.parse("python:3.11.1-alpine3.17"));
    assertThat(alpine317.entry().libcVersion()).isEqualTo(Fact.of("1.2.3", Provenance.DERIVED, alpine317.entry().libcVersion().basis()));
    assertThat(alpine317.entry().packageManager().value()).contains("apk");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
    "ghcr.io/acme/base:1               | the catalog cannot place ghcr.io/acme/base:1",
    "python:3.16.0-slim                | no Python 3.16 image",
    "python:3.12-windowsservercore     | not a Debian release the catalog knows",
    "python:nonexistent                | but not its tag 'nonexistent'",
    "python@sha256:0000000000000000000000000000000000000000000000000000000000000000 | no image with digest",
  })
  void anImageTheCatalogCannotPlaceIsNotGuessed(String text, String fragment) throws Exception {
    ImageReference ref = ImageReference.parse(text);
    assertThatThrownBy(() -> catalog.resolve(ref))
        .isInstanceOf(UnknownImage.class)
        .hasMessageContaining(fragment)
        .hasMessageContaining("--python 3.11 --libc glibc-2.36");
  }

  @Test
  void describedImagesWorkWithTheGivenFacts() throws Exception {
    ResolvedImage r = catalog.describe(ImageReference.parse("ghcr.io/acme/base:1"), Version.parse("3.11"), Libc.glibc(2, 36));
    ImageFacts facts = ImageFacts.of(r, Platform.parse("linux/arm64"));
    assertThat(facts.target()).contains(new Target(3, 11, -1, false, Libc.glibc(2, 36), Arch.AARCH64));
    assertThat(facts.confidence()).isEqualTo(Provenance.GIVEN);
    assertThat(facts.compressedBytes()).isEmpty();
  }

  @Test
  void imagePlusPlatformGivesTargetAndFacts() throws Exception {
    ImageFacts arm = ImageFacts.of(catalog.resolve(ImageReference.parse("python:3.12-slim")), Platform.parse("linux/arm64"));
    assertThat(arm.target()).contains(new Target(3, 12, 14, false, Libc.glibc(2, 41), Arch.AARCH64));
    assertThat(arm.pipProfile()).isEmpty();
    // SOURCES.md fill pass 5: trixie's glibc 2.41 was read from an mmdebstrap root file system, so it
    // is derived from a verified fact now, no longer recall.
    assertThat(arm.confidence()).as("trixie's glibc is derived from the archive").isEqualTo(Provenance.DERIVED);
    assertThat(arm.unverifiedFacts()).isEmpty();
    assertThat(arm.compressedBytes()).hasValue(46_817_825L);
    assertThat(arm.uncompressedBytes()).isEmpty();

    ImageFacts old = ImageFacts.of(catalog.resolve(ImageReference.parse("python:3.8.1-alpine3.11")), Platform.LINUX_AMD64);
    assertThat(old.target()).contains(new Target(3, 8, 1, false, Libc.musl(1, 1), Arch.X86_64));
    assertThat(old.pipProfile()).contains(PipProfile.forPip(Version.parse("20.0.2")));
    assertThat(old.pipProfile().orElseThrow().supportsMusllinux()).isFalse();
    assertThat(old.confidence()).isEqualTo(Provenance.VERIFIED);
    assertThat(old.compressedBytes()).hasValue(36_498_443L);
    assertThat(old.uncompressedBytes()).hasValue(109_080_000L);
    assertThat(old.packageManager().value()).contains("apk");
    assertThat(old.compilers().value()).contains(List.of());

    ImageFacts full = ImageFacts.of(catalog.resolve(ImageReference.parse("python:3.8.1-buster")), Platform.parse("linux/arm64/v8"));
    assertThat(full.compilers().value().orElseThrow()).contains("gcc", "g++", "make");
    assertThat(full.uncompressedBytes()).as("only amd64 was scanned").isEmpty();
    assertThat(full.libcVersion().provenance()).isEqualTo(Provenance.DERIVED);
  }

  @Test
  void platformsAnImageIsNotPublishedForAreNamed() throws Exception {
    ResolvedImage r = catalog.resolve(ImageReference.parse("python:3.12-slim-bookworm"));
    assertThatThrownBy(() -> ImageFacts.of(r, Platform.parse("linux/riscv64")))
        .isInstanceOf(UnknownImage.class)
        .hasMessageContaining("is not published for linux/riscv64; it is for linux/amd64");
  }

  @Test
  void imagesWithoutPythonHaveNoTargetAndSayWhy() throws Exception {
    ImageFacts debian = ImageFacts.of(catalog.resolve(ImageReference.parse("debian:bookworm-slim")), Platform.LINUX_AMD64);
    assertThat(debian.target()).isEmpty();
    assertThat(debian.remarks()).anyMatch(m -> m.contains("describe it with --python X.Y"));
    assertThat(debian.libcVersion().provenance()).isEqualTo(Provenance.UNVERIFIED);
  }

  @Test
  void siblingsAreTheSamePythonOnTheOtherVariants() throws Exception {
    List<Sibling> siblings = Siblings.of(catalog, catalog.resolve(ImageReference.parse("python:3.12-slim")), Optional.empty());
    assertThat(siblings).extracting(s -> s.relation() + " " + s.image().canonical().familiar()).containsExactly(
        "SELF python:3.12.14-slim-trixie",
        "FULL python:3.12.14-trixie",
        "PREVIOUS_DEBIAN python:3.12.14-slim-bookworm",
        "ALPINE python:3.12.14-alpine3.24",
        "DISTROLESS gcr.io/distroless/python3-debian12:latest",
        "CHAINGUARD cgr.dev/chainguard/python:latest");

    LocalDate jan2020 = LocalDate.parse("2020-01-31");
    List<Sibling> old = Siblings.of(catalog, catalog.resolve(ImageReference.parse("python:3.8-alpine"), Optional.of(jan2020)), Optional.of(jan2020));
    assertThat(old).filteredOn(s -> s.relation() != Relation.DISTROLESS && s.relation() != Relation.CHAINGUARD)
        .extracting(s -> s.relation() + " " + s.image().canonical().familiar()).containsExactly(
            "SELF python:3.8.1-alpine3.11",
            "FULL python:3.8.1-buster",
            "SLIM python:3.8.1-slim-buster");
  }
}
