package dev.wheelwise.cost;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * A docker build step's wall time = pip's start + resolution and download + wheel installs +
 * system-package installs + source builds ({@link CompileTimeModel}). Each part is a range; the
 * total has a top only when every part has one. Constants and where each comes from (docs/cost.md
 * has the measurements):
 *
 * <ul>
 *   <li>{@link #INSTALL_CPU_SECONDS_PER_MB} and {@link #PIP_START_CPU_SECONDS}: measured here, as
 *       CPU time (user + sys), since this shared 2-core machine ran at a load of ~29 and its wall
 *       times say more about the neighbours than about pip. Another machine: × the compile model's
 *       machine factor ({@value CompileTimeModel#MACHINE_FACTOR_LOW}–{@value
 *       CompileTimeModel#MACHINE_FACTOR_HIGH}).
 *   <li>Network: assumed, not measured (no index is reachable from here): {@value
 *       #REQUESTS_PER_FILE} requests per file (pip 20–26 reads the project page, then downloads the
 *       file), each {@value #REQUEST_SECONDS_LOW}–{@value #REQUEST_SECONDS_HIGH} s of round trips
 *       and TLS to the CDN, and {@value #BANDWIDTH_MB_S_LOW}–{@value #BANDWIDTH_MB_S_HIGH} MB/s
 *       (a cloud or office builder; a home link can be slower).
 *   <li>System packages: assumed {@value #SYSTEM_PACKAGE_SECONDS_LOW}–{@value
 *       #SYSTEM_PACKAGE_SECONDS_HIGH} s per package named on the apk/apt line (index update and
 *       the dependencies it pulls included).
 * </ul>
 */
public final class BuildTimeModel {

  /**
   * CPU s per installed MB (unpack + bytecode) above pip's fixed cost: the least-squares slope of
   * CPU time over installed size for 13 real wheels installed alone (benchmarks/wheel-install.sh,
   * pip 23.2.1, Python 3.11; intercept 1.87 CPU s ≈ {@link #PIP_START_CPU_SECONDS}). The earlier
   * 0.09 was whole runs' CPU time over their MB, pip's start included, while the model adds the
   * start as its own part.
   */
  public static final double INSTALL_CPU_SECONDS_PER_MB = 0.043;
  /** CPU s for pip to start ({@code pip --version}: 0.92 s user + 0.58 s sys). */
  public static final double PIP_START_CPU_SECONDS = 1.5;
  public static final int REQUESTS_PER_FILE = 2;
  public static final double REQUEST_SECONDS_LOW = 0.1;
  public static final double REQUEST_SECONDS_HIGH = 0.5;
  public static final double BANDWIDTH_MB_S_LOW = 10;
  public static final double BANDWIDTH_MB_S_HIGH = 100;
  public static final double SYSTEM_PACKAGE_SECONDS_LOW = 1;
  public static final double SYSTEM_PACKAGE_SECONDS_HIGH = 5;

  public static final String PIP_START = "pip start";
  public static final String DOWNLOAD = "resolution and download";
  public static final String INSTALL = "wheel installs";
  public static final String SYSTEM = "system packages";
  public static final String COMPILE = "source builds";

  private static final double MB = 1_000_000.0;

  /** One part of the build time, in seconds; an empty high means unknown (low is then at least). */
  public record Part(String what, OptionalDouble low, OptionalDouble high, String basis) {}

  /** The build time and its parts. */
  public record Estimate(OptionalDouble low, OptionalDouble high, List<Part> parts) {
    public Estimate {
      parts = List.copyOf(parts);
    }
  }

  /**
   * @param files files pip downloads (wheels and sdists)
   * @param downloadBytes their sizes [low, high]: of all files when {@code unknownDownloads} is empty, else of the
   *     known ones (a lower bound), or null when none is known
   * @param installedBytes what the installs write [low, high] (wheels + built packages), likewise with
   *     {@code unknownInstalls}
   * @param systemPackages packages named on the apk/apt line the build needs (0 for none)
   * @param compile the source builds' time ({@link CompileTimeModel#total})
   */
  public Estimate estimate(int files, long[] downloadBytes, String unknownDownloads, long[] installedBytes,
      String unknownInstalls, int systemPackages, TimeEstimate compile) {
    List<Part> parts = new ArrayList<>();
    double mLo = CompileTimeModel.MACHINE_FACTOR_LOW;
    double mHi = CompileTimeModel.MACHINE_FACTOR_HIGH;
    parts.add(new Part(PIP_START, OptionalDouble.of(PIP_START_CPU_SECONDS * mLo), OptionalDouble.of(PIP_START_CPU_SECONDS * mHi),
        String.format(Locale.ROOT, "%.1f CPU s measured × machine factor %.1f–%.1f", PIP_START_CPU_SECONDS, mLo, mHi)));
    double reqLo = files * REQUESTS_PER_FILE * REQUEST_SECONDS_LOW;
    double reqHi = files * REQUESTS_PER_FILE * REQUEST_SECONDS_HIGH;
    String net = String.format(Locale.ROOT, "%d file(s) × %d requests × %.1f–%.1f s + bytes at %.0f–%.0f MB/s (assumed)", files,
        REQUESTS_PER_FILE, REQUEST_SECONDS_LOW, REQUEST_SECONDS_HIGH, BANDWIDTH_MB_S_LOW, BANDWIDTH_MB_S_HIGH);
    if (unknownDownloads.isEmpty() && downloadBytes != null) {
      parts.add(new Part(DOWNLOAD, OptionalDouble.of(reqLo + downloadBytes[0] / MB / BANDWIDTH_MB_S_HIGH),
          OptionalDouble.of(reqHi + downloadBytes[1] / MB / BANDWIDTH_MB_S_LOW), net));
    } else {
      // The known files' bytes still bound the low end.
      double known = downloadBytes == null ? 0 : downloadBytes[0] / MB / BANDWIDTH_MB_S_HIGH;
      parts.add(new Part(DOWNLOAD, OptionalDouble.of(reqLo + known), OptionalDouble.empty(), net + "; size unknown for " + unknownDownloads));
    }
    String inst = String.format(Locale.ROOT, "installed MB × %.3f CPU s/MB measured × machine factor %.1f–%.1f",
        INSTALL_CPU_SECONDS_PER_MB, mLo, mHi);
    if (unknownInstalls.isEmpty() && installedBytes != null) {
      parts.add(new Part(INSTALL, OptionalDouble.of(installedBytes[0] / MB * INSTALL_CPU_SECONDS_PER_MB * mLo),
          OptionalDouble.of(installedBytes[1] / MB * INSTALL_CPU_SECONDS_PER_MB * mHi), inst));
    } else {
      double known = installedBytes == null ? 0 : installedBytes[0] / MB * INSTALL_CPU_SECONDS_PER_MB * mLo;
      parts.add(new Part(INSTALL, OptionalDouble.of(known), OptionalDouble.empty(), inst + "; installed size unknown for " + unknownInstalls));
    }
    if (systemPackages > 0) {
      parts.add(new Part(SYSTEM, OptionalDouble.of(systemPackages * SYSTEM_PACKAGE_SECONDS_LOW),
          OptionalDouble.of(systemPackages * SYSTEM_PACKAGE_SECONDS_HIGH), String.format(Locale.ROOT,
              "%d package(s) × %.0f–%.0f s (assumed)", systemPackages, SYSTEM_PACKAGE_SECONDS_LOW, SYSTEM_PACKAGE_SECONDS_HIGH)));
    }
    if (compile.basis() != TimeEstimate.Basis.NONE) {
      parts.add(new Part(COMPILE, compile.low().isPresent() ? compile.low() : OptionalDouble.of(0), compile.high(),
          String.join("; ", compile.notes())));
    }
    double lo = 0;
    double hi = 0;
    boolean hiKnown = true;
    for (Part p : parts) {
      lo += p.low().orElse(0);
      if (p.high().isPresent()) {
        hi += p.high().getAsDouble();
      } else {
        hiKnown = false;
      }
    }
    return new Estimate(OptionalDouble.of(lo), hiKnown ? OptionalDouble.of(hi) : OptionalDouble.empty(), parts);
  }
}
