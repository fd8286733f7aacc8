package dev.wheelwise.cost;

import dev.wheelwise.cost.KnowledgeFiles.CompileTimesFile;
import dev.wheelwise.cost.KnowledgeFiles.ObservationRow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

/**
 * compile-times.tsv read for the model: each timed row becomes an {@link Observation} with a
 * build-time interval, and the size rows give each package's typical sdist size.
 *
 * <p>Rules (stated so the calibration can be reproduced by hand): measured / approx /
 * measured_step rows are the build time as given; lower_bound, failed_after and
 * approx_did_not_finish give only a lower end; upper_bound only an upper end. An
 * image_build_total is the whole docker build: with a wheel_install_baseline row from the same
 * source for the same packages, the build took between total − baseline and total; without one
 * it gives only an upper end. Emulated (QEMU, iSH) builds, Raspberry Pi builds, CI matrix/job
 * totals and second-hand reports are left out: the model is for native builds on server or CI
 * machines.
 */
public final class CompileObservations {

  private static final Set<String> AS_GIVEN = Set.of("measured", "approx", "measured_step");
  private static final Set<String> LOWER = Set.of("lower_bound", "failed_after", "approx_did_not_finish");

  private final List<Observation> timed;
  private final Map<String, List<Long>> sizes;

  private CompileObservations(List<Observation> timed, Map<String, List<Long>> sizes) {
    this.timed = List.copyOf(timed);
    this.sizes = Map.copyOf(sizes);
  }

  public static CompileObservations load() {
    return of(KnowledgeFiles.read(KnowledgeFiles.COMPILE_TIMES, CompileTimesFile.class).rows());
  }

  static CompileObservations of(List<ObservationRow> rows) {
    Map<String, List<Long>> sizes = new HashMap<>();
    for (ObservationRow r : rows) {
      r.sdistBytes().forEach((pkg, bytes) -> sizes.computeIfAbsent(pkg, k -> new ArrayList<>()).add(bytes));
    }
    List<Observation> timed = new ArrayList<>();
    for (ObservationRow r : rows) {
      if (r.secondsLow() == null && r.secondsHigh() == null) {
        continue;
      }
      if (r.kind().equals("wheel_install_baseline")) {
        continue;
      }
      timed.add(observation(r, rows));
    }
    sizes.replaceAll((k, v) -> List.copyOf(v));
    return new CompileObservations(timed, sizes);
  }

  private static Observation observation(ObservationRow r, List<ObservationRow> rows) {
    OptionalDouble lo = r.secondsLow() == null ? OptionalDouble.empty() : OptionalDouble.of(r.secondsLow());
    OptionalDouble hi = r.secondsHigh() == null ? OptionalDouble.empty() : OptionalDouble.of(r.secondsHigh());
    OptionalInt cores = r.cores() == null ? OptionalInt.empty() : OptionalInt.of(r.cores());
    Observation.Use use;
    String why;
    if (r.packages().isEmpty()) {
      use = Observation.Use.EXCLUDED;
      why = "not about named packages";
    } else if (r.emulated()) {
      use = Observation.Use.EXCLUDED;
      why = "emulated build (QEMU/iSH): not modelled";
    } else if (r.platform().matches("(?i).*(raspberry|\\brpi\\b).*")) {
      use = Observation.Use.EXCLUDED;
      why = "Raspberry Pi hardware: not modelled (the model is for server/CI machines)";
    } else if (AS_GIVEN.contains(r.kind()) && !r.includesOtherPackages()) {
      use = lo.isPresent() && hi.isPresent() ? Observation.Use.FIT : Observation.Use.CHECK;
      why = "build time as reported";
    } else if (LOWER.contains(r.kind())) {
      use = Observation.Use.CHECK;
      hi = OptionalDouble.empty();
      why = r.kind() + ": at least " + Observation.fmt(r.secondsLow()) + " s";
    } else if (r.kind().equals("upper_bound")) {
      use = Observation.Use.CHECK;
      lo = OptionalDouble.empty();
      why = "upper bound";
    } else if (r.kind().equals("image_build_total") && hi.isPresent()) {
      ObservationRow baseline = baseline(r, rows);
      if (baseline != null && !r.includesOtherPackages()) {
        double total = hi.getAsDouble();
        lo = OptionalDouble.of(r.secondsLow() - baseline.secondsHigh());
        use = Observation.Use.FIT;
        why = "whole build " + Observation.fmt(total) + " s minus the same install from wheels ("
            + Observation.fmt(baseline.secondsHigh()) + " s, " + baseline.file() + ":" + baseline.line() + ")";
      } else {
        lo = OptionalDouble.empty();
        use = Observation.Use.CHECK;
        why = "whole docker build: the compiles took at most this";
      }
    } else {
      use = Observation.Use.EXCLUDED;
      why = r.kind() + ": not a native single build time";
    }
    return new Observation(r.file(), r.line(), r.label(), r.packages(), r.kind(), lo, hi, cores, r.sdistBytes(), use, why, r.source());
  }

  private static ObservationRow baseline(ObservationRow r, List<ObservationRow> rows) {
    for (ObservationRow b : rows) {
      if (b.kind().equals("wheel_install_baseline") && b.source().equals(r.source()) && Objects.equals(b.file(), r.file())
          && b.packages().equals(r.packages()) && b.secondsHigh() != null) {
        return b;
      }
    }
    return null;
  }

  /** Timed rows, in file order. */
  public List<Observation> timed() {
    return timed;
  }

  /**
   * The median sdist size compile-times.tsv gives for this package (its versions differ from
   * any particular build's; callers with the real file's size should use that).
   */
  public OptionalLong typicalSdistBytes(String canonicalName) {
    List<Long> s = sizes.get(canonicalName);
    if (s == null || s.isEmpty()) {
      return OptionalLong.empty();
    }
    List<Long> sorted = s.stream().sorted().toList();
    int n = sorted.size();
    return OptionalLong.of(n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2);
  }
}
