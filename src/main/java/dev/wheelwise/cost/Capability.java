package dev.wheelwise.cost;

/** What an image must offer for a kind of source build, independent of distro package names. */
public enum Capability {
  C_COMPILER,
  CXX_COMPILER,
  FORTRAN_COMPILER,
  RUST_COMPILER,
  GO_COMPILER,
  /** {@code Python.h}: present in the docker-library python images, absent with a distro Python. */
  PYTHON_HEADERS;

  /** The capability a toolchain needs from the system, if any (build tools come from PyPI). */
  public static java.util.Optional<Capability> of(Toolchain toolchain) {
    return switch (toolchain) {
      case C -> java.util.Optional.of(C_COMPILER);
      case CXX -> java.util.Optional.of(CXX_COMPILER);
      case FORTRAN -> java.util.Optional.of(FORTRAN_COMPILER);
      case RUST -> java.util.Optional.of(RUST_COMPILER);
      case GO -> java.util.Optional.of(GO_COMPILER);
      default -> java.util.Optional.empty();
    };
  }
}
