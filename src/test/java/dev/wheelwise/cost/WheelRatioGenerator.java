package dev.wheelwise.cost;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Fits {@code wheel-ratios.json} on real wheels: this machine's local wheel index
 * ({@code /opt/pypi/files}) and wheel cache ({@code /opt/wheels}). Per kind — pure
 * ({@code -none-any}), compiled (platform wheel without bundled libraries), bundled (auditwheel
 * or delocate put shared libraries in {@code *.libs/} or {@code .dylibs/}) — it records the 5th
 * and 95th percentile of installed bytes over file bytes, where installed = the members' sizes
 * from the zip directory (what {@code index} measures) plus the bytecode pip compiles, and of
 * bytecode over members. Bytecode per .py byte is measured by compiling the .py members of a
 * fixed sample of wheels ({@code compileall}) with python3.8 and python3.12: the low ends use the
 * smaller of the two, the high ends the larger.
 */
final class WheelRatioGenerator {

  static final List<Path> SOURCES = List.of(Path.of("/opt/pypi/files"), Path.of("/opt/wheels"));
  static final Path RESOURCE = Path.of("src/main/resources/dev/wheelwise/cost/wheel-ratios.json");
  /** Every n-th wheel (by name) has its .py members compiled to measure bytecode per .py byte. */
  static final int BYTECODE_SAMPLE_EVERY = 100;
  /**
   * Bytecode size depends on the Python: 3.11 made .pyc files larger (exception tables,
   * positions). The band runs from the oldest to the newest Python the images carry that is here.
   */
  static final List<String> PYTHONS = List.of("/root/.pyenv/versions/3.8.18/bin/python3.8", "/root/.pyenv/versions/3.12.1/bin/python3.12");

  private WheelRatioGenerator() {}

  record Wheel(String filename, WheelRatios.Kind kind, long fileBytes, long memberBytes, long pyBytes) {}

  static List<Path> wheels() throws IOException {
    List<Path> out = new ArrayList<>();
    for (Path dir : SOURCES) {
      if (Files.isDirectory(dir)) {
        try (Stream<Path> s = Files.walk(dir)) {
          s.filter(p -> p.getFileName().toString().endsWith(".whl")).forEach(out::add);
        }
      }
    }
    out.sort((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
    return out;
  }

  static Wheel read(Path whl) throws IOException {
    String name = whl.getFileName().toString();
    long members = 0;
    long py = 0;
    boolean bundled = false;
    try (ZipFile z = new ZipFile(whl.toFile())) {
      Enumeration<? extends ZipEntry> en = z.entries();
      while (en.hasMoreElements()) {
        ZipEntry e = en.nextElement();
        if (e.isDirectory()) {
          continue;
        }
        members += e.getSize();
        String n = e.getName();
        if (n.endsWith(".py")) {
          py += e.getSize();
        }
        String top = n.contains("/") ? n.substring(0, n.indexOf('/')) : "";
        bundled |= top.endsWith(".libs") || n.contains("/.dylibs/");
      }
    }
    WheelRatios.Kind kind = WheelRatios.Kind.ofFilename(name) == WheelRatios.Kind.PURE ? WheelRatios.Kind.PURE
        : bundled ? WheelRatios.Kind.BUNDLED : WheelRatios.Kind.COMPILED;
    return new Wheel(name, kind, Files.size(whl), members, py);
  }

  /** Compiles the .py members of one wheel with python3 and returns [py bytes, pyc bytes]. */
  static long[] bytecode(Path whl, Path tmp, String python) throws IOException, InterruptedException {
    Path dir = Files.createTempDirectory(tmp, "whl");
    long py = 0;
    try (ZipFile z = new ZipFile(whl.toFile())) {
      Enumeration<? extends ZipEntry> en = z.entries();
      int i = 0;
      while (en.hasMoreElements()) {
        ZipEntry e = en.nextElement();
        if (e.isDirectory() || !e.getName().endsWith(".py")) {
          continue;
        }
        // Flat names: only sizes matter, and compileall writes __pycache__ beside each file.
        Path out = dir.resolve("m" + (i++) + ".py");
        try (InputStream in = z.getInputStream(e)) {
          Files.copy(in, out);
        }
        py += e.getSize();
      }
    }
    if (!Files.isExecutable(Path.of(python))) {
      throw new IllegalStateException(python + " is not here: the bytecode ratio cannot be measured");
    }
    Process p = new ProcessBuilder(python, "-m", "compileall", "-q", dir.toString()).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    p.waitFor(300, TimeUnit.SECONDS);
    long pyc = 0;
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path f : s.filter(f -> f.toString().endsWith(".pyc")).toList()) {
        pyc += Files.size(f);
      }
    }
    return new long[] {py, pyc};
  }

  static String generate() throws IOException, InterruptedException {
    List<Path> paths = wheels();
    List<Wheel> all = new ArrayList<>();
    for (Path p : paths) {
      all.add(read(p));
    }
    Path tmp = Files.createTempDirectory("wheel-ratios");
    double[] perPy = new double[PYTHONS.size()];
    int sampled = 0;
    for (int v = 0; v < PYTHONS.size(); v++) {
      long py = 0;
      long pyc = 0;
      sampled = 0;
      for (int i = 0; i < paths.size(); i += BYTECODE_SAMPLE_EVERY) {
        long[] b = bytecode(paths.get(i), tmp, PYTHONS.get(v));
        if (b[0] > 0) {
          py += b[0];
          pyc += b[1];
          sampled++;
        }
      }
      perPy[v] = (double) pyc / py;
    }
    double pycLow = Math.min(perPy[0], perPy[1]);
    double pycHigh = Math.max(perPy[0], perPy[1]);
    StringBuilder sb = new StringBuilder();
    sb.append("{\n");
    sb.append("  \"generatedBy\": \"WheelRatioGenerator (test scope): wheels in /opt/pypi/files and /opt/wheels\",\n");
    sb.append(String.format(Locale.ROOT, "  \"wheels\": %d,%n", all.size()));
    sb.append(String.format(Locale.ROOT, "  \"bytecodeSampleWheels\": %d,%n", sampled));
    sb.append(String.format(Locale.ROOT, "  \"bytecodePerPyByte\": {\"3.8\": %.3f, \"3.12\": %.3f},%n", perPy[0], perPy[1]));
    sb.append("  \"kinds\": [\n");
    List<String> kinds = new ArrayList<>();
    for (WheelRatios.Kind k : WheelRatios.Kind.values()) {
      List<Double> fileLow = new ArrayList<>();
      List<Double> fileHigh = new ArrayList<>();
      List<Double> codeLow = new ArrayList<>();
      List<Double> codeHigh = new ArrayList<>();
      for (Wheel w : all) {
        if (w.kind() != k || w.memberBytes() == 0) {
          continue;
        }
        fileLow.add((w.memberBytes() + w.pyBytes() * pycLow) / w.fileBytes());
        fileHigh.add((w.memberBytes() + w.pyBytes() * pycHigh) / w.fileBytes());
        codeLow.add(w.pyBytes() * pycLow / w.memberBytes());
        codeHigh.add(w.pyBytes() * pycHigh / w.memberBytes());
      }
      kinds.add(String.format(Locale.ROOT,
          "    {\"kind\": \"%s\", \"wheels\": %d, \"installedPerFileByteLow\": %.3f, \"installedPerFileByteHigh\": %.3f, "
              + "\"bytecodePerMemberByteLow\": %.3f, \"bytecodePerMemberByteHigh\": %.3f}",
          k.name(), fileLow.size(), quantile(fileLow, 0.05), quantile(fileHigh, 0.95), quantile(codeLow, 0.05),
          quantile(codeHigh, 0.95)));
    }
    sb.append(String.join(",\n", kinds)).append("\n  ]\n}\n");
    return sb.toString();
  }

  /** Linear-interpolated quantile of the values (sorted copy). */
  static double quantile(List<Double> values, double q) {
    List<Double> s = values.stream().sorted().toList();
    double pos = q * (s.size() - 1);
    int lo = (int) Math.floor(pos);
    int hi = Math.min(s.size() - 1, lo + 1);
    return s.get(lo) + (s.get(hi) - s.get(lo)) * (pos - lo);
  }

  public static void main(String[] args) throws Exception {
    Files.writeString(RESOURCE, generate());
  }
}
