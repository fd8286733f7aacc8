package dev.wheelwise.cost;

import dev.wheelwise.cost.KnowledgeFiles.BuildDepsFile;
import dev.wheelwise.cost.KnowledgeFiles.BuildDepsRow;
import dev.wheelwise.cost.KnowledgeFiles.DistroColumn;
import dev.wheelwise.pep508.Names;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * System build dependencies per package and distro, from the generated resource derived from
 * ../shared/knowledge/build-deps.tsv, and what a set of installed distro packages provides.
 * Immutable; load once and share.
 */
public final class BuildDeps {

  private final Map<String, BuildDepsRow> byName;
  private final Map<String, BuildDepsRow> byFamily;

  private BuildDeps(List<BuildDepsRow> rows) {
    Map<String, BuildDepsRow> names = new HashMap<>();
    Map<String, BuildDepsRow> families = new LinkedHashMap<>();
    for (BuildDepsRow row : rows) {
      for (String n : row.names()) {
        names.putIfAbsent(n, row);
      }
      if (row.family() != null) {
        families.put(row.family(), row);
      }
    }
    this.byName = Map.copyOf(names);
    this.byFamily = Map.copyOf(families);
  }

  /** The knowledge bundled with wheelwise. */
  public static BuildDeps load() {
    return new BuildDeps(KnowledgeFiles.read(KnowledgeFiles.BUILD_DEPS, BuildDepsFile.class).rows());
  }

  /** PEP 503 names with a row of their own, sorted. */
  public Set<String> knownPackages() {
    return new TreeSet<>(byName.keySet());
  }

  /** Generic family rows, e.g. {@code cython-generated-extensions}, {@code pure-python-packages}. */
  public Set<String> families() {
    return new TreeSet<>(byFamily.keySet());
  }

  /** What building {@code name} from its sdist needs on this distro; {@code UNKNOWN} if no row. */
  public BuildNeeds buildNeeds(String canonicalName, PackageManager pm) {
    String name = Names.canonicalize(canonicalName);
    BuildDepsRow row = byName.get(name);
    if (row == null) {
      return unknown(name, pm, Set.of(), "no build-deps knowledge for " + name + "; build backend unknown");
    }
    return fromRow(name, pm, row, Optional.empty());
  }

  /**
   * As {@link #buildNeeds(String, PackageManager)}, and for an unknown package says what the sdist
   * tells: its file and size, and what its build backend (when known) usually compiles.
   */
  public BuildNeeds buildNeeds(String canonicalName, PackageManager pm, SdistFacts sdist) {
    BuildNeeds known = buildNeeds(canonicalName, pm);
    if (!known.isUnknown()) {
      return known;
    }
    String size = sdist.bytes().isPresent() ? " (" + humanBytes(sdist.bytes().getAsLong()) + ")" : "";
    String what = "no build-deps knowledge for " + known.name() + "; sdist " + sdist.fileName() + size + "; ";
    Optional<SdistClass> contents = sdist.contents().filter(c -> c.kind() != SdistClass.Kind.UNKNOWN);
    if (contents.isPresent()) {
      // Derived from the sdist (or its project's wheels), not from knowledge: the languages say
      // which compilers, never which libraries.
      return unknown(known.name(), pm, contents.get().toolchains(), what + contents.get().describe());
    }
    if (sdist.buildBackend().isEmpty()) {
      return unknown(known.name(), pm, Set.of(), what + "build backend unknown"
          + sdist.contents().map(c -> " (" + c.describe() + ")").orElse(""));
    }
    String backend = sdist.buildBackend().get().trim();
    Set<Toolchain> inferred = EnumSet.noneOf(Toolchain.class);
    String guess;
    switch (backend.toLowerCase(Locale.ROOT)) {
      case "maturin" -> {
        inferred.addAll(List.of(Toolchain.RUST, Toolchain.C));
        guess = "maturin builds Rust extensions (cargo, plus a C linker)";
      }
      case "mesonpy" -> {
        inferred.addAll(List.of(Toolchain.C, Toolchain.MESON, Toolchain.NINJA));
        guess = "meson-python builds compiled extensions (language not known: C assumed)";
      }
      case "scikit_build_core.build" -> {
        inferred.addAll(List.of(Toolchain.C, Toolchain.CXX, Toolchain.CMAKE));
        guess = "scikit-build-core drives CMake for C/C++ extensions";
      }
      case "flit_core.buildapi", "hatchling.build", "pdm.backend", "poetry.core.masonry.api" -> guess =
          "backend " + backend + " builds pure-Python wheels unless a build hook adds extensions";
      case "setuptools.build_meta", "setuptools.build_meta:__legacy__" -> guess =
          "setuptools may or may not compile extensions; setup.py decides";
      default -> guess = "build backend " + backend + " not recognised";
    }
    return unknown(known.name(), pm, inferred, what + guess);
  }

  /** A generic family row (see {@link #families()}), for callers that classified a package. */
  public Optional<BuildNeeds> family(String family, PackageManager pm) {
    BuildDepsRow row = byFamily.get(family);
    return row == null ? Optional.empty() : Optional.of(fromRow(family, pm, row, Optional.of(family)));
  }

  private static BuildNeeds unknown(String name, PackageManager pm, Set<Toolchain> inferred, String inference) {
    return new BuildNeeds(
        name, pm, BuildNeeds.Status.UNKNOWN, Set.of(), List.of(), List.of(), List.of(), List.of(), "", List.of(),
        false, List.of(), inferred, Optional.of(inference), Optional.empty(), Optional.empty());
  }

  private static BuildNeeds fromRow(String name, PackageManager pm, BuildDepsRow row, Optional<String> family) {
    DistroColumn col = pm == PackageManager.APK ? row.apk() : row.apt();
    Set<Toolchain> toolchains = EnumSet.noneOf(Toolchain.class);
    for (String t : row.toolchains()) {
      Toolchain.parse(t).ifPresent(toolchains::add);
    }
    List<String> unverified = pm == PackageManager.APK ? row.unverifiedApkNames() : List.of();
    return new BuildNeeds(
        name,
        pm,
        col.notUsable() ? BuildNeeds.Status.NOT_USABLE : BuildNeeds.Status.KNOWN,
        toolchains,
        col.required(),
        col.optional(),
        col.runtime(),
        col.remarks(),
        row.notes(),
        row.sources(),
        row.unverifiedClaims(),
        unverified,
        Set.of(),
        Optional.empty(),
        family,
        Optional.ofNullable(row.toolchainDetail()));
  }

  // ------------------------------------------------------------ what installed packages provide

  /**
   * Distro packages that pull in others (meta packages and hard dependencies) — only the links
   * that matter for compilers and headers. Alpine: build-deps.tsv's convention ("build-base =
   * gcc g++ make musl-dev libc-dev etc."); Debian: build-essential's dependencies.
   */
  private static final Map<PackageManager, Map<String, Set<String>>> PULLS_IN =
      Map.of(
          PackageManager.APK,
          Map.of(
              "build-base", Set.of("gcc", "g++", "make", "musl-dev", "libc-dev", "binutils", "file", "fortify-headers", "patch"),
              "alpine-sdk", Set.of("build-base"),
              "libc-dev", Set.of("musl-dev"),
              "g++", Set.of("gcc"),
              "gfortran", Set.of("gcc"),
              "cargo", Set.of("rust")),
          PackageManager.APT,
          Map.of(
              "build-essential", Set.of("gcc", "g++", "make", "libc6-dev", "dpkg-dev"),
              "g++", Set.of("gcc"),
              "gfortran", Set.of("gcc"),
              "cargo", Set.of("rustc"),
              "golang", Set.of("golang-go")));

  /** Names for the same thing (build-deps.tsv: "libjpeg-turbo-dev == jpeg-dev"). */
  private static final Map<PackageManager, Map<String, String>> ALIASES =
      Map.of(
          PackageManager.APK,
          Map.of("libjpeg-turbo-dev", "jpeg-dev", "pkgconfig", "pkgconf"),
          PackageManager.APT,
          Map.of("libfreetype6-dev", "libfreetype-dev", "pkgconf", "pkg-config", "libtiff5-dev", "libtiff-dev"));

  /** Packages that, all installed, give a capability (after {@link #PULLS_IN} expansion). */
  private static final Map<PackageManager, Map<Capability, List<String>>> CAPABILITY =
      Map.of(
          PackageManager.APK,
          Map.of(
              Capability.C_COMPILER, List.of("gcc", "musl-dev"),
              Capability.CXX_COMPILER, List.of("g++", "musl-dev"),
              Capability.FORTRAN_COMPILER, List.of("gfortran", "musl-dev"),
              Capability.RUST_COMPILER, List.of("cargo"),
              Capability.GO_COMPILER, List.of("go"),
              Capability.PYTHON_HEADERS, List.of("python3-dev")),
          PackageManager.APT,
          Map.of(
              Capability.C_COMPILER, List.of("gcc", "libc6-dev"),
              Capability.CXX_COMPILER, List.of("g++", "libc6-dev"),
              Capability.FORTRAN_COMPILER, List.of("gfortran", "libc6-dev"),
              Capability.RUST_COMPILER, List.of("cargo", "rustc"),
              Capability.GO_COMPILER, List.of("golang-go"),
              Capability.PYTHON_HEADERS, List.of("python3-dev")));

  /** The packages to install for a capability with this package manager (e.g. C on apk: gcc musl-dev). */
  public static List<String> providers(Capability capability, PackageManager pm) {
    return CAPABILITY.get(pm).get(capability);
  }

  /** The one-name meta package that gives C, C++ and make: {@code build-base} or {@code build-essential}. */
  public static String buildMetaPackage(PackageManager pm) {
    return pm == PackageManager.APK ? "build-base" : "build-essential";
  }

  /**
   * Everything the installed packages and the image's compilers amount to. An image's compiler
   * (catalog {@code compilers}: gcc, g++, make) is taken to come with its libc headers: images
   * that ship gcc (buildpack-deps) can compile C.
   */
  public static Set<String> provided(PackageManager pm, Set<String> installed, Set<String> imageCompilers) {
    Set<String> have = new LinkedHashSet<>();
    for (String p : installed) {
      have.add(normalize(pm, p));
    }
    for (String c : imageCompilers) {
      have.add(normalize(pm, c));
      if (c.equals("gcc") || c.equals("g++") || c.equals("gfortran")) {
        have.add(pm == PackageManager.APK ? "musl-dev" : "libc6-dev");
      }
    }
    List<String> queue = new ArrayList<>(have);
    while (!queue.isEmpty()) {
      String p = queue.remove(queue.size() - 1);
      for (String pulled : PULLS_IN.get(pm).getOrDefault(p, Set.of())) {
        if (have.add(pulled)) {
          queue.add(pulled);
        }
      }
    }
    return have;
  }

  /** Whether the installed packages and image compilers give this capability. */
  public static boolean has(Capability capability, PackageManager pm, Set<String> installed, Set<String> imageCompilers) {
    return provided(pm, installed, imageCompilers).containsAll(providers(capability, pm));
  }

  private static String normalize(PackageManager pm, String pkg) {
    String p = pkg.trim().toLowerCase(Locale.ROOT).replaceAll("[=<>~].*$", "");
    return ALIASES.get(pm).getOrDefault(p, p);
  }

  /**
   * The system packages {@code needs} lists that the installed packages (e.g. the Dockerfile's
   * {@code apk add}/{@code apt-get install} lines before the pip step) and the image's compilers
   * do not provide, in the knowledge's order. When the knowledge lists no packages but the
   * toolchains need a compiler, the compiler packages are checked instead.
   *
   * <p>For an {@code UNKNOWN} package only inferred toolchains are checked, so an empty result
   * means "nothing known to be missing", not "satisfied": check {@link BuildNeeds#isUnknown()}.
   */
  public Set<String> missing(BuildNeeds needs, Set<String> installedSystemPackages, Set<String> imageProvidedCompilers) {
    return missing(needs, installedSystemPackages, imageProvidedCompilers, true);
  }

  /**
   * As {@link #missing(BuildNeeds, Set, Set)}, for images whose Python may lack its headers: the
   * docker-library {@code python:*} images ship {@code Python.h}; {@code FROM alpine} or
   * {@code FROM debian} with the distro's {@code python3} need {@code python3-dev} to compile.
   */
  public Set<String> missing(
      BuildNeeds needs, Set<String> installedSystemPackages, Set<String> imageProvidedCompilers, boolean pythonHeadersInImage) {
    PackageManager pm = needs.packageManager();
    Set<String> have = provided(pm, installedSystemPackages, imageProvidedCompilers);
    Set<String> missing = new LinkedHashSet<>();
    for (String required : needs.systemPackages()) {
      if (!satisfied(pm, required, have)) {
        missing.add(required);
      }
    }
    Set<Toolchain> toolchains = needs.isUnknown() ? needs.inferredToolchains() : needs.toolchains();
    if (needs.systemPackages().isEmpty()) {
      for (Toolchain t : toolchains) {
        Capability.of(t).ifPresent(c -> {
          for (String p : providers(c, pm)) {
            if (!have.contains(p)) {
              missing.add(p);
            }
          }
        });
      }
    }
    if (!pythonHeadersInImage && needs.compiles()) {
      for (String p : providers(Capability.PYTHON_HEADERS, pm)) {
        if (!have.contains(p)) {
          missing.add(p);
        }
      }
    }
    return missing;
  }

  private static boolean satisfied(PackageManager pm, String required, Set<String> have) {
    String r = normalize(pm, required);
    if (have.contains(r)) {
      return true;
    }
    // A meta package is satisfied by what it pulls in (gcc g++ make + libc headers).
    Set<String> parts = PULLS_IN.get(pm).get(r);
    if (r.equals(buildMetaPackage(pm)) && parts != null) {
      String libc = pm == PackageManager.APK ? "musl-dev" : "libc6-dev";
      return have.containsAll(List.of("gcc", "g++", "make", libc));
    }
    return false;
  }

  /**
   * The error a user would see first when building {@code needs} with only these packages and
   * image compilers, or empty when nothing known is missing. Compilers fail before libraries:
   * meson and setuptools both stop at the first missing compiler.
   *
   * @param buildBackend the sdist's PEP 517 backend when known (e.g. {@code mesonpy}); the
   *     wording differs between setuptools and meson builds
   */
  public Optional<BuildError> firstError(
      BuildNeeds needs, Set<String> installedSystemPackages, Set<String> imageProvidedCompilers, Optional<String> buildBackend) {
    return firstError(needs, installedSystemPackages, imageProvidedCompilers, buildBackend, true);
  }

  /** As above, for an image whose Python may lack {@code Python.h} (see {@link #missing(BuildNeeds, Set, Set, boolean)}). */
  public Optional<BuildError> firstError(
      BuildNeeds needs, Set<String> installedSystemPackages, Set<String> imageProvidedCompilers, Optional<String> buildBackend,
      boolean pythonHeadersInImage) {
    Set<String> missing = missing(needs, installedSystemPackages, imageProvidedCompilers, pythonHeadersInImage);
    if (missing.isEmpty()) {
      return Optional.empty();
    }
    PackageManager pm = needs.packageManager();
    Set<String> have = provided(pm, installedSystemPackages, imageProvidedCompilers);
    Set<Toolchain> toolchains = needs.isUnknown() ? needs.inferredToolchains() : needs.toolchains();
    boolean meson = buildBackend.map(b -> b.equals("mesonpy")).orElse(false);
    if (toolchains.contains(Toolchain.RUST) && !have.containsAll(providers(Capability.RUST_COMPILER, pm))) {
      return Optional.of(new BuildError(
          "error: can't find Rust compiler", true,
          "setuptools-rust's message when cargo/rustc are absent (issue 9); maturin builds report a missing cargo instead"));
    }
    boolean needsC = toolchains.contains(Toolchain.C) || toolchains.contains(Toolchain.CXX) || toolchains.contains(Toolchain.FORTRAN);
    if (needsC && !have.contains("gcc")) {
      return Optional.of(meson
          ? new BuildError("meson: Unknown compiler(s): [['cc'], ['gcc'], ['clang'], …]", false,
              "meson-python configures compilers first; wording modelled on the knowledge's 'Unknown compiler(s): gfortran' (scipy)")
          : new BuildError("error: command 'gcc' failed: No such file or directory", true,
              "setuptools build_ext without a C compiler (DESIGN.md, issue 9)"));
    }
    String libcDev = pm == PackageManager.APK ? "musl-dev" : "libc6-dev";
    if (needsC && !have.contains(libcDev)) {
      return Optional.of(new BuildError(
          "fatal error: a C library header (e.g. limits.h) is missing: gcc is installed without " + libcDev, false,
          "build-deps.tsv: 'gcc " + libcDev + "' is the minimum for C; exact header varies"));
    }
    if (toolchains.contains(Toolchain.FORTRAN) && !have.contains("gfortran")) {
      return Optional.of(new BuildError("Unknown compiler(s): [['gfortran']]", true,
          "meson without a Fortran compiler (build-deps.tsv, scipy: \"meson fails 'Unknown compiler(s): gfortran'\")"));
    }
    if (toolchains.contains(Toolchain.CXX) && !have.contains("g++")) {
      return Optional.of(new BuildError("error: command 'g++' failed: No such file or directory", false,
          "compiling C++ sources without g++ (by analogy with the gcc error)"));
    }
    if (missing.contains("python3-dev")) {
      return Optional.of(new BuildError("fatal error: Python.h: No such file or directory", true,
          "a distro Python (FROM alpine/debian + python3) without python3-dev (issue 9)"));
    }
    String first = missing.iterator().next();
    String notes = needs.notes();
    if (notes.contains("ArrowConfig.cmake")) {
      return Optional.of(new BuildError(
          "CMake Error: Could not find a package configuration file provided by \"Arrow\" (ArrowConfig.cmake)", true,
          "build-deps.tsv, pyarrow: the sdist does not contain Arrow C++"));
    }
    if (notes.contains("pcre-config") && first.contains("pcre")) {
      return Optional.of(new BuildError("uWSGI setup crashes with a TypeError (pcre-config not found)", true,
          "build-deps.tsv, uwsgi 2.0.25 (GH:unbit/uwsgi#2630)"));
    }
    if (notes.contains("pg_config")) {
      return Optional.of(new BuildError("pg_config executable not found", false,
          "build-deps.tsv says the build needs pg_config from " + first + "; wording not from a source"));
    }
    return Optional.of(new BuildError(
        "a header or library from " + first + " is missing: the compile stops at the first #include it cannot find",
        false, "no source gives the exact message for " + needs.name() + " without " + first));
  }

  /**
   * {@link #missing} and {@link #firstError} in one answer that keeps unknown and unusable apart
   * from satisfied.
   */
  public BuildCheck check(
      BuildNeeds needs, Set<String> installedSystemPackages, Set<String> imageProvidedCompilers, Optional<String> buildBackend) {
    return check(needs, installedSystemPackages, imageProvidedCompilers, buildBackend, true);
  }

  /** As above, for an image whose Python may lack {@code Python.h}. */
  public BuildCheck check(
      BuildNeeds needs, Set<String> installedSystemPackages, Set<String> imageProvidedCompilers, Optional<String> buildBackend,
      boolean pythonHeadersInImage) {
    if (needs.status() == BuildNeeds.Status.NOT_USABLE) {
      String why = needs.remarks().isEmpty() ? "not usable on this distro" : String.join("; ", needs.remarks());
      return new BuildCheck.NotUsable(needs, why);
    }
    Set<String> missing = missing(needs, installedSystemPackages, imageProvidedCompilers, pythonHeadersInImage);
    if (needs.isUnknown()) {
      return new BuildCheck.Unknown(needs, List.copyOf(missing));
    }
    if (missing.isEmpty()) {
      return new BuildCheck.Satisfied(needs);
    }
    BuildError error =
        firstError(needs, installedSystemPackages, imageProvidedCompilers, buildBackend, pythonHeadersInImage).orElseThrow();
    return new BuildCheck.Missing(needs, List.copyOf(missing), error);
  }

  /**
   * The system packages a set of builds needs together, in first-seen order, without names a
   * meta package in the set already pulls in (build-base makes gcc, g++ and musl-dev redundant).
   * Unknown and unusable builds contribute nothing: check them apart.
   */
  public static List<String> combined(List<BuildNeeds> needs, PackageManager pm) {
    Set<String> all = new LinkedHashSet<>();
    for (BuildNeeds n : needs) {
      if (n.packageManager() != pm) {
        throw new IllegalArgumentException(n.name() + " is written for " + n.packageManager() + ", not " + pm);
      }
      all.addAll(n.systemPackages());
    }
    List<String> out = new ArrayList<>();
    for (String p : all) {
      Set<String> others = new LinkedHashSet<>(all);
      others.remove(p);
      if (!provided(pm, others, Set.of()).contains(normalize(pm, p))) {
        out.add(p);
      }
    }
    return out;
  }

  private static String humanBytes(long bytes) {
    return bytes >= 1_000_000 ? String.format(Locale.ROOT, "%.1f MB", bytes / 1e6) : String.format(Locale.ROOT, "%.0f kB", bytes / 1e3);
  }
}
