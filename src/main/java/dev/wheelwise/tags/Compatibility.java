package dev.wheelwise.tags;

import java.util.Objects;

/**
 * Whether a wheel installs on a target, and if not, why: either {@link Compatible} with the rank
 * of its best tag (0 = the image's most preferred tag), or {@link Incompatible} with the most
 * specific reason found among its tags, as uv's {@code TagCompatibility} reports it.
 */
public sealed interface Compatibility permits Compatibility.Compatible, Compatibility.Incompatible {

  /**
   * Why a wheel does not fit, most specific first: a reason earlier in this order means the
   * wheel came closer (its Python, ABI and architecture matched and only, say, its glibc did not).
   * When a wheel has several tags, the tag that came closest gives the reason.
   */
  enum Reason {
    /** A manylinux wheel needing a newer glibc than the image has. */
    GLIBC_TOO_NEW("glibc too new"),
    /** A musllinux wheel needing a newer musl than the image has. */
    MUSL_TOO_NEW("musl too new"),
    /** A tag kind (musllinux, manylinux_X_Y, manylinux2014, riscv64 manylinux) the image's pip predates. */
    PIP_TOO_OLD("pip too old for this tag"),
    /** A manylinux (glibc) wheel on a musl image such as Alpine. */
    GLIBC_WHEEL_ON_MUSL("glibc wheel on musl"),
    /** A musllinux wheel on a glibc image. */
    MUSL_WHEEL_ON_GLIBC("musl wheel on glibc"),
    /** An abi3 wheel on a free-threaded interpreter, which does not load the GIL stable ABI. */
    ABI3_ON_FREE_THREADED("abi3 on free-threaded Python"),
    /** The Python matches but the ABI does not (free-threaded vs GIL build, debug, abi3t…). */
    WRONG_ABI("wrong ABI"),
    /** Another Python version or implementation. */
    WRONG_PYTHON("wrong Python"),
    /** A Linux wheel for another CPU architecture. */
    WRONG_ARCH("wrong architecture"),
    /** A wheel for macOS, Windows or another operating system. */
    OTHER_OS("other operating system"),
    /** A tag no installer on this target accepts and none of the above explains. */
    UNKNOWN_TAG("unsupported tag");

    private final String words;

    Reason(String words) {
      this.words = words;
    }

    /** The reason in a few words, as {@code explain} lists a file ("wrong architecture: built for aarch64…"). */
    public String words() {
      return words;
    }
  }

  /** The wheel installs; {@code rank} is the position of its best tag in the ordered list. */
  record Compatible(int rank) implements Compatibility {
    public Compatible {
      if (rank < 0) {
        throw new IllegalArgumentException("rank is a list position: " + rank);
      }
    }
  }

  /** The wheel does not install; {@code detail} says why in a plain sentence. */
  record Incompatible(Reason reason, String detail) implements Compatibility {
    public Incompatible {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(detail, "detail");
    }
  }
}
