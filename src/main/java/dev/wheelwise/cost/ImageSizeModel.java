package dev.wheelwise.cost;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Image size = base image (uncompressed, catalog) + installed wheels + packages built from sdists
 * + what the build leaves behind (build packages in a single-stage image, pip's cache). Each part
 * is a range with its basis; the total has a top only when every part has one.
 *
 * <p>Where each number comes from (nothing here is fitted on the seeds' images):
 *
 * <ul>
 *   <li>A wheel measured from its zip directory counts its members plus the bytecode pip
 *       compiles, members × {@link WheelRatios#bytecodePerMemberByte} of its kind (fitted on
 *       the same wheels; 0–0.759 for platform wheels, 0.052–1.128 pure); a wheel known by its file size (exact from
 *       the index, or a band from {@link FileSizes}) counts file × {@link
 *       WheelRatios#installedPerFileByte}: both fitted on 888 real wheels by kind.
 *   <li>sdist → built wheel: {@value #SDIST_WHEEL_RATIO_LOW}–{@value #SDIST_WHEEL_RATIO_HIGH}
 *       from compile-times.tsv (matplotlib 3.7.5's built wheel over its 3.9.2 sdist; gevent 1.4.0's
 *       5.2 MB sdist → 6.9 MB wheel), then installed as a compiled wheel. pip builds in a
 *       temporary directory it removes: no object files stay behind.
 *   <li>Build packages a single-stage image keeps: unknown unless the caller gives their size (the
 *       knowledge files record no apk/apt installed sizes).
 *   <li>pip's cache without {@code --no-cache-dir}: the downloaded files plus the wheels it builds.
 * </ul>
 */
public final class ImageSizeModel {

  public static final double SDIST_WHEEL_RATIO_LOW = 0.318;
  public static final double SDIST_WHEEL_RATIO_HIGH = 1.327;

  /** The part names, as the JSON and the chart show them. */
  public static final String BASE = "base image";
  public static final String WHEELS = "wheels";
  public static final String BUILT = "source builds";
  public static final String BUILD_PACKAGES = "build packages";
  public static final String PIP_CACHE = "pip cache";

  private final WheelRatios ratios;

  public ImageSizeModel() {
    this(WheelRatios.load());
  }

  public ImageSizeModel(WheelRatios ratios) {
    this.ratios = ratios;
  }

  public SizeEstimate estimate(OptionalLong baseUncompressedBytes, List<InstalledFile> files, BuildLeftovers leftovers) {
    return estimate(baseUncompressedBytes, "catalog, uncompressed", files, leftovers);
  }

  /** {@code baseBasis}: where the base size comes from (the catalog record's provenance). */
  public SizeEstimate estimate(OptionalLong baseUncompressedBytes, String baseBasis, List<InstalledFile> files,
      BuildLeftovers leftovers) {
    List<SizeEstimate.Part> parts = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    Sum wheels = new Sum();
    Sum built = new Sum();
    Sum download = new Sum();
    int wheelCount = 0;
    int measured = 0;
    int estimatedSizes = 0;
    int sdistCount = 0;
    WheelRatios.Band compiled = ratios.installed(WheelRatios.Kind.COMPILED);
    for (InstalledFile f : files) {
      Optional<long[]> size = f.fileBytesBand();
      estimatedSizes += f.fileBytes().isEmpty() && f.estimatedFileBytes().isPresent() ? 1 : 0;
      if (f.kind() == InstalledFile.Kind.WHEEL) {
        wheelCount++;
        if (f.uncompressedBytes().isPresent()) {
          measured++;
          // The members as measured, plus the bytecode pip compiles from them: not measured (the
          // directory does not say how much is .py), so the band of the wheel's kind.
          long m = f.uncompressedBytes().getAsLong();
          WheelRatios.Band bc = ratios.bytecodePerMemberByte(f.filename());
          wheels.add(m + Math.round(m * bc.low()), m + Math.round(m * bc.high()));
        } else if (size.isPresent()) {
          WheelRatios.Band r = ratios.installedPerFileByte(f.filename());
          wheels.add(Math.round(size.get()[0] * r.low()), Math.round(size.get()[1] * r.high()));
        } else {
          wheels.unknown(f.name());
        }
        if (size.isPresent()) {
          download.add(size.get()[0], size.get()[1]);
        } else {
          download.unknown(f.name());
        }
      } else {
        sdistCount++;
        if (size.isPresent()) {
          long wheelLo = Math.round(size.get()[0] * SDIST_WHEEL_RATIO_LOW);
          long wheelHi = Math.round(size.get()[1] * SDIST_WHEEL_RATIO_HIGH);
          built.add(Math.round(wheelLo * compiled.low()), Math.round(wheelHi * compiled.high()));
          download.add(size.get()[0] + wheelLo, size.get()[1] + wheelHi);
        } else {
          built.unknown(f.name());
          download.unknown(f.name());
        }
      }
    }
    if (wheelCount > 0) {
      parts.add(wheels.part(WHEELS, String.format(Locale.ROOT,
          "%d wheel(s): %d measured from the zip directory (+ bytecode, band of their kind), the others file size × "
              + "the installed/file band of their kind (fitted on %d real wheels)", wheelCount, measured, ratios.fittedOn())));
    }
    if (sdistCount > 0) {
      parts.add(built.part(BUILT, String.format(Locale.ROOT, "%d sdist(s) × %.3f–%.3f (built wheel) × %.2f–%.2f (installed, compiled wheels)",
          sdistCount, SDIST_WHEEL_RATIO_LOW, SDIST_WHEEL_RATIO_HIGH, compiled.low(), compiled.high())));
    }
    if (estimatedSizes > 0) {
      notes.add(estimatedSizes + " file size(s) estimated: not on the index page or lock; from sizes pip printed in public logs"
          + " (file-sizes.tsv), the file's own or a neighbouring release's");
    }
    if (leftovers.singleStage() && !leftovers.systemPackages().isEmpty()) {
      String what = BUILD_PACKAGES + ": " + String.join(" ", leftovers.systemPackages());
      if (leftovers.systemPackagesBytes().isPresent()) {
        long b = leftovers.systemPackagesBytes().getAsLong();
        parts.add(new SizeEstimate.Part(what, OptionalLong.of(b), OptionalLong.of(b), "size given by the caller"));
      } else {
        parts.add(new SizeEstimate.Part(what, OptionalLong.of(0), OptionalLong.empty(),
            "installed size unknown: the knowledge files record no apk/apt package sizes"));
        notes.add("the compilers and -dev packages stay in a single-stage image; their size is unknown");
      }
    } else if (!leftovers.systemPackages().isEmpty()) {
      notes.add("build packages are not in the final image (multi-stage or removed in the same step)");
    }
    if (leftovers.pipCacheKept()) {
      parts.add(download.part(PIP_CACHE, "no --no-cache-dir: the downloaded files plus the wheels built from sdists"));
    }
    long lo = 0;
    long hi = 0;
    boolean hiKnown = true;
    for (SizeEstimate.Part p : parts) {
      lo += p.low().orElse(0);
      if (p.high().isPresent()) {
        hi += p.high().getAsLong();
      } else {
        hiKnown = false;
      }
    }
    boolean baseUnknown = baseUncompressedBytes.isEmpty();
    if (baseUnknown) {
      notes.add("base image size unknown: the catalog has no uncompressed size for it, so the total is unknown");
      parts.add(0, new SizeEstimate.Part(BASE, OptionalLong.empty(), OptionalLong.empty(), "unknown: " + baseBasis));
    } else {
      parts.add(0, new SizeEstimate.Part(BASE, baseUncompressedBytes, baseUncompressedBytes, baseBasis));
    }
    OptionalLong totalLow = baseUnknown ? OptionalLong.empty() : OptionalLong.of(baseUncompressedBytes.getAsLong() + lo);
    OptionalLong totalHigh = baseUnknown || !hiKnown ? OptionalLong.empty() : OptionalLong.of(baseUncompressedBytes.getAsLong() + hi);
    return new SizeEstimate(baseUncompressedBytes, baseUnknown, OptionalLong.of(lo), hiKnown ? OptionalLong.of(hi) : OptionalLong.empty(),
        totalLow, totalHigh, parts, notes);
  }

  /** A running [low, high] with the names of parts whose size is unknown. */
  private static final class Sum {
    long low;
    long high;
    final List<String> unknown = new ArrayList<>();

    void add(long lo, long hi) {
      low += lo;
      high += hi;
    }

    void unknown(String name) {
      unknown.add(name);
    }

    SizeEstimate.Part part(String what, String basis) {
      String b = unknown.isEmpty() ? basis : basis + String.format(Locale.ROOT, "; size unknown for %s", String.join(", ", unknown));
      return new SizeEstimate.Part(what, OptionalLong.of(low), unknown.isEmpty() ? OptionalLong.of(high) : OptionalLong.empty(), b);
    }
  }
}
