package dev.wheelwise.cost;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.Predicate;

/**
 * Compile-time ranges for sdist builds, calibrated on compile-times.tsv.
 *
 * <p>The model, in words:
 *
 * <ol>
 *   <li>A package with its own two-sided observations gets their range, scaled by cores and by
 *       a machine factor ({@value #MACHINE_FACTOR_LOW}–{@value #MACHINE_FACTOR_HIGH}, assumed).
 *   <li>Otherwise its sdist size times a seconds-per-MB band, where the band runs from the
 *       lowest to the highest rate among the two-sided observations whose sdist sizes are known
 *       (too few to fit a rate per language: one pooled band). The package's own one-sided
 *       observations then move the ends (a lower bound raises the low end, an upper bound lowers
 *       the high end).
 *   <li>Cores: a parallel build (meson/ninja, cmake, cargo, grpcio) scales by Amdahl's law with
 *       an assumed parallel fraction of {@value #PARALLEL_FRACTION}; observations without a core
 *       count are taken to come from {@value #ASSUMED_CORES_LOW}–{@value #ASSUMED_CORES_HIGH}
 *       core machines (typical CI runners and laptops' Docker VMs), which widens the range. A
 *       serial build (setuptools) does not scale; an unknown backend spans both.
 *   <li>No observation and no size: unknown, never a guess.
 * </ol>
 *
 * <p>Builds run one after another under pip, so a set's range is the sum ({@link #total}).
 */
public final class CompileTimeModel {

  /** Amdahl parallel fraction for parallel builds: an assumption, not fitted (see class doc). */
  public static final double PARALLEL_FRACTION = 0.9;

  /**
   * Another machine, version and compiler flags than the observation's: its time × 0.5 to × 2.
   * An assumption, not fitted (one pair of own observations, duckdb, is all there is to fit on);
   * without it a single observation would give a zero-width range.
   */
  public static final double MACHINE_FACTOR_LOW = 0.5;

  public static final double MACHINE_FACTOR_HIGH = 2.0;

  public static final int ASSUMED_CORES_LOW = 2;
  public static final int ASSUMED_CORES_HIGH = 4;

  private static final double MB = 1_000_000.0;

  private final CompileObservations data;
  private final Predicate<Observation> allowed;
  private final Optional<Calibration> calibration;

  /**
   * The seconds-per-MB band and the observations behind it.
   *
   * @param lowSecondsPerMb the lowest observed rate
   * @param highSecondsPerMb the highest observed rate
   * @param centerSecondsPerMb geometric mean of the points' midpoints (for a single number)
   * @param points one line per calibrating observation: where, size, seconds, rate
   */
  public record Calibration(double lowSecondsPerMb, double highSecondsPerMb, double centerSecondsPerMb, List<String> points) {
    public Calibration {
      points = List.copyOf(points);
    }
  }

  private CompileTimeModel(CompileObservations data, Predicate<Observation> allowed) {
    this.data = data;
    this.allowed = allowed;
    this.calibration = fit();
  }

  /** Calibrated on every usable observation bundled with wheelwise. */
  public static CompileTimeModel load() {
    return calibrate(CompileObservations.load(), o -> true);
  }

  /** Calibrated on the observations {@code allowed} accepts (leave-one-out evaluation). */
  public static CompileTimeModel calibrate(CompileObservations data, Predicate<Observation> allowed) {
    return new CompileTimeModel(data, allowed);
  }

  public Optional<Calibration> calibration() {
    return calibration;
  }

  public CompileObservations observations() {
    return data;
  }

  private Optional<Calibration> fit() {
    double lo = Double.POSITIVE_INFINITY;
    double hi = 0;
    double logSum = 0;
    int n = 0;
    List<String> points = new ArrayList<>();
    for (Observation o : data.timed()) {
      if (o.use() != Observation.Use.FIT || !allowed.test(o)) {
        continue;
      }
      OptionalLong bytes = sizeOf(o);
      if (bytes.isEmpty()) {
        continue;
      }
      double mb = bytes.getAsLong() / MB;
      double rLo = o.low().getAsDouble() / mb;
      double rHi = o.high().getAsDouble() / mb;
      lo = Math.min(lo, rLo);
      hi = Math.max(hi, rHi);
      logSum += Math.log((rLo + rHi) / 2);
      n++;
      points.add(String.format(Locale.ROOT, "%s: %.1f MB sdist, %s → %.1f–%.1f s/MB", o.cite(), mb, o.interval(), rLo, rHi));
    }
    if (n == 0) {
      return Optional.empty();
    }
    return Optional.of(new Calibration(lo, hi, Math.exp(logSum / n), points));
  }

  /** The summed sdist sizes of an observation's packages (its own sizes first), if all known. */
  OptionalLong sizeOf(Observation o) {
    long total = 0;
    for (String p : o.packages()) {
      Long own = o.sdistBytes().get(p);
      OptionalLong typical = data.typicalSdistBytes(p);
      if (own != null) {
        total += own;
      } else if (typical.isPresent()) {
        total += typical.getAsLong();
      } else {
        return OptionalLong.empty();
      }
    }
    return OptionalLong.of(total);
  }

  /** Amdahl speed-up on {@code cores} cores. */
  static double speedup(int cores) {
    return 1 / ((1 - PARALLEL_FRACTION) + PARALLEL_FRACTION / Math.max(1, cores));
  }

  /** [min, max] of observed-time → target-time factor for this parallelism and these core counts. */
  static double[] coreFactor(Parallelism p, OptionalInt observerCores, OptionalInt targetCores) {
    double oLo = observerCores.isPresent() ? speedup(observerCores.getAsInt()) : speedup(ASSUMED_CORES_LOW);
    double oHi = observerCores.isPresent() ? speedup(observerCores.getAsInt()) : speedup(ASSUMED_CORES_HIGH);
    double tLo = targetCores.isPresent() ? speedup(targetCores.getAsInt()) : speedup(ASSUMED_CORES_LOW);
    double tHi = targetCores.isPresent() ? speedup(targetCores.getAsInt()) : speedup(ASSUMED_CORES_HIGH);
    double[] parallel = {oLo / tHi, oHi / tLo};
    return switch (p) {
      case SERIAL -> new double[] {1, 1};
      case PARALLEL -> parallel;
      case UNKNOWN -> new double[] {Math.min(1, parallel[0]), Math.max(1, parallel[1])};
    };
  }

  /** One build on a machine with {@code cores} cores. */
  public TimeEstimate estimate(BuildTimeInput in, int cores) {
    return estimate(in, OptionalInt.of(cores));
  }

  /** One build; an empty {@code cores} is taken as a 2–4 core machine. */
  public TimeEstimate estimate(BuildTimeInput in, OptionalInt cores) {
    List<String> notes = new ArrayList<>();
    notes.add(parallelNote(in.parallelism(), cores));
    if (in.toolchains().contains(Toolchain.RUST)) {
      notes.add("Rust crates are fetched and compiled during the build: the sdist's size understates the work");
    }
    List<Observation> own = new ArrayList<>();
    for (Observation o : data.timed()) {
      if (o.use() != Observation.Use.EXCLUDED && allowed.test(o) && o.packages().equals(List.of(in.name()))) {
        own.add(o);
      }
    }
    List<Observation> ownFit = own.stream().filter(o -> o.use() == Observation.Use.FIT).toList();
    if (!ownFit.isEmpty()) {
      double lo = Double.POSITIVE_INFINITY;
      double hi = 0;
      List<String> by = new ArrayList<>();
      for (Observation o : ownFit) {
        double[] f = coreFactor(in.parallelism(), o.cores(), cores);
        lo = Math.min(lo, o.low().getAsDouble() * f[0] * MACHINE_FACTOR_LOW);
        hi = Math.max(hi, o.high().getAsDouble() * f[1] * MACHINE_FACTOR_HIGH);
        by.add(o.cite());
      }
      return new TimeEstimate(OptionalDouble.of(lo), OptionalDouble.of(hi), TimeEstimate.Basis.OWN_OBSERVATIONS, by, notes);
    }
    if (in.sdistBytes().isEmpty() || calibration.isEmpty()) {
      return TimeEstimate.unknown(
          in.sdistBytes().isEmpty()
              ? "no observation of " + in.name() + " and no sdist size: compile time unknown"
              : "no calibration data left: compile time unknown");
    }
    Calibration c = calibration.get();
    double mb = in.sdistBytes().getAsLong() / MB;
    double[] f = coreFactor(in.parallelism(), OptionalInt.empty(), cores);
    double lo = c.lowSecondsPerMb() * mb * f[0];
    double hi = c.highSecondsPerMb() * mb * f[1];
    List<String> by = new ArrayList<>(c.points());
    // The package's own one-sided observations move the ends; when one contradicts the size
    // band, the band's relative width is kept around the bound rather than collapsing to a point.
    double width = c.highSecondsPerMb() / c.lowSecondsPerMb();
    for (Observation o : own) {
      double[] of = coreFactor(in.parallelism(), o.cores(), cores);
      if (o.low().isPresent() && o.high().isEmpty()) {
        lo = Math.max(lo, o.low().getAsDouble() * of[0] * MACHINE_FACTOR_LOW);
        hi = Math.max(hi, lo * width);
        by.add(o.cite());
      } else if (o.high().isPresent() && o.low().isEmpty()) {
        hi = Math.min(hi, o.high().getAsDouble() * of[1] * MACHINE_FACTOR_HIGH);
        lo = Math.min(lo, hi / width);
        by.add(o.cite());
      }
    }
    notes.add(String.format(Locale.ROOT, "%.1f MB sdist × %.1f–%.1f s/MB (compile-times.tsv band)", mb,
        c.lowSecondsPerMb(), c.highSecondsPerMb()));
    return new TimeEstimate(OptionalDouble.of(lo), OptionalDouble.of(hi), TimeEstimate.Basis.SIZE_MODEL, by, notes);
  }

  /** A set of builds run one after another by pip: the ranges add up. */
  public TimeEstimate total(List<BuildTimeInput> builds, OptionalInt cores) {
    return TimeEstimate.sum(builds.stream().map(b -> estimate(b, cores)).toList());
  }

  private static String parallelNote(Parallelism p, OptionalInt cores) {
    String c = cores.isPresent() ? cores.getAsInt() + " cores" : ASSUMED_CORES_LOW + "–" + ASSUMED_CORES_HIGH + " cores (not given)";
    return switch (p) {
      case PARALLEL -> "parallel build on " + c + " (Amdahl, parallel fraction " + PARALLEL_FRACTION + " assumed)";
      case SERIAL -> "serial build (setuptools): cores do not shorten it";
      case UNKNOWN -> "build backend unknown: range spans a serial and a parallel build on " + c;
    };
  }
}
