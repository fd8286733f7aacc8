package dev.wheelwise.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a classic-builder build stream as it arrives: step marks ({@code Step 3/5 : RUN …}) with
 * the time each began, the containers and intermediate images it made ({@code ---> Running in
 * ID}, {@code ---> ID}), and pip's own lines (which package it is collecting and building, and
 * the first line that says what broke). Not thread-safe: one log per build.
 */
final class BuildLog {
  private static final Pattern STEP = Pattern.compile("^Step (\\d+)/(\\d+) : (.*)$");
  private static final Pattern RUNNING_IN = Pattern.compile("^ ---> Running in ([0-9a-f]{12,64})$");
  private static final Pattern LAYER = Pattern.compile("^ ---> ([0-9a-f]{12,64})$");
  private static final Pattern COLLECTING = Pattern.compile("^\\s*Collecting ([A-Za-z0-9._-]+)(?:==([^\\s;]+))?");
  private static final Pattern BUILDING = Pattern.compile(
      "^\\s*(?:Building wheel for|Running setup\\.py install for) ([A-Za-z0-9._-]+)(?: \\([^)]*\\))?(?::| \\.\\.\\.)? ?(.*)$");
  private static final Pattern FAILED_BUILDING = Pattern.compile("^\\s*(?:Failed building wheel for|Failed to build) ([A-Za-z0-9._-]+)");
  private static final Pattern SDIST = Pattern.compile("^\\s*Downloading (?:\\S+/)?([A-Za-z0-9._-]+?)-(\\d[^\\s/]*?)\\.(?:tar\\.gz|zip|tar\\.bz2)\\b");
  /** pip's own summary lines around a build failure; the first line that names the cause comes before them. */
  private static final Set<String> WRAPPERS = Set.of("subprocess-exited-with-error", "metadata-generation-failed",
      "legacy-install-failure", "failed-wheel-build-for-install");

  record StepMark(int number, int of, String instruction, Instant at) {}

  private final List<StepMark> steps = new ArrayList<>();
  private final Set<String> containers = new LinkedHashSet<>();
  private final Set<String> layers = new LinkedHashSet<>();
  private final Map<String, Instant> buildStarted = new LinkedHashMap<>();
  private final Map<String, Measurement.SourceBuild> sourceBuilds = new LinkedHashMap<>();
  private final Map<String, String> sdistVersions = new LinkedHashMap<>();
  private String partial = "";
  private Optional<String> collecting = Optional.empty();
  private Optional<String> building = Optional.empty();
  private Optional<String> failedBuilding = Optional.empty();
  private Optional<String> firstError = Optional.empty();

  /** Feeds a piece of the stream (it may hold several lines, or end mid-line). */
  void text(String chunk, Instant at) {
    String all = partial + chunk;
    int start = 0;
    for (int nl = all.indexOf('\n'); nl >= 0; nl = all.indexOf('\n', start)) {
      line(all.substring(start, nl).replace("\r", ""), at);
      start = nl + 1;
    }
    partial = all.substring(start);
  }

  /** Ends the stream: a last line without a newline is read too. */
  void end(Instant at) {
    if (!partial.isEmpty()) {
      line(partial, at);
      partial = "";
    }
    building.ifPresent(name -> finishBuild(name, at, false));
  }

  private void line(String line, Instant at) {
    Matcher m;
    if ((m = STEP.matcher(line)).matches()) {
      steps.add(new StepMark(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), m.group(3), at));
    } else if ((m = RUNNING_IN.matcher(line)).matches()) {
      containers.add(m.group(1));
    } else if ((m = LAYER.matcher(line)).matches()) {
      // After a FROM step the id is the base image (or an earlier stage), which is not this build's to remove.
      boolean fromStep = !steps.isEmpty() && steps.get(steps.size() - 1).instruction().regionMatches(true, 0, "FROM", 0, 4);
      if (!fromStep) {
        layers.add(m.group(1));
      }
    } else if ((m = COLLECTING.matcher(line)).find()) {
      collecting = Optional.of(m.group(1));
    } else if ((m = SDIST.matcher(line)).find()) {
      sdistVersions.put(normal(m.group(1)), m.group(2));
    } else if ((m = FAILED_BUILDING.matcher(line)).find()) {
      if (failedBuilding.isEmpty()) {
        failedBuilding = Optional.of(m.group(1));
      }
    } else if ((m = BUILDING.matcher(line)).find()) {
      String name = m.group(1);
      String rest = m.group(2);
      if (rest.contains("finished with status 'done'") || rest.equals("done")) {
        finishBuild(name, at, true);
      } else if (rest.contains("finished with status 'error'") || rest.equals("error")) {
        finishBuild(name, at, false);
      } else if (!buildStarted.containsKey(normal(name))) {
        buildStarted.put(normal(name), at);
        building = Optional.of(name);
      }
    }
    String trimmed = line.trim();
    if (firstError.isEmpty() && isCause(trimmed)) {
      firstError = Optional.of(trimmed);
    }
  }

  private static boolean isCause(String line) {
    if (line.startsWith("error:")) {
      String what = line.substring("error:".length()).trim();
      return !WRAPPERS.contains(what);
    }
    return line.contains("fatal error:") || line.startsWith("ERROR:");
  }

  private void finishBuild(String name, Instant at, boolean ok) {
    Instant began = buildStarted.get(normal(name));
    OptionalDouble seconds = began == null ? OptionalDouble.empty() : OptionalDouble.of(Duration.between(began, at).toMillis() / 1000.0);
    sourceBuilds.put(normal(name), new Measurement.SourceBuild(normal(name), Optional.ofNullable(sdistVersions.get(normal(name))), seconds, ok));
    if (building.map(b -> normal(b).equals(normal(name))).orElse(false)) {
      building = Optional.empty();
    }
  }

  private static String normal(String name) {
    return name.toLowerCase(java.util.Locale.ROOT).replaceAll("[-_.]+", "-");
  }

  List<StepMark> steps() {
    return List.copyOf(steps);
  }

  Set<String> containers() {
    return Set.copyOf(containers);
  }

  Set<String> layers() {
    return Set.copyOf(layers);
  }

  /** The first line that names a cause (a compiler's or pip's {@code error:} line). */
  Optional<String> firstError() {
    return firstError;
  }

  /** The package pip was on when the build broke: the one it failed to build, else the one it was building or collecting. */
  Optional<String> failedPackage() {
    return failedBuilding.or(() -> building).or(() -> collecting).map(BuildLog::normal);
  }

  List<Measurement.SourceBuild> sourceBuilds() {
    return List.copyOf(sourceBuilds.values());
  }

  /** Seconds spent in the given steps (by number), each from its mark to the next mark or {@code end}. */
  OptionalDouble secondsIn(Set<Integer> numbers, Instant end) {
    double total = 0;
    boolean any = false;
    for (int i = 0; i < steps.size(); i++) {
      StepMark s = steps.get(i);
      if (numbers.contains(s.number())) {
        Instant until = i + 1 < steps.size() ? steps.get(i + 1).at() : end;
        total += Duration.between(s.at(), until).toMillis() / 1000.0;
        any = true;
      }
    }
    return any ? OptionalDouble.of(total) : OptionalDouble.empty();
  }
}
