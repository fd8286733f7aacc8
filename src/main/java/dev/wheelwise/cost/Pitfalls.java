package dev.wheelwise.cost;

import dev.wheelwise.cost.KnowledgeFiles.PitfallRow;
import dev.wheelwise.cost.KnowledgeFiles.PitfallsFile;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** The musl pitfalls from musl-pitfalls.md, and which of them a project's triggers match. */
public final class Pitfalls {

  /** musl 1.2.4 (2023-05-01) added DNS over TCP (musl-pitfalls.md §4). */
  private static final int[] MUSL_DNS_TCP = {1, 2, 4};

  private final List<Pitfall> all;

  private Pitfalls(List<Pitfall> all) {
    this.all = List.copyOf(all);
  }

  /**
   * The knowledge bundled with wheelwise, read once per process: check's cost model, lint's
   * WW1007 and check's SARIF all ask for it, and reading it again cost lint ~7 ms a run.
   */
  public static Pitfalls load() {
    return Bundled.PITFALLS;
  }

  /** Initialised on first use by the JVM's class initialisation, which is thread-safe. */
  private static final class Bundled {
    static final Pitfalls PITFALLS = read();
  }

  private static Pitfalls read() {
    List<Pitfall> out = new ArrayList<>();
    for (PitfallRow r : KnowledgeFiles.read(KnowledgeFiles.PITFALLS, PitfallsFile.class).rows()) {
      Set<Exposure.Use> uses = EnumSet.noneOf(Exposure.Use.class);
      r.triggerUses().forEach(u -> uses.add(Exposure.Use.parse(u)));
      out.add(new Pitfall(
          r.id(), r.section(), r.title(), r.whatHappens(), Optional.ofNullable(r.mitigation()),
          Optional.ofNullable(r.detection()), Set.copyOf(r.triggerPackages()),
          Set.copyOf(r.unverifiedTriggerPackages()), uses, r.sources()));
    }
    return new Pitfalls(out);
  }

  public List<Pitfall> all() {
    return all;
  }

  public Optional<Pitfall> byId(String id) {
    return all.stream().filter(p -> p.id().equals(id)).findFirst();
  }

  /** {@link #matching(Set, boolean, Exposure)} with nothing known but the names. */
  public List<PitfallMatch> matching(Set<String> canonicalPackageNames, boolean musl) {
    return matching(canonicalPackageNames, musl, Exposure.unknown());
  }

  /**
   * The pitfalls whose triggers match, in section order; none on glibc. Triggers are package
   * names, kinds of use, and image facts: musl older than 1.2.4 (DNS over TCP missing), no
   * tzdata (or not known to have it) with time-zone packages, a Python not from docker-library
   * (no 1 MiB thread stacks), source builds.
   */
  public List<PitfallMatch> matching(Set<String> canonicalPackageNames, boolean musl, Exposure exposure) {
    if (!musl) {
      return List.of();
    }
    Set<Exposure.Use> uses = EnumSet.noneOf(Exposure.Use.class);
    uses.addAll(exposure.uses());
    if (exposure.sourceBuilds()) {
      uses.add(Exposure.Use.SOURCE_BUILD);
    }
    if (!exposure.pythonFromDockerLibrary()) {
      uses.add(Exposure.Use.PYTHON_NOT_FROM_DOCKER_LIBRARY);
    }
    List<PitfallMatch> out = new ArrayList<>();
    Set<String> sorted = new TreeSet<>(canonicalPackageNames); // sorted once: the reasons name packages in order
    for (Pitfall p : all) {
      List<String> because = new ArrayList<>();
      boolean verified = false;
      for (String name : sorted) {
        if (p.triggerPackages().contains(name)) {
          if (p.id().equals("musl-tzdata") && exposure.tzdataInImage().orElse(false)) {
            continue; // the image has /usr/share/zoneinfo: nothing to trip over
          }
          because.add("package " + name);
          verified = true;
        } else if (p.unverifiedTriggerPackages().contains(name)) {
          because.add("package " + name + " (unverified trigger)");
        }
      }
      for (Exposure.Use u : new LinkedHashSet<>(uses)) {
        if (p.triggerUses().contains(u)) {
          because.add("use " + u.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
          verified = true;
        }
      }
      if (p.id().equals("musl-dns") && exposure.muslVersion().isPresent()) {
        Optional<int[]> v = parseVersion(exposure.muslVersion().get());
        if (v.isPresent() && java.util.Arrays.compare(v.get(), MUSL_DNS_TCP) < 0) {
          because.add("musl " + exposure.muslVersion().get() + " < 1.2.4 (no DNS over TCP)");
          verified = true;
        }
      }
      if (!because.isEmpty()) {
        out.add(new PitfallMatch(p, because, !verified));
      }
    }
    return out;
  }

  /** {@code 1.2.5} or {@code 1.2.5-r11} (an apk package version) → {1, 2, 5}. */
  private static Optional<int[]> parseVersion(String text) {
    String core = text.trim().replaceAll("-r\\d+$", "");
    if (!core.matches("\\d+(\\.\\d+)*")) {
      return Optional.empty();
    }
    String[] parts = core.split("\\.");
    int[] out = new int[3];
    for (int i = 0; i < Math.min(3, parts.length); i++) {
      out[i] = Integer.parseInt(parts[i]);
    }
    return Optional.of(out);
  }
}
