package dev.wheelwise.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wheelwise.cli.LocalMirrorTest.Run;
import dev.wheelwise.testing.Sdists;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A snapshot built from a local PEP 503 tree records what each sdist is (the archives are real:
 * a pure-Python tar.gz, a C extension tar.gz), and an offline check on that
 * snapshot judges them as a live check would: the pure one builds, the compiled one names C and
 * its compiler, each with where and when it was classified. The same snapshot built without
 * reading the sdists leaves them unknown, which is what the records change.
 */
class SnapshotSdistContentsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir static Path tmp;
  static Path simple;
  static Path classified;
  static Path unread;
  static Run build;

  @BeforeAll
  static void buildSnapshots() throws IOException {
    Path files = Files.createDirectories(tmp.resolve("mirror/files"));
    simple = Files.createDirectories(tmp.resolve("mirror/simple"));
    sdist(files, "purepkg", "purepkg-1.0.tar.gz", Sdists.tarGz("purepkg-1.0", Sdists.pure("purepkg")));
    sdist(files, "cextpkg", "cextpkg-1.0.tar.gz", Sdists.tarGz("cextpkg-1.0", Sdists.c("cextpkg")));
    classified = tmp.resolve("classified.json.gz");
    build = LocalMirrorTest.run("snapshot", "build", "--index", simple.toUri().toString(), "--out", classified.toString());
    unread = tmp.resolve("unread.json.gz");
    Run plain = LocalMirrorTest.run("snapshot", "build", "--index", simple.toString(), "--no-sdist-contents", "--out", unread.toString());
    assertThat(plain.code()).as(plain.err()).isZero();
  }

  /** Writes the archive and its project's page, the link carrying its sha256 as pip's do. */
  private static void sdist(Path files, String project, String filename, byte[] bytes) throws IOException {
    Files.write(files.resolve(filename), bytes);
    Path page = Files.createDirectories(simple.resolve(project)).resolve("index.html");
    Files.writeString(page, "<!DOCTYPE html><html><body>\n<a href=\"../../files/" + filename + "#sha256=" + sha256(bytes) + "\">"
        + filename + "</a>\n</body></html>\n");
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  private static JsonNode check(Path snapshot, String requirements) throws IOException {
    Path dir = Files.createTempDirectory(tmp, "req");
    Path req = Files.writeString(dir.resolve("requirements.txt"), requirements);
    List<String> args = new ArrayList<>(List.of("check", req.toString(), "--offline", "--snapshot", snapshot.toString(),
        "--image", "python:3.12-slim", "--platform", "linux/amd64", "--format", "json"));
    Run r = LocalMirrorTest.run(args.toArray(String[]::new));
    JsonNode json = JSON.readTree(r.out());
    assertThat(json.path("images")).as(r.err()).hasSize(1);
    return json;
  }

  private static JsonNode pkg(JsonNode json, String name) {
    for (JsonNode p : json.get("images").get(0).get("packages")) {
      if (p.get("name").asText().equals(name)) {
        return p;
      }
    }
    throw new AssertionError(name + " not in " + json);
  }

  @Test
  void theBuildReadsEverySdistOfTheTree() {
    assertThat(build.code()).as(build.err()).isZero();
    assertThat(build.out()).contains("2 projects, 2 versions, 2 files from 1 inputs, 2 sdists classified");
    Run info = LocalMirrorTest.run("snapshot", "info", "--file", classified.toString());
    assertThat(info.out()).contains("2 sdists classified");
  }

  @Test
  void aRecordedPureSdistBuildsOffline() throws IOException {
    JsonNode json = check(classified, "purepkg==1.0\n");
    JsonNode image = json.get("images").get(0);
    assertThat(image.get("verdict").asText()).as(image.toString()).isEqualTo("builds");
    for (String name : List.of("purepkg")) {
      JsonNode sdist = pkg(json, name).get("build").get("sdist");
      assertThat(sdist.get("kind").asText()).isEqualTo("pure");
      assertThat(sdist.get("likely").asBoolean()).isFalse();
      JsonNode evidence = sdist.get("evidence");
      assertThat(evidence.get(evidence.size() - 1).asText())
          .matches("classified when the snapshot was built from file:.*/mirror/simple/? on \\d{4}-\\d{2}-\\d{2}");
    }
    assertThat(json.get("recommendation").isNull()).isFalse();
  }

  @Test
  void aRecordedCompiledSdistNamesCAndItsCompiler() throws IOException {
    JsonNode json = check(classified, "cextpkg==1.0\n");
    JsonNode build = pkg(json, "cextpkg").get("build");
    assertThat(build.get("sdist").get("kind").asText()).isEqualTo("compiled");
    assertThat(build.get("sdist").get("languages")).extracting(JsonNode::asText).containsExactly("C");
    assertThat(build.get("note").asText()).contains("derived from the sdist").contains("libc6-dev")
        .contains("classified when the snapshot was built from");
    // No compiler on slim: a C build fails as written.
    assertThat(json.get("images").get(0).get("verdict").asText()).isEqualTo("fails");
  }

  @Test
  void withoutTheRecordsTheSameSdistsAreUnknown() throws IOException {
    JsonNode json = check(unread, "purepkg==1.0\ncextpkg==1.0\n");
    assertThat(pkg(json, "purepkg").get("build").get("sdist").get("kind").asText()).isEqualTo("unknown");
    assertThat(pkg(json, "cextpkg").get("build").get("sdist").get("kind").asText()).isEqualTo("unknown");
    assertThat(json.get("images").get(0).get("verdict").asText()).isEqualTo("unknown");
  }

  @Test
  void aMissingSnapshotFileIsAUsageError() throws IOException {
    Files.writeString(tmp.resolve("mirror/requirements.txt"), "purepkg==1.0\n");
    Path req = tmp.resolve("mirror/requirements.txt");
    Run r = LocalMirrorTest.run("check", req.toString(), "--offline", "--snapshot", tmp.resolve("nope.json.gz").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--snapshot: no such file");
  }
}
