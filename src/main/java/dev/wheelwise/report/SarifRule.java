package dev.wheelwise.report;

/**
 * The kinds of finding {@code check --format sarif} reports, one SARIF rule each. The ids are
 * stable: code scanning keys alerts on them (docs/DESIGN.md lists them with their levels).
 */
enum SarifRule {
  BUILD_FAILS("WW-build-fails", "BuildFailsAsWritten", "error",
      "As written, the image build breaks at a source build.",
      "pip compiles a package from its sdist, and the image (with what the Dockerfile installs before pip) lacks the compiler "
          + "it needs: the build stops there.",
      "Install the missing build packages before pip (the message gives the apk or apt line), build wheels in a builder "
          + "stage, or switch to an image on which the package installs from a wheel."),
  UNAVAILABLE("WW-unavailable", "NothingInstallable", "error",
      "A package has no file pip can install on the image.",
      "No wheel of the release fits the image's Python, libc and CPU, and no sdist exists; or the project as a whole "
          + "cannot be installed there (its requires-python excludes the image's Python, or pip's resolver finds no solution).",
      "Pin a version that has a wheel for the image, or switch to an image the project's files support."),
  SOURCE_BUILD("WW-source-build", "CompiledFromSource", "warning",
      "pip compiles a package from source on the image.",
      "pip would install the package from its sdist: the image build compiles it, which needs build tools and headers, "
          + "takes time and grows the image. When the package's file list is incomplete, the message says so: "
          + "a wheel for the image was not seen, not seen to be absent.",
      "Pin a version with a wheel for the image, switch to an image with wheels, or build wheels in a builder stage."),
  UNKNOWN("WW-unknown", "NotKnown", "note",
      "What pip installs, or whether the build succeeds, is not known.",
      "wheelwise lacks a fact the answer rests on (the files of a release, what a build needs, the image's Python or "
          + "libc, the dependencies of a release): neither success nor failure is claimed.",
      "Check the named packages by hand, or give wheelwise an index or lock file that lists their files."),
  MUSL_PITFALL("WW-musl-pitfall", "MuslRuntimePitfall", "note",
      "A musl libc behaviour the project may run into on this image.",
      "On musl images (Alpine), some runtime behaviour differs from glibc (DNS, locales, thread stacks, time zones, "
          + "loading libraries). The project's packages or its source builds match this pitfall's triggers.",
      "Test the behaviour on the image, apply the pitfall's mitigation, or use a glibc image.");

  final String id;
  final String name;
  final String level;
  final String shortDescription;
  final String fullDescription;
  final String help;

  SarifRule(String id, String name, String level, String shortDescription, String fullDescription, String help) {
    this.id = id;
    this.name = name;
    this.level = level;
    this.shortDescription = shortDescription;
    this.fullDescription = fullDescription;
    this.help = help;
  }
}
