package dev.wheelwise.cost;

import dev.wheelwise.cost.KnowledgeFiles.BuildDepsFile;
import dev.wheelwise.cost.KnowledgeFiles.BuildDepsRow;
import dev.wheelwise.cost.KnowledgeFiles.CompileTimesFile;
import dev.wheelwise.cost.KnowledgeFiles.DistroColumn;
import dev.wheelwise.cost.KnowledgeFiles.ObservationRow;
import dev.wheelwise.cost.KnowledgeFiles.PitfallRow;
import dev.wheelwise.cost.KnowledgeFiles.PitfallsFile;
import dev.wheelwise.pep508.Names;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Derives the cost package's resources from ../shared/knowledge (build-deps.tsv,
 * compile-times.tsv, musl-pitfalls.md, SOURCES.md). The resources hold structured facts (names,
 * intervals, flags, source keys), not copies of the files. Run {@link #main} to rewrite them;
 * {@code KnowledgeResourcesTest} fails when the committed ones differ from a fresh generation.
 */
public final class KnowledgeGenerator {

  static final Path RESOURCE_DIR = Path.of("src/main/resources/dev/wheelwise/cost");

  private static final Pattern NAME_TOKEN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.+_-]*");
  private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(kB|MB)");
  private static final Pattern WHEEL_SIZE_IN_QUOTE = Pattern.compile("size=(\\d+)");
  private static final Pattern TOOLCHAIN_DETAIL = Pattern.compile("Toolchain detail: (.+?)\\.(?:\\s|$)");
  private static final Pattern SECTION = Pattern.compile("^## (\\d+)\\. (.+)$");
  private static final Pattern SOURCE_KEY =
      Pattern.compile(
          "GH:[\\w.-]+/[\\w.-]+#\\d+|APK:[\\w./@-]+|APK (?:main|community)/[\\w.-]+|APK py3-[\\w.-]+"
              + "|DLP(?::commit \\w+)?|WIKI(?::[\\w-]+)?|WEB:[\\w-]+|HA:[\\w/#]+|OpenMined/TenSEAL v[\\d.]*\\d");

  /** PyPI names for projects the knowledge names by their common name. */
  private static final Map<String, String> PYPI_NAME = Map.of("pytorch", "torch");

  private KnowledgeGenerator() {}

  /** Rewrites the committed resources from {@code args[0]} (default ../shared). */
  public static void main(String[] args) throws IOException {
    Path shared = Path.of(args.length > 0 ? args[0] : "../shared");
    for (Map.Entry<String, String> e : generate(shared.resolve("knowledge")).entrySet()) {
      Files.writeString(RESOURCE_DIR.resolve(e.getKey()), e.getValue(), StandardCharsets.UTF_8);
    }
  }

  /** File name → JSON text for each generated resource. */
  static Map<String, String> generate(Path knowledge) {
    try {
      var mapper = KnowledgeFiles.mapper();
      Map<String, String> out = new LinkedHashMap<>();
      out.put(KnowledgeFiles.BUILD_DEPS, mapper.writeValueAsString(buildDeps(knowledge)) + "\n");
      out.put(KnowledgeFiles.COMPILE_TIMES, mapper.writeValueAsString(compileTimes(knowledge)) + "\n");
      out.put(KnowledgeFiles.PITFALLS, mapper.writeValueAsString(pitfalls(knowledge)) + "\n");
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ---------------------------------------------------------------- build-deps.tsv

  static BuildDepsFile buildDeps(Path knowledge) throws IOException {
    List<String> lines = Files.readAllLines(knowledge.resolve("build-deps.tsv"), StandardCharsets.UTF_8);
    expectHeader(lines, "build-deps.tsv", "package\ttoolchains\tapk_packages\tapt_packages\tnotes\tsources");
    Set<String> flaggedApk = unverifiedApkNamesFromSources(knowledge);
    List<BuildDepsRow> rows = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) {
        continue;
      }
      String[] f = lines.get(i).split("\t", -1);
      if (f.length != 6) {
        throw new IllegalStateException("build-deps.tsv:" + (i + 1) + ": expected 6 tab-separated fields, found " + f.length);
      }
      String label = f[0].trim();
      String base = label.replaceAll("\\s*\\(.*$", "").trim();
      String paren = label.contains("(") ? label.substring(label.indexOf('(') + 1, label.lastIndexOf(')')) : "";
      List<String> names = new ArrayList<>();
      String family = null;
      if (paren.contains("generic")) {
        family = base.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
      } else {
        names.add(Names.canonicalize(base));
        if (paren.startsWith("+")) {
          for (String extra : paren.substring(1).split(",")) {
            names.add(Names.canonicalize(extra.trim()));
          }
        }
      }
      List<String> toolchains = new ArrayList<>();
      for (String t : f[1].split(",")) {
        String tc = t.trim().toLowerCase(Locale.ROOT);
        if (!tc.isEmpty() && !tc.equals("none")) {
          toolchains.add(tc);
        }
      }
      String notes = f[4].trim();
      Matcher detail = TOOLCHAIN_DETAIL.matcher(notes);
      String toolchainDetail = detail.find() ? detail.group(1).trim() : null;
      DistroColumn apk = column(f[2]);
      DistroColumn apt = column(f[3]);
      List<String> sources = new ArrayList<>();
      for (String s : f[5].split(";")) {
        if (!s.isBlank()) {
          sources.add(s.trim());
        }
      }
      rows.add(
          new BuildDepsRow(
              i + 1,
              label,
              names,
              family,
              toolchains,
              toolchainDetail,
              apk,
              apt,
              notes,
              notes.contains("[unverified]"),
              unverifiedApk(apk, notes, flaggedApk),
              sources));
    }
    return new BuildDepsFile("wheelwise.build-deps/1", "knowledge/build-deps.tsv + knowledge/SOURCES.md", rows);
  }

  /** SOURCES.md names some Alpine names "not verified here (e.g. a, b, …)". */
  private static Set<String> unverifiedApkNamesFromSources(Path knowledge) throws IOException {
    String text = Files.readString(knowledge.resolve("SOURCES.md"), StandardCharsets.UTF_8).replaceAll("\\s+", " ");
    Matcher m = Pattern.compile("not verified here\"? \\(e\\.g\\. ([^)]*)\\)").matcher(text);
    if (!m.find()) {
      throw new IllegalStateException("SOURCES.md: the list of Alpine names 'not verified here (e.g. …)' was not found");
    }
    Set<String> names = new LinkedHashSet<>();
    for (String n : m.group(1).split(",")) {
      names.add(n.trim());
    }
    return names;
  }

  private static List<String> unverifiedApk(DistroColumn apk, String notes, Set<String> flagged) {
    Set<String> all = new LinkedHashSet<>(apk.required());
    all.addAll(apk.optional());
    Set<String> out = new LinkedHashSet<>();
    boolean rowWide = notes.toLowerCase(Locale.ROOT).contains("apk names not verified");
    Matcher named = Pattern.compile("(?i)apk ([\\w.+-]+)(?: name)? not verified").matcher(notes);
    Set<String> mentioned = new LinkedHashSet<>();
    while (named.find()) {
      mentioned.add(named.group(1));
    }
    for (String name : all) {
      boolean template = name.contains("NN");
      if (flagged.contains(name) || mentioned.contains(name) || template || (rowWide && name.endsWith("-dev"))) {
        out.add(name);
      }
    }
    return List.copyOf(out);
  }

  /**
   * Splits one distro column: bare names are required; {@code (opt: …)} optional;
   * {@code (+a b)} required additions; {@code (runtime: …)} runtime libraries; {@code (none…)}
   * nothing; {@code (not usable|practical|supported…)} unusable; any other parenthesis is kept as a remark.
   */
  static DistroColumn column(String text) {
    List<String> required = new ArrayList<>();
    List<String> optional = new ArrayList<>();
    List<String> runtime = new ArrayList<>();
    List<String> remarks = new ArrayList<>();
    boolean notUsable = false;
    boolean noneNeeded = false;
    StringBuilder bare = new StringBuilder();
    int depth = 0;
    StringBuilder paren = new StringBuilder();
    List<String> parens = new ArrayList<>();
    for (char c : text.trim().toCharArray()) {
      if (c == '(') {
        if (depth++ > 0) {
          paren.append(c);
        }
      } else if (c == ')' && depth > 0) {
        if (--depth == 0) {
          parens.add(paren.toString().trim());
          paren.setLength(0);
          bare.append(' ');
        } else {
          paren.append(c);
        }
      } else if (depth > 0) {
        paren.append(c);
      } else {
        bare.append(c);
      }
    }
    String bareText = bare.toString().trim();
    int plus = bareText.indexOf(" + ");
    if (plus >= 0) {
      remarks.add("also: " + bareText.substring(plus + 3).trim());
      bareText = bareText.substring(0, plus);
    }
    Matcher forWhat = Pattern.compile("\\s+for (\\w+)\\s*$").matcher(bareText);
    if (forWhat.find()) {
      remarks.add("for " + forWhat.group(1) + " builds");
      bareText = bareText.substring(0, forWhat.start());
    }
    addNames(bareText, required, remarks);
    for (String p : parens) {
      String lower = p.toLowerCase(Locale.ROOT);
      if (lower.startsWith("opt:")) {
        addNames(p.substring(4), optional, remarks);
      } else if (lower.startsWith("opt with ") && p.contains(":")) {
        remarks.add("optional " + p.substring(4, p.indexOf(':')).trim());
        addNames(p.substring(p.indexOf(':') + 1), optional, remarks);
      } else if (lower.startsWith("opt ")) {
        String rest = p.substring(4);
        int with = rest.indexOf(" with ");
        if (with >= 0) {
          remarks.add("optional " + rest.substring(with + 1).trim());
          rest = rest.substring(0, with);
        }
        addNames(rest.replace('/', ' '), optional, remarks);
      } else if (p.startsWith("+")) {
        String rest = p.substring(1).replaceAll("\\s+for .*$", "").trim();
        if (!rest.contains("optional") && allNames(rest)) {
          addNames(rest, required, remarks);
          if (!p.substring(1).trim().equals(rest)) {
            remarks.add(p);
          }
        } else {
          remarks.add(p);
        }
      } else if (lower.startsWith("runtime:")) {
        String rest = p.substring(8);
        int semi = rest.indexOf(';');
        if (semi >= 0) {
          remarks.add("runtime: " + rest.substring(semi + 1).trim());
          rest = rest.substring(0, semi);
        }
        addNames(rest, runtime, remarks);
      } else if (lower.equals("none") || lower.startsWith("none if")) {
        noneNeeded = true;
        if (!lower.equals("none")) {
          remarks.add(p);
        }
      } else if (lower.matches("not (usable|practical|supported)\\b.*")) {
        notUsable = true;
        remarks.add(p);
      } else {
        remarks.add(p);
      }
    }
    return new DistroColumn(
        List.copyOf(new LinkedHashSet<>(required)),
        List.copyOf(new LinkedHashSet<>(optional)),
        List.copyOf(runtime),
        List.copyOf(remarks),
        notUsable,
        noneNeeded);
  }

  private static boolean allNames(String text) {
    for (String t : text.trim().split("\\s+")) {
      if (!NAME_TOKEN.matcher(t).matches()) {
        return false;
      }
    }
    return !text.isBlank();
  }

  private static void addNames(String text, List<String> into, List<String> remarks) {
    for (String t : text.trim().split("[\\s,]+")) {
      if (t.isEmpty()) {
        continue;
      }
      if (NAME_TOKEN.matcher(t).matches()) {
        into.add(t);
      } else {
        remarks.add(t);
      }
    }
  }

  // ---------------------------------------------------------------- compile-times.tsv

  /** The observations we added from public sources, beside ../shared's (same columns). */
  static final String PUBLIC_COMPILE_TIMES = "public-compile-times.tsv";

  private static final String COMPILE_TIMES_HEADER = "package\tversion\tplatform\tseconds\tcores\tsource\tquote\tkind\tsdist_size";

  /**
   * ../shared's compile-times.tsv, then our own {@value #PUBLIC_COMPILE_TIMES} (committed under
   * the resources, each row with its source URL and the quote read there), read by the same rules.
   */
  static CompileTimesFile compileTimes(Path knowledge) throws IOException {
    List<ObservationRow> rows = new ArrayList<>(observationRows("compile-times.tsv",
        Files.readAllLines(knowledge.resolve("compile-times.tsv"), StandardCharsets.UTF_8)));
    List<String> ours = Files.readAllLines(RESOURCE_DIR.resolve(PUBLIC_COMPILE_TIMES), StandardCharsets.UTF_8);
    for (int i = 1; i < ours.size(); i++) {
      String[] f = ours.get(i).split("\t", -1);
      if (!ours.get(i).isBlank() && (f.length < 7 || !f[5].trim().startsWith("https://") || f[6].trim().isEmpty())) {
        throw new IllegalStateException(PUBLIC_COMPILE_TIMES + ":" + (i + 1) + ": every row needs its source URL and the quote read there");
      }
    }
    rows.addAll(observationRows(PUBLIC_COMPILE_TIMES, ours));
    return new CompileTimesFile(
        "wheelwise.compile-times/1",
        "knowledge/compile-times.tsv + " + PUBLIC_COMPILE_TIMES + " (sizes as pip prints them: kB = 1000 B, MB = 1000000 B)",
        rows);
  }

  private static List<ObservationRow> observationRows(String file, List<String> lines) {
    expectHeader(lines, file, COMPILE_TIMES_HEADER);
    List<ObservationRow> rows = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) {
        continue;
      }
      String[] f = lines.get(i).split("\t", -1);
      if (f.length < 8) {
        throw new IllegalStateException(file + ":" + (i + 1) + ": expected at least 8 fields, found " + f.length);
      }
      String label = f[0].trim();
      String base = label.replaceAll("\\s*\\(.*$", "").trim();
      String paren = label.contains("(") ? label.substring(label.indexOf('(') + 1, label.lastIndexOf(')')).trim() : "";
      List<String> packages = new ArrayList<>();
      boolean others = false;
      boolean namesValid = true;
      for (String part : base.split("\\+")) {
        String p = part.trim();
        if (p.equals("deps")) {
          others = true;
        } else if (Names.isValid(p) && !p.contains(" ")) {
          String canonical = Names.canonicalize(p);
          packages.add(PYPI_NAME.getOrDefault(canonical, canonical));
        } else {
          namesValid = false;
        }
      }
      if (paren.startsWith("+")) {
        for (String p : paren.substring(1).split("[,+]")) {
          if (p.trim().equals("deps")) {
            others = true;
          } else if (Names.isValid(p.trim())) {
            packages.add(Names.canonicalize(p.trim()));
          }
        }
      }
      if (!namesValid) {
        packages.clear();
      }
      String seconds = f[3].trim();
      Double low = null;
      Double high = null;
      boolean approx = seconds.startsWith("~");
      String s = seconds.replace("~", "");
      if (s.equals("NA")) {
        // size-only row
      } else if (s.startsWith(">")) {
        low = Double.parseDouble(s.substring(1));
      } else if (s.startsWith("<")) {
        high = Double.parseDouble(s.substring(1));
      } else if (s.matches("\\d+(\\.\\d+)?-\\d+(\\.\\d+)?")) {
        low = Double.parseDouble(s.substring(0, s.indexOf('-')));
        high = Double.parseDouble(s.substring(s.indexOf('-') + 1));
      } else {
        low = Double.parseDouble(s);
        high = low;
      }
      Matcher coresMatch = Pattern.compile("^(\\d+)").matcher(f[4].trim());
      Integer cores = coresMatch.find() ? Integer.valueOf(coresMatch.group(1)) : null;
      String kind = f[7].trim();
      String platform = f[2].trim();
      boolean emulated =
          kind.contains("emulated") || kind.contains("qemu") || platform.matches("(?i).*(qemu|emulation|\\biSH\\b).*");
      boolean musl = platform.matches("(?i).*(alpine|musl).*");
      String sizeText = f.length > 8 ? f[8].trim() : "";
      Map<String, Long> sdistBytes = sdistSizes(sizeText, packages);
      Long wheelBytes = null;
      Matcher wheelInSize = Pattern.compile("\\(wheel " + SIZE.pattern() + "\\)").matcher(sizeText);
      Matcher wheelInQuote = WHEEL_SIZE_IN_QUOTE.matcher(f[6]);
      if (wheelInSize.find()) {
        wheelBytes = bytes(wheelInSize.group(1), wheelInSize.group(2));
      } else if (kind.startsWith("wheel_size") && wheelInQuote.find()) {
        wheelBytes = Long.parseLong(wheelInQuote.group(1));
      }
      rows.add(
          new ObservationRow(
              i + 1, label, packages, others, f[1].trim(), platform, low, high, approx, cores, kind, emulated, musl,
              sdistBytes, wheelBytes, f[5].trim(), file));
    }
    return rows;
  }

  /**
   * sdist sizes by package: "pandas 5.2 MB" style cells belong to the row's one package; cells
   * that name files ("grpcio-1.39.0.tar.gz 21.3 MB; …") give each file's project its size.
   */
  private static Map<String, Long> sdistSizes(String sizeText, List<String> packages) {
    Map<String, Long> out = new java.util.TreeMap<>();
    String text = sizeText.replaceAll("\\(wheel [^)]*\\)", "");
    Matcher named = Pattern.compile("([A-Za-z0-9_.-]+?)-\\d[\\w.]*\\.(?:tar\\.gz|zip)\\s+" + SIZE.pattern()).matcher(text);
    boolean anyNamed = false;
    while (named.find()) {
      out.merge(Names.canonicalize(named.group(1)), bytes(named.group(2), named.group(3)), Long::sum);
      anyNamed = true;
    }
    if (!anyNamed && packages.size() == 1) {
      Matcher size = SIZE.matcher(text);
      if (size.find()) {
        out.put(packages.get(0), bytes(size.group(1), size.group(2)));
      }
    }
    return out;
  }

  private static long bytes(String number, String unit) {
    double v = Double.parseDouble(number);
    return Math.round(v * (unit.equals("MB") ? 1_000_000 : 1_000));
  }

  // ---------------------------------------------------------------- musl-pitfalls.md

  /**
   * Stable ids per numbered section, with the word that must be in its title (so a renumbered
   * file fails generation instead of shifting ids), and the triggers wheelwise matches on. Every
   * trigger package must be named in that section's text ({@code evidence}).
   */
  private record PitfallSpec(
      int section, String id, String titleWord, List<Trigger> packages, List<Trigger> unverified, List<String> uses) {}

  private record Trigger(String name, String evidence) {
    static Trigger of(String name) {
      return new Trigger(name, name);
    }
  }

  private static final List<PitfallSpec> PITFALL_SPECS =
      List.of(
          new PitfallSpec(1, "musl-source-builds", "manylinux",
              List.of(Trigger.of("protobuf"), Trigger.of("google-crc32c")), List.of(), List.of("source-build")),
          new PitfallSpec(2, "musl-glibc-binaries", "glibc-linked",
              List.of(new Trigger("ibm-db", "ibm_db"), Trigger.of("pyarmor"), Trigger.of("birdisle"), Trigger.of("dockerfile")),
              List.of(), List.of("glibc-binary")),
          new PitfallSpec(3, "musl-thread-stack", "stack",
              List.of(Trigger.of("devpi-web"), new Trigger("ujson", "ultrajson"), Trigger.of("wagtail"),
                  Trigger.of("waitress"), Trigger.of("cheroot")),
              List.of(), List.of("threads-with-recursion", "python-not-from-docker-library")),
          new PitfallSpec(4, "musl-dns", "DNS", List.of(Trigger.of("uvloop")), List.of(), List.of("kubernetes-dns")),
          new PitfallSpec(5, "musl-find-library", "find_library",
              List.of(Trigger.of("python-magic"), Trigger.of("cairocffi"), Trigger.of("weasyprint"),
                  Trigger.of("gunicorn"), Trigger.of("pyudev"), Trigger.of("psycopg")),
              List.of(Trigger.of("shapely"), Trigger.of("rtree"), Trigger.of("pyzbar"), Trigger.of("oscrypto")),
              List.of("ctypes-find-library")),
          new PitfallSpec(6, "musl-locale", "Locale", List.of(Trigger.of("matplotlib")), List.of(), List.of("locale")),
          new PitfallSpec(7, "musl-strftime", "strftime", List.of(Trigger.of("warrant")), List.of(),
              List.of("strftime-gnu-flags")),
          new PitfallSpec(8, "musl-iconv", "iconv", List.of(), List.of(Trigger.of("lxml")), List.of("iconv")),
          new PitfallSpec(9, "musl-malloc", "malloc", List.of(),
              List.of(Trigger.of("polars"), Trigger.of("tokenizers"), Trigger.of("pyarrow"), Trigger.of("duckdb"),
                  Trigger.of("orjson")),
              List.of("native-threads")),
          new PitfallSpec(10, "musl-no-pgo", "Interpreter build flags", List.of(), List.of(), List.of("cpu-bound")),
          new PitfallSpec(11, "musl-tzdata", "Time-zone",
              List.of(Trigger.of("pytz"), Trigger.of("tzlocal"), Trigger.of("apscheduler"),
                  new Trigger("python-dateutil", "dateutil"), new Trigger("django", "Django"), Trigger.of("pandas")),
              List.of(), List.of("timezones")),
          new PitfallSpec(12, "musl-sched", "sched_", List.of(Trigger.of("hddfancontrol")), List.of(), List.of("os-sched")),
          new PitfallSpec(13, "musl-dlclose", "dlopen", List.of(new Trigger("tenseal", "TenSEAL")), List.of(),
              List.of("native-reload")),
          new PitfallSpec(14, "musl-nss", "NSS", List.of(), List.of(), List.of("directory-users")),
          new PitfallSpec(15, "musl-libc-details", "printf", List.of(), List.of(), List.of()),
          new PitfallSpec(16, "musl-cpython-unsupported", "CPython", List.of(), List.of(), List.of()));

  static PitfallsFile pitfalls(Path knowledge) throws IOException {
    List<String> lines = Files.readAllLines(knowledge.resolve("musl-pitfalls.md"), StandardCharsets.UTF_8);
    Map<Integer, String> titles = new LinkedHashMap<>();
    Map<Integer, List<String>> bodies = new LinkedHashMap<>();
    Integer current = null;
    for (String line : lines) {
      Matcher m = SECTION.matcher(line);
      if (m.matches()) {
        current = Integer.valueOf(m.group(1));
        titles.put(current, m.group(2).trim());
        bodies.put(current, new ArrayList<>());
      } else if (line.startsWith("---") || line.startsWith("### ")) {
        current = null;
      } else if (current != null) {
        bodies.get(current).add(line);
      }
    }
    if (titles.size() != PITFALL_SPECS.size()) {
      throw new IllegalStateException(
          "musl-pitfalls.md: expected " + PITFALL_SPECS.size() + " numbered sections, found " + titles.size());
    }
    List<PitfallRow> rows = new ArrayList<>();
    for (PitfallSpec spec : PITFALL_SPECS) {
      String title = titles.get(spec.section());
      if (title == null || !title.contains(spec.titleWord())) {
        throw new IllegalStateException(
            "musl-pitfalls.md: section " + spec.section() + " should mention '" + spec.titleWord() + "' but is: " + title);
      }
      List<String> body = bodies.get(spec.section());
      String text = String.join("\n", body);
      for (Trigger t : concat(spec.packages(), spec.unverified())) {
        if (!text.contains(t.evidence())) {
          throw new IllegalStateException(
              "musl-pitfalls.md: section " + spec.section() + " does not name trigger '" + t.evidence() + "'");
        }
      }
      String what = field(body, "What happens");
      rows.add(
          new PitfallRow(
              spec.id(),
              spec.section(),
              clean(title),
              what != null ? what : clean(String.join(" ", body)),
              orElse(field(body, "Mitigation"), field(body, "Mitigation status")),
              field(body, "Detection"),
              spec.packages().stream().map(Trigger::name).toList(),
              spec.unverified().stream().map(Trigger::name).toList(),
              spec.uses(),
              sourceKeys(text)));
    }
    return new PitfallsFile("wheelwise.musl-pitfalls/1", "knowledge/musl-pitfalls.md", rows);
  }

  private static <T> List<T> concat(List<T> a, List<T> b) {
    List<T> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  private static String orElse(String a, String b) {
    return a != null ? a : b;
  }

  /** The text of a {@code - **Label:**} bullet up to the next top-level bullet or bold paragraph. */
  private static String field(List<String> body, String label) {
    String marker = "- **" + label + ":**";
    StringBuilder out = null;
    for (String line : body) {
      if (out == null) {
        if (line.startsWith(marker)) {
          out = new StringBuilder(line.substring(marker.length()));
        }
      } else if (line.startsWith("- **") || line.startsWith("**") || line.isBlank()) {
        break;
      } else {
        out.append(' ').append(line.trim());
      }
    }
    return out == null ? null : clean(out.toString());
  }

  private static String clean(String text) {
    return text.replace("**", "").replaceAll("\\s+", " ").trim().replaceFirst("^- ", "");
  }

  private static List<String> sourceKeys(String text) {
    Set<String> keys = new LinkedHashSet<>();
    Matcher m = SOURCE_KEY.matcher(text.replaceAll("\\s+", " "));
    while (m.find()) {
      keys.add(m.group());
    }
    return List.copyOf(keys);
  }

  private static void expectHeader(List<String> lines, String file, String header) {
    if (lines.isEmpty() || !lines.get(0).startsWith(header)) {
      throw new IllegalStateException(file + ":1:1: expected the header '" + header.replace("\t", "<TAB>") + "'");
    }
  }
}
