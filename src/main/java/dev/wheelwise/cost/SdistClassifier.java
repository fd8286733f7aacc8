package dev.wheelwise.cost;

import dev.wheelwise.cost.SdistClass.Kind;
import dev.wheelwise.cost.SdistClass.Language;
import dev.wheelwise.index.SdistArchive;
import dev.wheelwise.tags.InvalidWheelFilename;
import dev.wheelwise.tags.Tag;
import dev.wheelwise.tags.WheelFilename;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides from an sdist's member list and build files whether building it compiles. Two kinds of
 * evidence: build signals (a compiling backend in pyproject's [build-system], or setup.py/setup.cfg
 * declaring extensions) and compiled sources outside tests, docs and examples. A signal makes it
 * compiled; sources with no signal are not enough (pycparser ships C files as test data); neither
 * makes it pure only when a build configuration was read.
 */
public final class SdistClassifier {

  private static final Pattern BACKEND = Pattern.compile("(?m)^\\s*build-backend\\s*=\\s*[\"']([^\"']+)[\"']");
  private static final Pattern REQUIRES = Pattern.compile("(?ms)^\\s*requires\\s*=\\s*\\[(.*?)\\]");
  /** Folders whose sources are not built: tests, documentation, examples, benchmarks. */
  private static final Set<String> NOT_BUILT = Set.of("test", "tests", "testing", "doc", "docs", "example", "examples",
      "benchmark", "benchmarks", "bench", "demo", "demos", "fixtures", "testdata");
  /** setup.py/setup.cfg texts that declare compiled extensions, and the language each implies when no source says. */
  private static final Map<String, Optional<Language>> SETUP_SIGNALS = Map.ofEntries(
      Map.entry("ext_modules", Optional.empty()),
      Map.entry("Extension(", Optional.empty()),
      Map.entry("cythonize", Optional.of(Language.CYTHON)),
      Map.entry("setuptools_rust", Optional.of(Language.RUST)),
      Map.entry("RustExtension", Optional.of(Language.RUST)),
      Map.entry("cffi_modules", Optional.of(Language.C)),
      Map.entry("mypycify", Optional.of(Language.C)),
      Map.entry("Pybind11Extension", Optional.of(Language.CXX)),
      Map.entry("skbuild", Optional.empty()));
  /** Build requirements and backends that compile, and the language each implies. */
  private static final Map<String, Optional<Language>> BUILD_REQUIRES = Map.ofEntries(
      Map.entry("maturin", Optional.of(Language.RUST)),
      Map.entry("setuptools-rust", Optional.of(Language.RUST)),
      Map.entry("setuptools_rust", Optional.of(Language.RUST)),
      Map.entry("scikit-build-core", Optional.empty()),
      Map.entry("scikit_build_core", Optional.empty()),
      Map.entry("scikit-build", Optional.empty()),
      Map.entry("meson-python", Optional.empty()),
      Map.entry("mesonpy", Optional.empty()),
      Map.entry("cython", Optional.of(Language.CYTHON)),
      Map.entry("pybind11", Optional.of(Language.CXX)),
      Map.entry("cffi", Optional.of(Language.C)));
  /** Backends that cannot compile at all. */
  private static final Set<String> PURE_BACKENDS = Set.of("flit_core.buildapi", "flit.buildapi", "poetry.core.masonry.api",
      "poetry.masonry.api", "pdm.backend", "pdm.pep517.api");

  private SdistClassifier() {}

  public static SdistClass classify(SdistArchive.Listing listing) {
    Set<Language> sourceLanguages = EnumSet.noneOf(Language.class);
    Set<String> examples = new TreeSet<>();
    for (String member : listing.members()) {
      if (notBuilt(member)) {
        continue;
      }
      Optional<Language> language = languageOf(member);
      if (language.isPresent()) {
        sourceLanguages.add(language.get());
        if (examples.size() < 3) {
          examples.add(member);
        }
      }
    }
    List<String> signals = new ArrayList<>();
    Set<Language> implied = EnumSet.noneOf(Language.class);
    Optional<String> backend = Optional.empty();
    String pyproject = listing.buildFiles().get("pyproject.toml");
    if (pyproject != null) {
      Matcher b = BACKEND.matcher(pyproject);
      backend = b.find() ? Optional.of(b.group(1).trim()) : Optional.empty();
      Matcher r = REQUIRES.matcher(pyproject);
      String requires = r.find() ? r.group(1).toLowerCase(Locale.ROOT) : "";
      for (Map.Entry<String, Optional<Language>> e : BUILD_REQUIRES.entrySet()) {
        if (Pattern.compile("[\"']" + Pattern.quote(e.getKey()) + "\\b").matcher(requires).find()) {
          signals.add("pyproject.toml [build-system] requires " + e.getKey());
          e.getValue().ifPresent(implied::add);
        }
      }
    }
    for (String file : List.of("setup.py", "setup.cfg")) {
      String text = listing.buildFiles().get(file);
      if (text == null) {
        continue;
      }
      for (Map.Entry<String, Optional<Language>> e : SETUP_SIGNALS.entrySet()) {
        if (text.contains(e.getKey())) {
          signals.add(file + " mentions " + e.getKey());
          e.getValue().ifPresent(implied::add);
        }
      }
    }
    for (String marker : List.of("Cargo.toml", "CMakeLists.txt", "meson.build")) {
      if (listing.members().contains(marker)) {
        signals.add(marker + " at the top");
        if (marker.equals("Cargo.toml")) {
          implied.add(Language.RUST);
        }
      }
    }
    String sources = examples.isEmpty() ? "" : "compiled sources such as " + String.join(", ", examples);
    boolean pureBackend = backend.map(PURE_BACKENDS::contains).orElse(false);
    if (!signals.isEmpty() && !pureBackend) {
      Set<Language> languages = EnumSet.noneOf(Language.class);
      languages.addAll(sourceLanguages);
      if (languages.isEmpty()) {
        languages.addAll(implied.isEmpty() ? Set.of(Language.C) : implied);
      }
      List<String> evidence = new ArrayList<>(signals.subList(0, Math.min(3, signals.size())));
      if (!sources.isEmpty()) {
        evidence.add(sources);
      } else if (implied.isEmpty()) {
        evidence.add("no compiled source seen: C assumed");
      }
      return new SdistClass(Kind.COMPILED, languages, evidence, false);
    }
    boolean configured = pyproject != null || listing.buildFiles().containsKey("setup.py") || listing.buildFiles().containsKey("setup.cfg");
    if (!configured) {
      return SdistClass.unknown("no pyproject.toml, setup.py or setup.cfg at the top of the archive");
    }
    if (!sourceLanguages.isEmpty() && !pureBackend) {
      return SdistClass.unknown(sources + ", but no build configuration that compiles them was seen");
    }
    String how = backend.map(b -> "build backend " + b).orElse(pyproject == null ? "setup.py without extensions"
        : "no build backend named (setuptools)");
    return new SdistClass(Kind.PURE, Set.of(), List.of(listing.members().size() + " members, no compiled sources to build", how), false);
  }

  /**
   * The guess when the sdist itself was not read: when every wheel seen for the project (any
   * release) is {@code none-any}, its builds are likely pure Python; a platform wheel anywhere,
   * or no wheel at all, leaves it unknown. Measured on the corpus: see SdistHeuristicCorpusTest.
   */
  public static SdistClass fromWheels(Collection<String> wheelFilenames) {
    int wheels = 0;
    for (String filename : wheelFilenames) {
      WheelFilename wheel;
      try {
        wheel = WheelFilename.parse(filename);
      } catch (InvalidWheelFilename e) {
        continue;
      }
      wheels++;
      for (Tag tag : wheel.tags()) {
        if (!tag.abi().equals("none") || !tag.platform().equals("any")) {
          return SdistClass.unknown("the sdist was not read, and a platform wheel was seen (" + filename + ")");
        }
      }
    }
    if (wheels == 0) {
      return SdistClass.unknown("the sdist was not read and no wheel of the project was seen");
    }
    return new SdistClass(Kind.PURE, Set.of(), List.of("the sdist was not read; every wheel seen (" + wheels + ") is none-any"), true);
  }

  private static boolean notBuilt(String member) {
    String[] parts = member.split("/");
    for (int i = 0; i < parts.length - 1; i++) {
      if (NOT_BUILT.contains(parts[i].toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }

  private static Optional<Language> languageOf(String member) {
    String name = member.substring(member.lastIndexOf('/') + 1);
    if (name.equals("Cargo.toml")) {
      return Optional.of(Language.RUST);
    }
    int dot = name.lastIndexOf('.');
    if (dot < 0) {
      return Optional.empty();
    }
    return switch (name.substring(dot + 1).toLowerCase(Locale.ROOT)) {
      case "c" -> Optional.of(Language.C);
      case "cc", "cpp", "cxx", "c++" -> Optional.of(Language.CXX);
      case "pyx" -> Optional.of(Language.CYTHON);
      case "rs" -> Optional.of(Language.RUST);
      case "f", "f90", "f77", "f95", "for" -> Optional.of(Language.FORTRAN);
      default -> Optional.empty();
    };
  }
}
