package dev.wheelwise.cost;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * Image size = base image (uncompressed) + installed packages + what the build leaves behind.
 * A wheel whose installed size was measured ({@link InstalledFile#uncompressedBytes}, from its
 * zip central directory) counts exactly that; the others are estimated with the ratios below.
 *
 * <p>Calibrations (all in SI bytes, as docker and pip print them; {@code ImageSizeCalibrationTest}
 * recomputes each from ../shared):
 *
 * <ul>
 *   <li>Wheel file → installed bytes: {@value #WHEEL_INSTALLED_RATIO_LOW}–{@value
 *       #WHEEL_INSTALLED_RATIO_HIGH}. Low end: a zip's members are at least as large once
 *       extracted. High end: the article's python:3.8-slim image (363 MB, compile-times.tsv) on a
 *       193.32 MB base (catalog, python:3.8.1-slim-buster amd64) added 169.68 MB for
 *       matplotlib 3.1.2 (13.1 MB wheel) + pandas 0.25.3 (10.4 MB wheel) (sizes from the pip log
 *       quoted in corpus/index-facts/NOTES.md) and their dependencies — numpy's wheel size is not
 *       recorded, so 169.68 / 23.5 = 7.22 is an upper bound on the ratio, not a point.
 *   <li>sdist → built wheel: {@value #SDIST_WHEEL_RATIO_LOW}–{@value #SDIST_WHEEL_RATIO_HIGH}
 *       from compile-times.tsv: matplotlib's built wheel 11,484,947 B (3.7.5) against its 36.1 MB
 *       sdist (3.9.2: another version) and gevent 1.4.0's 5.2 MB sdist → 6.9 MB wheel.
 *   <li>System packages a single-stage build keeps: the knowledge gives no sizes, so unknown
 *       unless the caller knows them. For reference, the article's python:3.8-alpine image
 *       (851 MB on a 109.08 MB base) implies about 572 MB for its apk line plus the compiled
 *       packages' extra weight, if the compiled packages take what the slim wheels took.
 *   <li>pip's cache without {@code --no-cache-dir}: the downloaded files plus the wheels it
 *       builds from sdists.
 * </ul>
 */
public final class ImageSizeModel {

  public static final double WHEEL_INSTALLED_RATIO_LOW = 1.0;
  public static final double WHEEL_INSTALLED_RATIO_HIGH = 7.22;
  public static final double SDIST_WHEEL_RATIO_LOW = 0.318;
  public static final double SDIST_WHEEL_RATIO_HIGH = 1.327;

  public SizeEstimate estimate(OptionalLong baseUncompressedBytes, List<InstalledFile> files, BuildLeftovers leftovers) {
    List<SizeEstimate.Part> parts = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    Sum wheels = new Sum();
    Sum built = new Sum();
    Sum download = new Sum();
    int wheelCount = 0;
    int sdistCount = 0;
    for (InstalledFile f : files) {
      if (f.kind() == InstalledFile.Kind.WHEEL) {
        wheelCount++;
        if (f.uncompressedBytes().isPresent()) {
          wheels.add(f.uncompressedBytes().getAsLong(), f.uncompressedBytes().getAsLong());
        } else if (f.fileBytes().isPresent()) {
          long b = f.fileBytes().getAsLong();
          wheels.add(Math.round(b * WHEEL_INSTALLED_RATIO_LOW), Math.round(b * WHEEL_INSTALLED_RATIO_HIGH));
        } else {
          wheels.unknown(f.name());
        }
        if (f.fileBytes().isPresent()) {
          download.add(f.fileBytes().getAsLong(), f.fileBytes().getAsLong());
        } else {
          download.unknown(f.name());
        }
      } else {
        sdistCount++;
        if (f.fileBytes().isPresent()) {
          long b = f.fileBytes().getAsLong();
          long wheelLo = Math.round(b * SDIST_WHEEL_RATIO_LOW);
          long wheelHi = Math.round(b * SDIST_WHEEL_RATIO_HIGH);
          built.add(Math.round(wheelLo * WHEEL_INSTALLED_RATIO_LOW), Math.round(wheelHi * WHEEL_INSTALLED_RATIO_HIGH));
          download.add(b + wheelLo, b + wheelHi);
        } else {
          built.unknown(f.name());
          download.unknown(f.name());
        }
      }
    }
    if (wheelCount > 0) {
      parts.add(wheels.part(wheelCount + " wheel(s) installed",
          "zip central directory where read, else file size × " + WHEEL_INSTALLED_RATIO_LOW + "–" + WHEEL_INSTALLED_RATIO_HIGH));
    }
    if (sdistCount > 0) {
      parts.add(built.part(sdistCount + " package(s) built from sdists and installed",
          "sdist size × " + SDIST_WHEEL_RATIO_LOW + "–" + SDIST_WHEEL_RATIO_HIGH + " (built wheel) × "
              + WHEEL_INSTALLED_RATIO_LOW + "–" + WHEEL_INSTALLED_RATIO_HIGH + " (installed)"));
    }
    if (leftovers.singleStage() && !leftovers.systemPackages().isEmpty()) {
      if (leftovers.systemPackagesBytes().isPresent()) {
        long b = leftovers.systemPackagesBytes().getAsLong();
        parts.add(new SizeEstimate.Part("build packages " + String.join(" ", leftovers.systemPackages()),
            OptionalLong.of(b), OptionalLong.of(b), "size given by the caller"));
      } else {
        parts.add(new SizeEstimate.Part("build packages " + String.join(" ", leftovers.systemPackages()),
            OptionalLong.of(0), OptionalLong.empty(), "installed size unknown: the knowledge files give none"));
        notes.add("the compilers and -dev packages stay in a single-stage image; their size is unknown");
      }
    } else if (!leftovers.systemPackages().isEmpty()) {
      notes.add("build packages are not in the final image (multi-stage or removed in the same step)");
    }
    if (leftovers.pipCacheKept()) {
      parts.add(download.part("pip's cache (no --no-cache-dir)", "downloaded files plus the wheels built from sdists"));
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
    OptionalLong addedLow = OptionalLong.of(lo);
    OptionalLong addedHigh = hiKnown ? OptionalLong.of(hi) : OptionalLong.empty();
    boolean baseUnknown = baseUncompressedBytes.isEmpty();
    if (baseUnknown) {
      notes.add("base image size unknown: the catalog has no uncompressed size for it, so the total is unknown");
    }
    OptionalLong totalLow = baseUnknown ? OptionalLong.empty() : OptionalLong.of(baseUncompressedBytes.getAsLong() + lo);
    OptionalLong totalHigh = baseUnknown || !hiKnown ? OptionalLong.empty() : OptionalLong.of(baseUncompressedBytes.getAsLong() + hi);
    return new SizeEstimate(baseUncompressedBytes, baseUnknown, addedLow, addedHigh, totalLow, totalHigh, parts, notes);
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
