package dev.wheelwise.tags;

import java.util.Locale;
import java.util.Optional;

/** CPU architectures as they appear in Linux platform tags ({@code platform.machine()}). */
public enum Arch {
  X86_64("x86_64", "amd64"),
  AARCH64("aarch64", "arm64"),
  I686("i686", "386"),
  ARMV7L("armv7l", "arm"),
  PPC64LE("ppc64le", "ppc64le"),
  S390X("s390x", "s390x"),
  RISCV64("riscv64", "riscv64");

  private final String tagName;
  private final String ociName;

  Arch(String tagName, String ociName) {
    this.tagName = tagName;
    this.ociName = ociName;
  }

  /** The name in wheel platform tags: {@code x86_64}, {@code aarch64}… */
  public String tagName() {
    return tagName;
  }

  /** The name in OCI platforms ({@code linux/amd64}): {@code amd64}, {@code arm64}… */
  public String ociName() {
    return ociName;
  }

  /** Accepts the tag name, the OCI name, or common aliases ({@code arm64/v8}, {@code x64}). */
  public static Optional<Arch> parse(String text) {
    String t = text.toLowerCase(Locale.ROOT).trim();
    if (t.equals("arm64/v8") || t.equals("armv8")) {
      return Optional.of(AARCH64);
    }
    if (t.equals("arm/v7") || t.equals("armhf")) {
      return Optional.of(ARMV7L);
    }
    if (t.equals("x64") || t.equals("x86-64")) {
      return Optional.of(X86_64);
    }
    if (t.equals("i386") || t.equals("x86")) {
      return Optional.of(I686);
    }
    for (Arch a : values()) {
      if (a.tagName.equals(t) || a.ociName.equals(t)) {
        return Optional.of(a);
      }
    }
    return Optional.empty();
  }
}
