package dev.wheelwise.resolve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wheelwise.pep440.Version;
import dev.wheelwise.pep508.Names;
import dev.wheelwise.tags.Arch;
import dev.wheelwise.tags.Libc;
import dev.wheelwise.tags.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

/**
 * check's file choices against pip's own, per image of a {@code check --format json} report of
 * a lock file: pip 23.2.1 runs once per image on the locked pins check installs there
 * ({@code name==version}, {@code --no-deps}, so pip chooses files and resolves nothing), with
 * the image's Python, libc and CPU from the report, against a {@link PipOracle} index of the
 * lock's real file names. A package check finds no file for cannot join that run (pip stops
 * at the first requirement without one), so each gets a run of its own, which must fail with
 * "No matching distribution". Shared by {@code PipAgreementTest} (two images) and
 * benchmarks/check-vs-pip.sh (all twelve, through {@link #main}).
 */
final class PipAgreement {
  private PipAgreement() {}

  private static final ObjectMapper JSON = new ObjectMapper();

  /** One decision of check: {@code install} is wheel, sdist, none or unknown; file for the first two. */
  record Decision(String name, String version, String install, String file) {
    String pin() {
      return name + "==" + version;
    }

    /** {@code wheel F}, {@code sdist F} or {@code none}: what is compared. */
    String choice() {
      return file == null ? install : install + " " + file;
    }
  }

  /** One image plan of the report, with the target pip is given. */
  record Image(String label, Target target, List<Decision> decisions) {}

  /** The images of check's report to compare, and those that cannot be, with why. */
  record Report(List<Image> images, List<String> notCompared) {
    Report plus(Report other) {
      return new Report(concat(images, other.images()), concat(notCompared, other.notCompared()));
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
      List<T> out = new ArrayList<>(a);
      out.addAll(b);
      return List.copyOf(out);
    }
  }

  /**
   * What was compared: package decisions over all images (by check's install kind), how many
   * agree, the disagreements and what was not compared (with why), and every pip command run,
   * in order (the benchmark times them): those on each image's installable pins, and one per
   * package check found no file for.
   */
  record Outcome(int images, int compared, int agreements, Map<String, Integer> byInstall, List<String> disagreements,
      List<String> notCompared, List<List<String>> pinRuns, List<List<String>> noneRuns) {

    String summary() {
      StringBuilder sb = new StringBuilder();
      sb.append(String.format("pip agreement: %d images with packages, %d package decisions compared (%s), %d agree, %d disagree;"
              + " pip runs: %d (%d on installable pins, %d for packages without a file)%n",
          images, compared, byInstall.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")),
          agreements, disagreements.size(), pinRuns.size() + noneRuns.size(), pinRuns.size(), noneRuns.size()));
      notCompared.forEach(n -> sb.append("  not compared: ").append(n).append('\n'));
      disagreements.forEach(d -> sb.append("  DISAGREE ").append(d).append('\n'));
      return sb.toString();
    }
  }

  /**
   * The images of check's JSON report, whose choices must have been made for {@code pip} (the
   * one that will be run): a report made for another pip is refused, since tag lists and
   * version rules follow the pip.
   */
  static Report read(JsonNode report, Version pip) {
    List<Image> out = new ArrayList<>();
    List<String> notCompared = new ArrayList<>();
    for (JsonNode image : report.path("images")) {
      String label = image.path("image").asText() + " " + image.path("platform").asText();
      if (image.path("packages").isEmpty()) {
        notCompared.add(label + ": no packages (" + image.path("verdict").asText()
            + image.path(image.path("verdict").asText()).path("reason").asText().transform(r -> r.isEmpty() ? "" : ": " + r) + ")");
        continue;
      }
      Version modelled = Version.tryParse(image.path("pip").asText());
      if (modelled == null || modelled.compareTo(pip) != 0) {
        throw new IllegalArgumentException(label + ": check modelled pip " + image.path("pip").asText("(not stated)")
            + ", the pip run here is " + pip + "; run check with --pip " + pip);
      }
      List<Decision> decisions = new ArrayList<>();
      for (JsonNode p : image.path("packages")) {
        decisions.add(new Decision(p.path("name").asText(), p.path("version").asText(), p.path("install").asText(),
            p.hasNonNull("file") ? p.path("file").asText() : null));
      }
      out.add(new Image(label, target(image), decisions));
    }
    return new Report(out, notCompared);
  }

  private static Target target(JsonNode image) {
    String label = image.path("image").asText();
    Version python = Version.tryParse(image.path("python").asText());
    Libc libc = Libc.parse(image.path("libc").asText() + "-" + image.path("libcVersion").asText())
        .orElseThrow(() -> new IllegalArgumentException(label + ": libc " + image.path("libc") + " " + image.path("libcVersion")
            + " is not known"));
    Arch arch = Arch.parse(image.path("platform").asText().replaceFirst("^linux/", ""))
        .orElseThrow(() -> new IllegalArgumentException(label + ": platform " + image.path("platform")));
    if (python == null || python.release().size() < 3) {
      throw new IllegalArgumentException(label + ": Python " + image.path("python") + " is not a full version");
    }
    return new Target(python.releasePart(0).intValueExact(), python.releasePart(1).intValueExact(), python.releasePart(2).intValueExact(),
        false, libc, arch);
  }

  /** Runs pip for every image ({@code parallel} processes at a time) and compares. */
  static Outcome compare(Report report, String base, Path work, int parallel) throws Exception {
    List<Image> images = report.images();
    Path target = work.resolve("target");
    ExecutorService pool = Executors.newFixedThreadPool(parallel);
    try {
      Map<Image, Future<Choices>> installable = new LinkedHashMap<>();
      Map<Image, List<Future<Choices>>> none = new LinkedHashMap<>();
      for (Image image : images) {
        List<String> pins = image.decisions().stream().filter(d -> d.file() != null).map(Decision::pin).toList();
        installable.put(image, pool.submit(() -> pipChoices(base, image.target(), pins, target)));
        List<Future<Choices>> alone = new ArrayList<>();
        image.decisions().stream().filter(d -> d.install().equals("none"))
            .forEach(d -> alone.add(pool.submit(() -> pipChoice(base, image.target(), d.pin(), target))));
        none.put(image, alone);
      }
      int compared = 0;
      int agreements = 0;
      Map<String, Integer> byInstall = new TreeMap<>();
      List<String> disagreements = new ArrayList<>();
      List<String> skipped = new ArrayList<>(report.notCompared());
      List<List<String>> pinRuns = new ArrayList<>();
      List<List<String>> noneRuns = new ArrayList<>();
      for (Image image : images) {
        Choices choices = installable.get(image).get();
        pinRuns.addAll(choices.runs());
        Map<String, String> pip = new TreeMap<>(choices.choices());
        for (Future<Choices> alone : none.get(image)) {
          pip.putAll(alone.get().choices());
          noneRuns.addAll(alone.get().runs());
        }
        for (Decision d : image.decisions()) {
          if (d.install().equals("unknown")) {
            skipped.add(image.label() + " " + d.pin() + ": check says unknown");
            continue;
          }
          compared++;
          byInstall.merge(d.install(), 1, Integer::sum);
          String theirs = pip.remove(Names.canonicalize(d.name()));
          if (d.choice().equals(theirs)) {
            agreements++;
          } else {
            disagreements.add(image.label() + " " + d.pin() + ": check " + d.choice() + ", pip " + theirs);
          }
        }
        pip.forEach((name, choice) -> disagreements.add(image.label() + " " + name + ": pip installs " + choice + ", check lists nothing"));
      }
      return new Outcome(images.size(), compared, agreements, byInstall, disagreements, skipped, pinRuns, noneRuns);
    } finally {
      pool.shutdownNow();
    }
  }

  private static final List<String> NO_DEPS = List.of("--no-deps");

  /** pip's choices (name → {@code wheel F}, {@code sdist F} or {@code none}) and the runs made for them. */
  private record Choices(Map<String, String> choices, List<List<String>> runs) {}

  /**
   * pip's choices for the installable pins of one image. A pin pip finds no file for is
   * {@code none} (a disagreement), and the run is repeated without it: pip stops at the first.
   */
  private static Choices pipChoices(String base, Target target, List<String> pins, Path dir) throws Exception {
    List<String> left = new ArrayList<>(pins);
    Map<String, String> out = new TreeMap<>();
    List<List<String>> runs = new ArrayList<>();
    while (!left.isEmpty()) {
      List<String> cmd = PipOracle.command(base, target, dir, NO_DEPS, left);
      runs.add(cmd);
      PipOracle.Run run = PipOracle.run(cmd);
      if (run.exitCode() == 0) {
        PipOracle.chosen(run.report()).forEach((name, versionFile) -> out.put(name, kind(versionFile)));
        break;
      }
      String missing = run.noMatch()
          .orElseThrow(() -> new IllegalStateException("pip failed for another reason than a missing file:\n" + run.errors()));
      if (!left.remove(missing)) {
        throw new IllegalStateException("pip named " + missing + ", not one of the pins given");
      }
      out.put(name(missing), "none");
    }
    return new Choices(out, runs);
  }

  /** pip's choice for one pin run alone: {@code none} when it finds no file ("No matching distribution"). */
  private static Choices pipChoice(String base, Target target, String pin, Path dir) throws Exception {
    List<String> cmd = PipOracle.command(base, target, dir, NO_DEPS, List.of(pin));
    PipOracle.Run run = PipOracle.run(cmd);
    Map<String, String> out = new TreeMap<>();
    if (run.exitCode() == 0) {
      PipOracle.chosen(run.report()).forEach((name, versionFile) -> out.put(name, kind(versionFile)));
    } else if (run.noMatch().filter(pin::equals).isPresent()) {
      out.put(name(pin), "none");
    } else {
      throw new IllegalStateException(pin + ": pip failed for another reason than a missing file:\n" + run.errors());
    }
    return new Choices(out, List.of(cmd));
  }

  private static String name(String pin) {
    return Names.canonicalize(pin.substring(0, pin.indexOf("==")));
  }

  /** {@code "1.2 f.whl"} (as {@link PipOracle#chosen} gives it) → {@code wheel f.whl}. */
  private static String kind(String versionFile) {
    String file = versionFile.substring(versionFile.indexOf(' ') + 1);
    return (file.endsWith(".whl") ? "wheel " : "sdist ") + file;
  }

  /**
   * For benchmarks/check-vs-pip.sh: {@code INDEX_URL CHECK_JSON OUT_DIR}. Prints the comparison,
   * writes the pip runs it made as two bash scripts to be timed, {@code pip-pins.sh} (one run
   * per image on its installable pins) and {@code pip-none.sh} (one per package check found no
   * file for), and exits 1 when some choice differs.
   */
  public static void main(String[] args) throws Exception {
    Version pip = PipOracle.hostPip();
    if (!PipOracle.PIP.pip().orElseThrow().equals(pip)) {
      // The --platform lists are computed for the oracle's pip.
      throw new IllegalStateException("python3 -m pip is " + pip + "; this comparison runs pip " + PipOracle.PIP.pip().orElseThrow());
    }
    Report report = read(JSON.readTree(Path.of(args[1]).toFile()), pip);
    Path work = Files.createTempDirectory("wheelwise-pip-agreement");
    Outcome outcome = compare(report, args[0], work, Runtime.getRuntime().availableProcessors());
    System.out.print(outcome.summary());
    Path out = Path.of(args[2]);
    Files.writeString(out.resolve("pip-pins.sh"), script(pip + ", one run per image on its installable pins", outcome.pinRuns()));
    Files.writeString(out.resolve("pip-none.sh"), script(pip + ", one run per package check found no file for", outcome.noneRuns()));
    System.exit(outcome.disagreements().isEmpty() ? 0 : 1);
  }

  private static String script(String what, List<List<String>> runs) {
    StringBuilder sb = new StringBuilder("#!/usr/bin/env bash\n# Written by PipAgreement for check-vs-pip.sh: pip ").append(what)
        .append(".\nexport PIP_CONFIG_FILE=/dev/null\n");
    for (List<String> cmd : runs) {
      sb.append(cmd.stream().map(a -> "'" + a.replace("'", "'\\''") + "'").collect(Collectors.joining(" ")))
          .append(" >/dev/null 2>&1 || true\n");
    }
    return sb.toString();
  }
}
