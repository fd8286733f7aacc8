package dev.wheelwise.cost;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What compiling one package from its sdist needs on one distro, from build-deps.tsv.
 *
 * <p>{@link Status#UNKNOWN} means the knowledge has no row for the package: the lists are then
 * empty because nothing is known, not because nothing is needed; {@link #inferredToolchains} and
 * {@link #inference} say what could be guessed from the sdist, e.g. "build backend unknown".
 *
 * @param name the PEP 503 name asked about
 * @param packageManager whose names {@code systemPackages} are written in
 * @param status known, known to be unusable on this distro, or unknown
 * @param toolchains the toolchains build-deps.tsv lists (empty when unknown or pure Python)
 * @param systemPackages what to install before the build, in the distro's names
 * @param optionalPackages extras that enable optional features ("(opt: …)" in the knowledge)
 * @param runtimePackages libraries loaded at run time (ctypes/cffi ABI mode), not for the build
 * @param remarks the knowledge's qualifiers for this distro (alternatives, older names…)
 * @param notes the knowledge row's notes
 * @param sources the knowledge row's source keys (SOURCES.md expands them)
 * @param unverifiedClaims the notes carry {@code [unverified]} statements
 * @param unverifiedNames package names the knowledge flags as not seen in a source
 * @param inferredToolchains for unknown packages: a guess from the sdist facts, never a fact
 * @param inference for unknown packages: what was inferred and from what
 * @param family the generic family row used, when the answer comes from one
 * @param toolchainDetail the knowledge's version-dependent detail, e.g. bcrypt's "rust (>=4.0);
 *     c (<4.0 via cffi)" (the toolchains above describe current releases)
 */
public record BuildNeeds(
    String name,
    PackageManager packageManager,
    Status status,
    Set<Toolchain> toolchains,
    List<String> systemPackages,
    List<String> optionalPackages,
    List<String> runtimePackages,
    List<String> remarks,
    String notes,
    List<String> sources,
    boolean unverifiedClaims,
    List<String> unverifiedNames,
    Set<Toolchain> inferredToolchains,
    Optional<String> inference,
    Optional<String> family,
    Optional<String> toolchainDetail) {

  public enum Status {
    /** build-deps.tsv has a row for this package. */
    KNOWN,
    /** The row says the package cannot be used on this distro (glibc-only blobs, no musl support). */
    NOT_USABLE,
    /** No row: toolchains and system packages are unknown. */
    UNKNOWN
  }

  public BuildNeeds {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(packageManager, "packageManager");
    Objects.requireNonNull(status, "status");
    toolchains = Set.copyOf(toolchains);
    systemPackages = List.copyOf(systemPackages);
    optionalPackages = List.copyOf(optionalPackages);
    runtimePackages = List.copyOf(runtimePackages);
    remarks = List.copyOf(remarks);
    notes = Objects.requireNonNullElse(notes, "");
    sources = List.copyOf(sources);
    unverifiedNames = List.copyOf(unverifiedNames);
    inferredToolchains = Set.copyOf(inferredToolchains);
    Objects.requireNonNull(inference, "inference");
    Objects.requireNonNull(family, "family");
    Objects.requireNonNull(toolchainDetail, "toolchainDetail");
  }

  public boolean isUnknown() {
    return status == Status.UNKNOWN;
  }

  /** Whether a build needs anything compiled (known toolchains, or inferred ones when unknown). */
  public boolean compiles() {
    Set<Toolchain> t = isUnknown() ? inferredToolchains : toolchains;
    return t.stream().anyMatch(tc -> Capability.of(tc).isPresent());
  }
}
