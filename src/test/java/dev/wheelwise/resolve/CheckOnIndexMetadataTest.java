package dev.wheelwise.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wheelwise.advise.ChooserTarget;
import dev.wheelwise.advise.ImageCandidate;
import dev.wheelwise.cli.Main;
import dev.wheelwise.image.Catalog;
import dev.wheelwise.image.ImageFacts;
import dev.wheelwise.image.ImageReference;
import dev.wheelwise.image.Platform;
import dev.wheelwise.index.LoopbackIndex;
import dev.wheelwise.pep440.Version;
import dev.wheelwise.pep508.Names;
import dev.wheelwise.testing.Shared;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code wheelwise check} on loose requirements against a live index, end to end through the
 * CLI, with pip 23.2.1 as the oracle: a loopback index serves the corpus's uv.lock releases
 * (real file names, generated wheels whose METADATA carries the recorded Requires-Dist) as PEP
 * 691 JSON or PEP 503 HTML, with or without PEP 658 metadata files. The versions and files check
 * reports per image must be the ones {@code pip install --dry-run --report} chooses for the same
 * target (the image's Python and its pip's ordered platform tags) on the same index.
 */
class CheckOnIndexMetadataTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> IMAGES = List.of("python:3.12-slim", "python:3.12-alpine");
  /** pip's side runs with {@code --only-binary=:all:} (it must not build): check is told the same. */
  private static final String[] AS_PIP = {"--only-binary", ":all:"};
  private static LockUniverse universe;

  @BeforeAll
  static void read() throws IOException {
    universe = LockUniverse.read(Shared.require("corpus/lockfiles/uv"));
  }

  /** One check run: exit code, report, stderr, and the paths the index was asked for meanwhile. */
  private record Check(int code, JsonNode json, String err, List<String> paths) {}

  /** Requests for wheel files while check ran: whole downloads and byte ranges. */
  private record WheelReads(int whole, int ranged) {}

  @Test
  void pep691MetadataFilesGivePipsChoice(@TempDir Path tmp) throws Exception {
    agreesWithPip(PipOracle.Listing.JSON_METADATA, true, looseSets(3), tmp);
  }

  @Test
  void pep503MetadataAttributesGivePipsChoice(@TempDir Path tmp) throws Exception {
    agreesWithPip(PipOracle.Listing.HTML_METADATA, true, looseSets(1), tmp);
  }

  @Test
  void withoutMetadataFilesTheWheelsMetadataIsReadByByteRanges(@TempDir Path tmp) throws Exception {
    WheelReads reads = agreesWithPip(PipOracle.Listing.JSON, true, looseSets(1), tmp);
    assertThat(reads.ranged()).as("check read wheels by ranges").isPositive();
    assertThat(reads.whole()).as("and downloaded none whole").isZero();
  }

  @Test
  void aServerWithoutByteRangesSendsWholeWheelsWhichAreHashChecked(@TempDir Path tmp) throws Exception {
    WheelReads reads = agreesWithPip(PipOracle.Listing.JSON, false, looseSets(1), tmp);
    assertThat(reads.whole()).isPositive();
    assertThat(reads.ranged()).isZero();
  }

  @Test
  void metadataRequiresPythonRejectsTheReleaseThePageAllowed(@TempDir Path tmp) throws Exception {
    LockUniverse.Release newest = pureWithDependencies(2);
    // pip checks Requires-Python against the Python it runs on (the image's, in the image; the
    // host's 3.11 here): this bound excludes both, so the oracle answers for the image.
    LockUniverse changed = universe.withRequiresPython(newest.name(), newest.version(), ">=3.13");
    try (LoopbackIndex index = new LoopbackIndex(null)) {
      PipOracle.serve(index, changed, PipOracle.Listing.JSON_METADATA, true);
      Check check = check(index, tmp, List.of(newest.name()), AS_PIP);
      assertThat(check.code()).as(check.err()).isZero();
      for (JsonNode image : check.json().get("images")) {
        String chosen = packages(image).get(newest.name());
        assertThat(Version.tryParse(chosen.split(" ")[0])).as("the page allows %s %s, its metadata does not", newest.name(),
            newest.version()).isLessThan(Version.tryParse(newest.version()));
        assertThat(packages(image)).isEqualTo(pip(index, image.get("image").asText(), List.of(newest.name()), tmp));
      }
    }
  }

  @Test
  void aPinWhoseMetadataNeedsUnpinnedPackagesIsResolvedAsPipDoes(@TempDir Path tmp) throws Exception {
    LockUniverse.Release pinned = pureWithDependencies(1);
    List<String> set = List.of(pinned.name() + "==" + pinned.version());
    try (LoopbackIndex index = new LoopbackIndex(null)) {
      PipOracle.serve(index, universe, PipOracle.Listing.JSON_METADATA, true);
      Check check = check(index, tmp, set, AS_PIP);
      assertThat(check.code()).as(check.err()).isZero();
      for (JsonNode image : check.json().get("images")) {
        Map<String, String> ours = packages(image);
        assertThat(ours).as("%s needs %s", set, pinned.requiresDist()).hasSizeGreaterThan(1);
        assertThat(ours).isEqualTo(pip(index, image.get("image").asText(), set, tmp.resolve(image.get("image").asText().replace(':', '-'))));
      }
    }
  }

  @Test
  void onALiveIndexASetPipCannotResolveMakesTheImageUnavailable(@TempDir Path tmp) throws Exception {
    LockUniverse.Release release = pureWithDependencies(1);
    List<String> set = List.of(release.name() + ">=" + release.version(), release.name() + "<" + release.version());
    try (LoopbackIndex index = new LoopbackIndex(null)) {
      PipOracle.serve(index, universe, PipOracle.Listing.JSON_METADATA, true);
      Check check = check(index, tmp, set, AS_PIP);
      assertThat(check.code()).as(check.err()).isZero();
      for (JsonNode image : check.json().get("images")) {
        // The live index lists every file: "no version satisfies" is a fact there, as pip says too.
        assertThat(image.get("verdict").asText()).isEqualTo("unavailable");
        assertThat(image.get("unavailable").get("reason").asText()).contains("no version of " + release.name() + " satisfies all of");
        assertThat(pip(index, image.get("image").asText(), set, tmp.resolve("pip-" + image.get("image").asText().replace(':', '-'))))
            .as("pip finds no solution either").isNull();
      }
    }
  }

  @Test
  void aMetadataFileThatFailsItsHashLeavesTheReleaseUnknownAndExitsThree(@TempDir Path tmp) throws Exception {
    LockUniverse.Release release = pureWithDependencies(1);
    String wheel = release.files().stream().filter(f -> f.endsWith("-py3-none-any.whl")).findFirst().orElseThrow();
    try (LoopbackIndex index = new LoopbackIndex(null)) {
      PipOracle.serve(index, universe, PipOracle.Listing.JSON_METADATA, true);
      byte[] tampered = (new String(PipOracle.metadata(release), StandardCharsets.UTF_8) + "Requires-Dist: six\n")
          .getBytes(StandardCharsets.UTF_8);
      index.override("/files/" + wheel + ".metadata", (ex, n) -> LoopbackIndex.send(ex, 200, "application/octet-stream", tampered));
      List<String> requirements = List.of(release.name() + ">=" + release.version());
      Check check = check(index, tmp, requirements, AS_PIP);
      assertThat(check.code()).isEqualTo(Main.EXIT_INDEX);
      assertThat(check.err()).contains("error: " + index.base() + "/files/" + wheel + ".metadata: sha256 mismatch");
      for (JsonNode image : check.json().get("images")) {
        assertThat(packages(image)).containsEntry(release.name(), Version.tryParse(release.version()) + " " + wheel);
        assertThat(image.get("verdict").asText()).isEqualTo("unknown");
        assertThat(image.get("skipped").toString()).contains("the dependencies of " + release.name() + " "
            + Version.tryParse(release.version()) + " are not known (reading the metadata of " + wheel + " failed: sha256 mismatch");
        assertThat(packages(image)).as("nothing it would pull in is claimed").hasSize(1);
      }
      PipOracle.Run pip = PipOracle.run(index.base(), target("python:3.12-slim").tags().target(), target("python:3.12-slim").profile(),
          requirements, tmp.resolve("pip"));
      assertThat(pip.exitCode()).as("pip refuses the metadata file too").isNotZero();
      assertThat(pip.errors()).contains("THESE PACKAGES DO NOT MATCH THE HASHES");
    }
  }

  @Test
  void anSdistIsReadOnlyThroughAMetadataFile(@TempDir Path tmp) throws Exception {
    LockUniverse.Release release = universe.projects().values().stream().map(LockUniverse::newest)
        .filter(r -> !r.requiresDist().isEmpty() && r.files().stream().anyMatch(f -> f.endsWith(".tar.gz"))).findFirst().orElseThrow();
    List<String> requirements = List.of(release.name() + ">=" + release.version());
    String sdist = release.files().stream().filter(f -> f.endsWith(".tar.gz")).findFirst().orElseThrow();
    for (PipOracle.Listing listing : List.of(PipOracle.Listing.JSON_METADATA, PipOracle.Listing.JSON)) {
      try (LoopbackIndex index = new LoopbackIndex(null)) {
        PipOracle.serve(index, universe, listing, true);
        Check check = check(index, tmp, requirements, "--no-binary", release.name());
        assertThat(check.err()).doesNotContain("error:");
        JsonNode slim = check.json().get("images").get(0);
        assertThat(packages(slim).get(release.name())).endsWith(" " + sdist);
        if (listing.metadata()) {
          assertThat(check.paths()).contains("/files/" + sdist + ".metadata");
          assertThat(slim.get("skipped").toString()).doesNotContain("are not known");
          for (String dependency : release.requiresDist()) {
            assertThat(packages(slim)).containsKey(Names.canonicalize(dependency.replaceAll("==.*", "")));
          }
        } else {
          assertThat(slim.get("skipped").toString()).contains("the index offers no metadata file (PEP 658) for " + sdist
              + "; pip would build it to learn them");
          assertThat(check.code()).as("an sdist without metadata is unknown, not an index error").isZero();
        }
      }
    }
  }

  /**
   * Serves the universe as {@code listing}, runs check on each set (both images at once), then
   * pip on each set and image, and compares; returns what check asked of the wheel files.
   */
  private WheelReads agreesWithPip(PipOracle.Listing listing, boolean ranges, List<List<String>> sets, Path tmp)
      throws Exception {
    try (LoopbackIndex index = new LoopbackIndex(null)) {
      PipOracle.Traffic traffic = PipOracle.serve(index, universe, listing, ranges);
      List<Check> checks = new ArrayList<>();
      for (List<String> set : sets) {
        Check check = check(index, tmp, set, AS_PIP);
        assertThat(check.code()).as(set + ": " + check.err()).isZero();
        assertThat(check.err()).doesNotContain("error:");
        Map<String, Long> metadataReads = check.paths().stream().filter(p -> p.endsWith(".metadata"))
            .collect(Collectors.groupingBy(p -> p, Collectors.counting()));
        assertThat(metadataReads.values()).as("each metadata file is read once per run").allMatch(n -> n == 1);
        for (JsonNode image : check.json().get("images")) {
          assertThat(image.get("skipped").toString()).as(set + " on " + image.get("image")).doesNotContain("are not known");
          if (listing.metadata()) {
            // pip reads the metadata of the file it takes: so does check, for every release it reports.
            image.get("packages").forEach(p -> {
              if (p.has("file")) {
                assertThat(metadataReads).containsKey("/files/" + p.get("file").asText() + ".metadata");
              }
            });
          }
        }
        checks.add(check);
      }
      WheelReads byCheck = new WheelReads(traffic.whole().get(), traffic.ranged().get());
      if (listing.metadata()) {
        // Resolving reads no wheel; sizing the images reads each chosen wheel's directory once, in
        // one range (these wheels are smaller than the tail asked for first).
        int chosenWheels = checks.stream().mapToInt(c -> {
          java.util.Set<String> files = new java.util.HashSet<>();
          c.json().get("images").forEach(i -> i.get("packages").forEach(p -> files.add(p.path("file").asText())));
          files.removeIf(f -> !f.endsWith(".whl"));
          return files.size();
        }).sum();
        assertThat(byCheck).as("metadata files offered: wheels are read only for their size").isEqualTo(new WheelReads(0, chosenWheels));
      }
      ExecutorService pool = Executors.newFixedThreadPool(2);
      try {
        List<Future<Map<String, String>>> theirs = new ArrayList<>();
        for (int i = 0; i < sets.size(); i++) {
          for (String image : IMAGES) {
            List<String> set = sets.get(i);
            Path dir = tmp.resolve("pip-" + i + "-" + image.replace(':', '-'));
            theirs.add(pool.submit(() -> pip(index, image, set, dir)));
          }
        }
        int compared = 0;
        int unsolvable = 0;
        for (int i = 0; i < sets.size(); i++) {
          JsonNode images = checks.get(i).json().get("images");
          for (int j = 0; j < IMAGES.size(); j++) {
            // check lists images best first, so each is found by name.
            String wanted = IMAGES.get(j);
            JsonNode image = java.util.stream.StreamSupport.stream(images.spliterator(), false)
                .filter(n -> n.get("image").asText().equals(wanted)).findFirst().orElseThrow();
            Map<String, String> pip = theirs.get(i * IMAGES.size() + j).get();
            if (pip == null) {
              // pip stops (no installable file for some package, or a conflict); check says the image cannot install the set.
              assertThat(image.get("verdict").asText()).as(sets.get(i) + " on " + IMAGES.get(j)).isEqualTo("unavailable");
              unsolvable++;
              continue;
            }
            assertThat(packages(image)).as(sets.get(i) + " on " + IMAGES.get(j)).isEqualTo(pip);
            compared += pip.size();
          }
        }
        System.out.printf("check on a %s index%s: %d sets x %d images, %d packages as pip chose them, %d unavailable for both;"
            + " wheels fetched whole %d, byte ranges %d%n", listing, ranges ? "" : " without byte ranges", sets.size(), IMAGES.size(),
            compared, unsolvable, byCheck.whole(), byCheck.ranged());
        assertThat(compared).as("most sets install").isGreaterThan(sets.size() * IMAGES.size());
      } finally {
        pool.shutdown();
      }
      return byCheck;
    }
  }

  /**
   * Requirement sets from the universe with at least one loose requirement (so check resolves
   * them) that install on both images (many corpus releases need a package with no cp312 wheel
   * there: pip then stops, and such a set compares only "unavailable").
   */
  private static List<List<String>> looseSets(int count) {
    return universe.requirementSets(60, 658).stream().filter(s -> s.stream().anyMatch(r -> !r.contains("==")))
        .filter(s -> IMAGES.stream().allMatch(image -> installs(s, image))).limit(count).toList();
  }

  /**
   * The newest release (of a project with at least {@code releases}) with one pure wheel and
   * some dependencies, that installs on both images with all it needs.
   */
  private static LockUniverse.Release pureWithDependencies(int releases) {
    return universe.projects().values().stream().filter(v -> v.size() >= releases).map(LockUniverse::newest)
        .filter(r -> !r.requiresDist().isEmpty() && r.files().stream().filter(f -> f.endsWith(".whl")).toList().size() == 1
            && r.files().stream().anyMatch(f -> f.endsWith("-py3-none-any.whl")))
        .filter(r -> IMAGES.stream().allMatch(image -> installs(List.of(r.name()), image)))
        .findFirst().orElseThrow();
  }

  /** Whether the resolver (on the recorded facts, no index) installs the set on the image: only to pick cases. */
  private static boolean installs(List<String> requirements, String image) {
    try {
      Resolution r = PipOracle.resolve(universe, target(image).tags().target(), requirements);
      return r.solved() && r.unavailable().isEmpty();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** check on a requirements file of {@code requirements}, both images, with pip's format options {@code formats}. */
  private static Check check(LoopbackIndex index, Path tmp, List<String> requirements, String... formats) throws IOException {
    Path req = Files.createTempFile(tmp, "requirements", ".txt");
    Files.writeString(req, String.join("\n", requirements) + "\n");
    List<String> args = new ArrayList<>(List.of("check", req.toString(), "--index-url", index.base() + "/simple",
        "--isolated", "--no-cache", "--format", "json", "--overlay", tmp.resolve("no-overlay.json").toString()));
    IMAGES.forEach(i -> args.addAll(List.of("--image", i)));
    args.addAll(List.of(formats));
    int before = index.pathsSeen().size();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(args.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
    List<String> paths = index.pathsSeen();
    return new Check(code, JSON.readTree(out.toString()), err.toString(), paths.subList(before, paths.size()));
  }

  /** name → "version file", as {@link PipOracle#choose} gives pip's answer. */
  private static Map<String, String> packages(JsonNode image) {
    Map<String, String> out = new TreeMap<>();
    image.get("packages").forEach(p -> out.put(p.get("name").asText(),
        Version.tryParse(p.get("version").asText()) + " " + p.path("file").asText()));
    return out;
  }

  /** pip's answer on the image's target: its Python and the platform tags its pip computes. */
  private static Map<String, String> pip(LoopbackIndex index, String image, List<String> requirements, Path dir) throws Exception {
    ChooserTarget t = target(image);
    return PipOracle.choose(index.base(), t.tags().target(), t.profile(), requirements, dir);
  }

  /** The target check places the image on (the bundled catalog, amd64). */
  private static ChooserTarget target(String image) throws Exception {
    ImageFacts facts = ImageFacts.of(Catalog.bundled().resolve(ImageReference.parse(image), Optional.empty()), Platform.parse("linux/amd64"));
    return ImageCandidate.of(facts, List.of()).target().orElseThrow();
  }
}
