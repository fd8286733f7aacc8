package dev.wheelwise.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.wheelwise.testing.Shared;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code check --format json} on every uv.lock in the corpus against the issue's images
 * (python:3.12-slim and python:3.12-alpine on amd64 and arm64, python:3.8-alpine): the run
 * succeeds, the JSON follows {@code wheelwise.check/1}, every file called a wheel or an sdist is
 * one the lock lists for that package and version (nothing is called a wheel that was not seen),
 * the summary adds up, and a lock whose requires-python excludes an image makes it unavailable
 * with that reason and no package list.
 */
class CheckCommandLockfilesTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void everyUvLockOnTheIssueImages() throws Exception {
    Path dir = Shared.require("corpus/lockfiles/uv");
    List<Path> locks;
    try (Stream<Path> s = Files.walk(dir)) {
      locks = s.filter(p -> p.getFileName().toString().equals("uv.lock")).sorted().toList();
    }
    int images = 0;
    int excluded = 0;
    int packages = 0;
    Map<String, Integer> verdicts = new HashMap<>();
    for (Path lock : locks) {
      Map<String, Set<String>> listed = listedFiles(lock);
      JsonNode root = run(lock, "--image", "python:3.12-slim", "--image", "python:3.12-alpine", "--image", "python:3.8-alpine",
          "--platform", "linux/amd64", "--platform", "linux/arm64");
      assertThat(root.get("schema").asText()).isEqualTo("wheelwise.check/1");
      assertThat(root.get("inputs").get(0).get("kind").asText()).isEqualTo("uv.lock");
      assertThat(root.get("images")).hasSize(6);
      String requiresPython = new TomlMapper().readTree(lock.toFile()).path("requires-python").asText("");
      for (JsonNode image : root.get("images")) {
        images++;
        String verdict = image.get("verdict").asText();
        verdicts.merge(verdict, 1, Integer::sum);
        assertThat(verdict).isIn("wheels", "builds", "unknown", "fails", "unavailable");
        if (image.has("unavailable") && image.get("packages").isEmpty()) {
          excluded++;
          assertThat(image.get("unavailable").get("reason").asText())
              .as(lock + " " + image.get("image"))
              .contains("requires Python").contains(image.get("python").asText());
          continue;
        }
        JsonNode summary = image.get("summary");
        int wheels = 0;
        int sdists = 0;
        int none = 0;
        for (JsonNode p : image.get("packages")) {
          packages++;
          String install = p.get("install").asText();
          String key = p.get("name").asText() + "==" + p.get("version").asText();
          if (install.equals("wheel") || install.equals("sdist")) {
            assertThat(listed.getOrDefault(key, Set.of())).as(lock + " " + key).contains(p.get("file").asText());
            assertThat(p.get("file").asText().endsWith(".whl")).isEqualTo(install.equals("wheel"));
          }
          wheels += install.equals("wheel") ? 1 : 0;
          sdists += install.equals("sdist") ? 1 : 0;
          none += install.equals("none") ? 1 : 0;
        }
        assertThat(summary.get("packages").asInt()).isEqualTo(image.get("packages").size());
        assertThat(summary.get("wheels").asInt()).isEqualTo(wheels);
        assertThat(summary.get("sourceBuilds").asInt()).isEqualTo(sdists);
        assertThat(summary.get("unavailable").asInt()).isEqualTo(none);
        assertThat(verdict.equals("unavailable")).isEqualTo(none > 0);
        assertThat(verdict.equals("wheels")).isEqualTo(image.get("packages").size() == wheels);
        if (verdict.equals("fails")) {
          assertThat(image.get("fails").get("missingSystemPackages")).isNotEmpty();
        }
      }
      if (requiresPython.equals("==3.13.*")) {
        assertThat(root.get("images")).allSatisfy(i -> assertThat(i.get("verdict").asText()).isEqualTo("unavailable"));
        assertThat(root.get("recommendation").isNull()).isTrue();
      }
    }
    System.err.printf("CheckCommandLockfilesTest: %d uv.locks, %d image plans (%d excluded by requires-python), %d package choices; verdicts %s%n",
        locks.size(), images, excluded, packages, verdicts);
    assertThat(excluded).isPositive();
    assertThat(verdicts).containsKeys("wheels", "unavailable");
  }

  /**
   * {@code --pip} stands for the images' own pip: pip 20.3 knows no musllinux (PEP 656 came
   * with pip 21.2), so on Alpine every package that installs a musllinux wheel with the assumed
   * current pip gets something else, and the report names the pip it modelled.
   */
  @Test
  void pipOptionDecidesWhichWheelsAnAlpineImageCanUse() throws Exception {
    Path lock = Shared.require("corpus/lockfiles/uv/NVIDIA__earth2studio/uv.lock");
    JsonNode current = run(lock, "--offline", "--image", "python:3.12-alpine").get("images").get(0);
    JsonNode old = run(lock, "--offline", "--image", "python:3.12-alpine", "--pip", "20.3").get("images").get(0);
    assertThat(current.get("pip").asText()).isEqualTo("26.1");
    assertThat(old.get("pip").asText()).isEqualTo("20.3");
    assertThat(old.get("remarks").toString()).contains("pip 20.3").contains("as given with --pip");
    Map<String, String> before = new HashMap<>();
    current.get("packages").forEach(p -> before.put(p.get("name").asText(), p.path("file").asText("")));
    List<String> musllinux = before.entrySet().stream().filter(e -> e.getValue().contains("musllinux")).map(Map.Entry::getKey).toList();
    assertThat(musllinux).isNotEmpty();
    for (JsonNode p : old.get("packages")) {
      if (musllinux.contains(p.get("name").asText())) {
        assertThat(p.path("file").asText("")).as(p.get("name").asText()).doesNotContain("musllinux");
      } else {
        assertThat(p.path("file").asText("")).as(p.get("name").asText()).isEqualTo(before.get(p.get("name").asText()));
      }
    }
    StringWriter err = new StringWriter();
    assertThat(Main.execute(new String[] {"check", lock.toString(), "--offline", "--pip", "newest"}, new PrintWriter(new StringWriter()),
        new PrintWriter(err))).isEqualTo(Main.EXIT_USAGE);
    assertThat(err.toString()).contains("--pip expects a pip version");
  }

  static JsonNode run(Path path, String... options) throws Exception {
    List<String> args = new ArrayList<>(List.of("check", path.toString(), "--format", "json"));
    args.addAll(List.of(options));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(args.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
    assertThat(code).as(path + ": " + err).isZero();
    return JSON.readTree(out.toString());
  }

  /** name==version → the file names the lock lists, read independently of the project package. */
  private static Map<String, Set<String>> listedFiles(Path lock) throws Exception {
    Map<String, Set<String>> out = new HashMap<>();
    for (JsonNode p : new TomlMapper().readTree(lock.toFile()).path("package")) {
      String key = dev.wheelwise.pep508.Names.canonicalize(p.path("name").asText()) + "==" + p.path("version").asText();
      Set<String> files = out.computeIfAbsent(key, k -> new HashSet<>());
      List<JsonNode> entries = new ArrayList<>();
      if (p.has("sdist")) {
        entries.add(p.get("sdist"));
      }
      p.path("wheels").forEach(entries::add);
      for (JsonNode f : entries) {
        String url = f.has("url") ? f.get("url").asText() : f.has("filename") ? f.get("filename").asText() : f.path("path").asText();
        files.add(java.net.URLDecoder.decode(url.substring(url.lastIndexOf('/') + 1), java.nio.charset.StandardCharsets.UTF_8));
      }
    }
    return out;
  }
}
