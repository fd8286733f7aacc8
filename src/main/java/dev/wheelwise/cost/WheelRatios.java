package dev.wheelwise.cost;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Installed bytes per wheel file byte, and bytecode per installed member byte, per kind of wheel,
 * fitted on real wheels by {@code WheelRatioGenerator} (test scope) into {@code wheel-ratios.json}:
 * the 5th–95th percentile band over this machine's local wheel index (887 wheels when fitted).
 * Installed = the members' sizes (zip directory) + the .pyc files pip compiles by default.
 */
public final class WheelRatios {

  /** What a wheel holds. From a filename alone, a platform wheel may be either of the last two. */
  public enum Kind {
    /** {@code -none-any}: Python only. */
    PURE,
    /** A platform wheel without bundled shared libraries. */
    COMPILED,
    /** A platform wheel with shared libraries in {@code *.libs/} (auditwheel) or {@code .dylibs/}. */
    BUNDLED;

    /** PURE for {@code -none-any} wheels; COMPILED stands for "a platform wheel" otherwise. */
    public static Kind ofFilename(String filename) {
      return filename.toLowerCase(Locale.ROOT).endsWith("-none-any.whl") ? PURE : COMPILED;
    }
  }

  /** A [low, high] factor. */
  public record Band(double low, double high) {
    public Band envelope(Band o) {
      return new Band(Math.min(low, o.low), Math.max(high, o.high));
    }
  }

  record KindRow(String kind, int wheels, double installedPerFileByteLow, double installedPerFileByteHigh,
      double bytecodePerMemberByteLow, double bytecodePerMemberByteHigh) {}

  record RatiosFile(String generatedBy, int wheels, int bytecodeSampleWheels, Map<String, Double> bytecodePerPyByte, List<KindRow> kinds) {}

  private final Map<Kind, Band> installed = new EnumMap<>(Kind.class);
  private final Map<Kind, Band> bytecode = new EnumMap<>(Kind.class);
  private final int wheels;

  private WheelRatios(RatiosFile f) {
    for (KindRow r : f.kinds()) {
      Kind k = Kind.valueOf(r.kind());
      installed.put(k, new Band(r.installedPerFileByteLow(), r.installedPerFileByteHigh()));
      bytecode.put(k, new Band(r.bytecodePerMemberByteLow(), r.bytecodePerMemberByteHigh()));
    }
    this.wheels = f.wheels();
  }

  public static WheelRatios load() {
    return new WheelRatios(KnowledgeFiles.read("wheel-ratios.json", RatiosFile.class));
  }

  /** Installed bytes per file byte for a wheel known only by its name. */
  public Band installedPerFileByte(String filename) {
    Kind k = Kind.ofFilename(filename);
    return k == Kind.PURE ? installed.get(k) : installed.get(Kind.COMPILED).envelope(installed.get(Kind.BUNDLED));
  }

  /** Bytecode bytes per member byte (zip directory sum) for a wheel known by its name. */
  public Band bytecodePerMemberByte(String filename) {
    Kind k = Kind.ofFilename(filename);
    return k == Kind.PURE ? bytecode.get(k) : bytecode.get(Kind.COMPILED).envelope(bytecode.get(Kind.BUNDLED));
  }

  public Band installed(Kind k) {
    return installed.get(k);
  }

  public int fittedOn() {
    return wheels;
  }
}
