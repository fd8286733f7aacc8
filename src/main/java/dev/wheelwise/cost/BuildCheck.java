package dev.wheelwise.cost;

import java.util.Objects;

/**
 * Whether one source build can run as written: the image and the packages installed before the
 * pip step against what the build needs. One of four answers, so that "unknown" can never be
 * read as "nothing missing".
 */
public sealed interface BuildCheck {

  /** Everything the knowledge lists is there. */
  record Satisfied(BuildNeeds needs) implements BuildCheck {
    public Satisfied {
      Objects.requireNonNull(needs, "needs");
    }
  }

  /** These packages are missing (in the knowledge's order); the build stops with {@code error}. */
  record Missing(BuildNeeds needs, java.util.List<String> packages, BuildError error) implements BuildCheck {
    public Missing {
      Objects.requireNonNull(needs, "needs");
      packages = java.util.List.copyOf(packages);
      Objects.requireNonNull(error, "error");
    }
  }

  /** The knowledge says the package cannot be used on this distro (e.g. glibc-only binaries). */
  record NotUsable(BuildNeeds needs, String why) implements BuildCheck {
    public NotUsable {
      Objects.requireNonNull(needs, "needs");
      Objects.requireNonNull(why, "why");
    }
  }

  /**
   * No knowledge of the package: whether the build succeeds is unknown. {@code missingInferred}
   * lists compiler packages missing for toolchains inferred from the sdist (possibly empty).
   */
  record Unknown(BuildNeeds needs, java.util.List<String> missingInferred) implements BuildCheck {
    public Unknown {
      Objects.requireNonNull(needs, "needs");
      missingInferred = java.util.List.copyOf(missingInferred);
    }
  }
}
