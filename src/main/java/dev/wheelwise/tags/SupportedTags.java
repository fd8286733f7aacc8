package dev.wheelwise.tags;

import dev.wheelwise.pep440.PipProfile;
import dev.wheelwise.tags.Compatibility.Compatible;
import dev.wheelwise.tags.Compatibility.Incompatible;
import dev.wheelwise.tags.Compatibility.Reason;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ordered tags pip accepts when it runs inside an image (what {@code pip debug --verbose}
 * lists there, not what {@code pip --platform} emulates: research §2.1): {@code cpython_tags} +
 * {@code compatible_tags} over the image's Linux platforms, with the rules of the packaging that
 * pip vendors. Position is priority: rank 0 is the tag pip prefers most.
 */
public final class SupportedTags {

  private static final Pattern CPYTHON = Pattern.compile("cp(\\d)(\\d+)");

  private final Target target;
  private final PipProfile profile;
  private final List<Tag> ordered;
  private final Map<Tag, Integer> ranks;
  private final Set<String> interpreters = new HashSet<>();
  private final Set<String> interpreterAbis = new HashSet<>();
  private final Set<String> platforms = new HashSet<>();
  private final List<String> abis;

  private SupportedTags(Target target, PipProfile profile) {
    this.target = target;
    this.profile = profile;
    int major = target.pythonMajor();
    int minor = target.pythonMinor();
    List<String> linux = LinuxPlatforms.of(target.libc(), target.arch(), profile);
    this.abis = abis(target, profile);
    List<Tag> tags = new ArrayList<>(TagOrder.cpython(major, minor, abis, linux, stableAbi(target, profile)));
    tags.addAll(TagOrder.compatible(major, minor, "cp" + major + minor, linux));
    this.ordered = List.copyOf(tags);
    Map<Tag, Integer> index = new HashMap<>(ordered.size() * 2);
    for (int i = ordered.size() - 1; i >= 0; i--) {
      Tag tag = ordered.get(i);
      index.put(tag, i);
      interpreters.add(tag.interpreter());
      interpreterAbis.add(tag.interpreter() + "-" + tag.abi());
      platforms.add(tag.platform());
    }
    this.ranks = Collections.unmodifiableMap(index);
  }

  /** The list pip of {@code profile} computes inside an image that is {@code target}. */
  public static SupportedTags of(Target target, PipProfile profile) {
    return new SupportedTags(Objects.requireNonNull(target, "target"), Objects.requireNonNull(profile, "profile"));
  }

  /**
   * The interpreter's own ABIs ({@code _cpython_abis}): {@code cp312}; {@code cp313t} for a
   * free-threaded build once packaging reads {@code Py_GIL_DISABLED} (24.0; older packaging
   * sees a plain {@code cp313}); {@code m} before 3.8 and {@code u} before 3.3 (pymalloc and
   * UCS-4, both on in official builds). Debug builds are not modelled.
   */
  static List<String> abis(Target target, PipProfile profile) {
    int major = target.pythonMajor();
    int minor = target.pythonMinor();
    boolean before38 = major < 3 || (major == 3 && minor < 8);
    boolean before33 = major < 3 || (major == 3 && minor < 3);
    String flags = (knowsFreeThreading(target, profile) ? "t" : "") + (before38 ? "m" : "") + (before33 ? "u" : "");
    return List.of("cp" + major + minor + flags);
  }

  static TagOrder.StableAbi stableAbi(Target target, PipProfile profile) {
    if (!knowsFreeThreading(target, profile)) {
      return TagOrder.StableAbi.ABI3;
    }
    return profile.packagingAtLeast(26, 1) ? TagOrder.StableAbi.ABI3T : TagOrder.StableAbi.NONE;
  }

  private static boolean knowsFreeThreading(Target target, PipProfile profile) {
    return target.freeThreaded() && profile.packagingAtLeast(24, 0);
  }

  public Target target() {
    return target;
  }

  public PipProfile profile() {
    return profile;
  }

  /** All tags, best first. */
  public List<Tag> ordered() {
    return ordered;
  }

  /** The position of {@code tag} in {@link #ordered()}, or empty when pip does not accept it. */
  public OptionalInt rank(Tag tag) {
    Integer rank = ranks.get(tag);
    return rank == null ? OptionalInt.empty() : OptionalInt.of(rank);
  }

  /**
   * Compatible with the best rank among the wheel's tags, or incompatible with the most specific
   * reason any of its tags gives (ties: the alphabetically first tag, so answers are stable).
   */
  public Compatibility compatibility(WheelFilename wheel) {
    return compatibility(wheel.tags());
  }

  /**
   * The best rank among the wheel's tags, or -1 when none is in the list: {@link
   * #compatibility(Set)} without the reason, which costs a sort and a string per tag and is
   * wanted only when no file of a release fits.
   */
  public int bestRank(Set<Tag> tags) {
    int best = Integer.MAX_VALUE;
    for (Tag tag : tags) {
      Integer rank = ranks.get(tag);
      if (rank != null && rank < best) {
        best = rank;
      }
    }
    return best == Integer.MAX_VALUE ? -1 : best;
  }

  /** As {@link #compatibility(WheelFilename)}, for a bare tag set. */
  public Compatibility compatibility(Set<Tag> tags) {
    int best = bestRank(tags);
    if (best >= 0) {
      return new Compatible(best);
    }
    Incompatible closest = null;
    List<Tag> sorted = new ArrayList<>(tags);
    sorted.sort(Comparator.comparing(Tag::toString));
    for (Tag tag : sorted) {
      Incompatible why = explain(tag);
      if (closest == null || why.reason().compareTo(closest.reason()) < 0) {
        closest = why;
      }
    }
    return closest != null ? closest : new Incompatible(Reason.UNKNOWN_TAG, "the wheel has no tags");
  }

  /**
   * Why one tag is not in the list. Checks go from coarse to fine (system, architecture,
   * Python, ABI, libc family, pip's support, libc version); the first that fails names the reason.
   */
  private Incompatible explain(Tag tag) {
    PlatformTag platform = PlatformTag.parse(tag.platform());
    String arch = target.arch().tagName();
    switch (platform.kind()) {
      case MACOS:
        return new Incompatible(Reason.OTHER_OS, "built for macOS (" + tag.platform() + "), the image is Linux");
      case WINDOWS:
        return new Incompatible(Reason.OTHER_OS, "built for Windows (" + tag.platform() + "), the image is Linux");
      case OTHER_OS:
        return new Incompatible(Reason.OTHER_OS, "built for another system (" + tag.platform() + "), the image is Linux");
      case UNKNOWN:
        return new Incompatible(Reason.UNKNOWN_TAG, "unknown platform tag '" + tag.platform() + "'");
      default:
        break;
    }
    if (platform.isLinux() && !platform.arch().equals(arch)) {
      return new Incompatible(Reason.WRONG_ARCH, "built for " + platform.arch() + ", the image is " + arch);
    }
    if (!interpreters.contains(tag.interpreter()) || olderCpythonWithoutStableAbi(tag)) {
      return new Incompatible(Reason.WRONG_PYTHON, wrongPython(tag));
    }
    if (!interpreterAbis.contains(tag.interpreter() + "-" + tag.abi())) {
      return wrongAbi(tag);
    }
    if (!platforms.contains(tag.platform())) {
      return wrongLinux(tag, platform);
    }
    return new Incompatible(Reason.UNKNOWN_TAG,
        "no installer accepts the combination " + tag + " (the image's list has its parts, not this triple)");
  }

  /** {@code cp311-cp311}: an older CPython is in the list only through the stable ABI. */
  private boolean olderCpythonWithoutStableAbi(Tag tag) {
    String own = "cp" + target.pythonMajor() + target.pythonMinor();
    return CPYTHON.matcher(tag.interpreter()).matches() && !tag.interpreter().equals(own)
        && !tag.abi().equals("abi3") && !tag.abi().equals("abi3t");
  }

  private String wrongPython(Tag tag) {
    String image = "the image has CPython " + target.pythonVersion() + (target.freeThreaded() ? "t" : "");
    Matcher cp = CPYTHON.matcher(tag.interpreter());
    if (cp.matches()) {
      String needs = cp.group(1) + "." + cp.group(2);
      if (tag.abi().equals("abi3") || tag.abi().equals("abi3t")) {
        return "needs CPython " + needs + " or newer (stable ABI " + tag.abi() + "), " + image;
      }
      return "built for CPython " + needs + ", " + image;
    }
    if (tag.interpreter().startsWith("pp")) {
      return "built for PyPy (" + tag.interpreter() + "), " + image;
    }
    if (tag.interpreter().startsWith("py")) {
      return "built for Python " + tag.interpreter().substring(2) + " (" + tag.interpreter() + "), " + image;
    }
    return "built for interpreter '" + tag.interpreter() + "', " + image;
  }

  private Incompatible wrongAbi(Tag tag) {
    String abi = tag.abi();
    if (abi.equals("abi3") && target.freeThreaded()) {
      return new Incompatible(Reason.ABI3_ON_FREE_THREADED,
          "abi3 wheels do not load on a free-threaded interpreter (CPython " + target.pythonVersion() + "t)");
    }
    String own = String.join(", ", abis);
    if (abi.equals("abi3t")) {
      return new Incompatible(Reason.WRONG_ABI, target.freeThreaded()
          ? "the free-threaded stable ABI abi3t needs packaging 26.1 or newer in pip, the image has " + profile
          : "abi3t is the free-threaded stable ABI, the image's Python is a GIL build (" + own + ")");
    }
    if (abi.endsWith("t") && !target.freeThreaded()) {
      return new Incompatible(Reason.WRONG_ABI, "needs a free-threaded interpreter (" + abi + "), the image has " + own);
    }
    if (target.freeThreaded() && abis.stream().allMatch(a -> a.contains("t")) && !abi.contains("t")) {
      return new Incompatible(Reason.WRONG_ABI, "built for the GIL build (" + abi + "), the image's Python is free-threaded (" + own + ")");
    }
    return new Incompatible(Reason.WRONG_ABI, "ABI '" + abi + "' is not one the image's Python provides (" + own + ", abi3, none)");
  }

  private Incompatible wrongLinux(Tag tag, PlatformTag platform) {
    Libc libc = target.libc();
    String arch = target.arch().tagName();
    if (platform.isGlibc() && libc.isMusl()) {
      return new Incompatible(Reason.GLIBC_WHEEL_ON_MUSL,
          "built for glibc (" + tag.platform() + "), the image has musl " + libc.major() + "." + libc.minor());
    }
    if (platform.kind() == PlatformTag.Kind.MUSLLINUX && !libc.isMusl()) {
      return new Incompatible(Reason.MUSL_WHEEL_ON_GLIBC,
          "built for musl (" + tag.platform() + "), the image has glibc " + libc.major() + "." + libc.minor());
    }
    String tooOld = pipTooOld(platform);
    if (tooOld != null) {
      return new Incompatible(Reason.PIP_TOO_OLD, tooOld);
    }
    boolean newer = platform.libcMajor() > libc.major()
        || (platform.libcMajor() == libc.major() && platform.libcMinor() > libc.minor());
    String needs = platform.libcMajor() + "." + platform.libcMinor();
    String has = libc.major() + "." + libc.minor();
    if (platform.isGlibc() && newer) {
      return new Incompatible(Reason.GLIBC_TOO_NEW, "needs glibc " + needs + ", image has " + has);
    }
    if (platform.kind() == PlatformTag.Kind.MUSLLINUX && newer) {
      return new Incompatible(Reason.MUSL_TOO_NEW, "needs musl " + needs + ", image has " + has);
    }
    if (platform.isGlibc() && platform.libcMajor() == 2 && platform.libcMinor() < LinuxPlatforms.floorMinor(target.arch())) {
      return new Incompatible(Reason.UNKNOWN_TAG, "glibc " + needs + " is below the oldest manylinux for " + arch
          + " (2." + LinuxPlatforms.floorMinor(target.arch()) + "), so no installer accepts " + tag.platform());
    }
    return new Incompatible(Reason.UNKNOWN_TAG, "platform " + tag.platform() + " is not one pip accepts on this image");
  }

  /** The sentence when the tag kind is newer than the image's pip, else null. */
  private String pipTooOld(PlatformTag platform) {
    String pip = "the image has " + profile;
    if (platform.kind() == PlatformTag.Kind.MUSLLINUX && !profile.supportsMusllinux()) {
      return "musllinux wheels (PEP 656) need pip 21.2 or newer, " + pip;
    }
    if (platform.kind() == PlatformTag.Kind.MANYLINUX && !profile.supportsPep600()) {
      return "manylinux_X_Y wheels (PEP 600) need pip 20.3 or newer, " + pip;
    }
    if (platform.kind() == PlatformTag.Kind.MANYLINUX_LEGACY && platform.libcMinor() == 17 && !profile.supportsManylinux2014()) {
      return "manylinux2014 wheels (PEP 599) need pip 19.3 or newer, " + pip;
    }
    if (platform.isGlibc() && !LinuxPlatforms.manylinuxKnown(target.arch(), profile)) {
      return "manylinux wheels for riscv64 need pip 24.1 or newer (packaging 24.0), " + pip;
    }
    return null;
  }

  @Override
  public String toString() {
    return ordered.size() + " tags for " + target + " under " + profile;
  }
}
