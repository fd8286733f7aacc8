package dev.wheelwise.tags;

import dev.wheelwise.pep440.PipProfile;
import java.util.ArrayList;
import java.util.List;

/**
 * The platform tags pip's packaging yields inside a Linux image ({@code tags._linux_platforms}),
 * best first: {@code manylinux_X_Y} from the image's glibc down to the architecture's floor with
 * the legacy aliases right after their PEP 600 twin (research §1.2), {@code musllinux_1_Y} down to
 * {@code 1_0} on musl (§1.3), and {@code linux_<arch>} last (first from packaging 26.3).
 *
 * <p>The image's Python is assumed to be native to its architecture: an i686 image runs a 32-bit
 * i386 ELF and an armv7l image a hard-float ARM ELF, as the official images do, so packaging's
 * ELF checks pass. No {@code _manylinux} override module is assumed (official images ship none).
 */
public final class LinuxPlatforms {

  /** glibc major versions other than 2 never existed; packaging assumes minor 50 for them. */
  private static final int GLIBC_MAJOR = 2;

  private LinuxPlatforms() {}

  /** The ordered platform tags for this libc, architecture and packaging. */
  public static List<String> of(Libc libc, Arch arch, PipProfile profile) {
    String a = arch.tagName();
    List<String> out = new ArrayList<>();
    if (!libc.isMusl()) {
      out.addAll(manylinux(libc, arch, profile));
    } else if (profile.supportsMusllinux()) {
      for (int minor = libc.minor(); minor >= 0; minor--) {
        out.add("musllinux_" + libc.major() + "_" + minor + "_" + a);
      }
    }
    if (linuxFirst(profile)) {
      out.add(0, "linux_" + a);
    } else {
      out.add("linux_" + a);
    }
    return out;
  }

  /** packaging 26.3 (issue #160) yields {@code linux_<arch>} before manylinux and musllinux. */
  public static boolean linuxFirst(PipProfile profile) {
    return profile.packagingAtLeast(26, 3);
  }

  /**
   * The oldest glibc a manylinux tag may name on this architecture (packaging's
   * {@code too_old_glibc2} + 1): 2.5 on x86_64 and i686, 2.17 elsewhere (PEP 599/600).
   */
  public static int floorMinor(Arch arch) {
    return arch == Arch.X86_64 || arch == Arch.I686 ? 5 : 17;
  }

  /**
   * Whether this packaging knows manylinux for the architecture at all: riscv64 joined its
   * allowed list in packaging 24.0 (pypa/packaging#751); the others were there from PEP 599.
   */
  public static boolean manylinuxKnown(Arch arch, PipProfile profile) {
    return arch != Arch.RISCV64 || profile.packagingAtLeast(24, 0);
  }

  private static List<String> manylinux(Libc glibc, Arch arch, PipProfile profile) {
    List<String> out = new ArrayList<>();
    if (!manylinuxKnown(arch, profile) || glibc.major() != GLIBC_MAJOR) {
      return out;
    }
    String a = arch.tagName();
    boolean x86 = arch == Arch.X86_64 || arch == Arch.I686;
    if (profile.supportsPep600()) {
      for (int minor = glibc.minor(); minor >= floorMinor(arch); minor--) {
        out.add("manylinux_2_" + minor + "_" + a);
        String legacy = legacyAlias(minor);
        if (legacy != null) {
          out.add(legacy + "_" + a);
        }
      }
      return out;
    }
    // Before PEP 600 (packaging < 20.5): only the legacy names, newest first.
    if (profile.supportsManylinux2014() && glibc.minor() >= 17) {
      out.add("manylinux2014_" + a);
    }
    if (x86 && glibc.minor() >= 12) {
      out.add("manylinux2010_" + a);
    }
    if (x86 && glibc.minor() >= 5) {
      out.add("manylinux1_" + a);
    }
    return out;
  }

  /** PEP 600's legacy aliases: manylinux2014 = 2.17, manylinux2010 = 2.12, manylinux1 = 2.5. */
  static String legacyAlias(int glibcMinor) {
    switch (glibcMinor) {
      case 17:
        return "manylinux2014";
      case 12:
        return "manylinux2010";
      case 5:
        return "manylinux1";
      default:
        return null;
    }
  }
}
