package dev.wheelwise.ship;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * The container image packaging/image.sh writes ({@code mvn -P release,image package}): a valid
 * OCI layout whose config runs wheelwise as a non-root user in /work with the OCI labels, and,
 * where a Docker daemon answers at /var/run/docker.sock, an image that loads and checks the
 * article example mounted into it, as the tool does in this JVM.
 */
class ContainerImageTest {
  private static final Path SOCKET = Path.of("/var/run/docker.sock");
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void theLayoutIsAValidOciImageOfWheelwiseRunAsANonRootUser() throws Exception {
    Map<String, byte[]> entries = Tar.read(Files.newInputStream(image()));
    assertThat(JSON.readTree(entries.get("oci-layout")).get("imageLayoutVersion").asText()).isEqualTo("1.0.0");
    // Every blob is named by the sha256 of its bytes.
    entries.forEach((name, bytes) -> {
      if (name.startsWith("blobs/sha256/")) {
        assertThat(sha256(bytes)).as(name).isEqualTo(name.substring("blobs/sha256/".length()));
      }
    });
    JsonNode index = JSON.readTree(entries.get("index.json"));
    JsonNode manifest = JSON.readTree(blob(entries, index.at("/manifests/0/digest").asText()));
    assertThat(manifest.get("mediaType").asText()).isEqualTo("application/vnd.oci.image.manifest.v1+json");
    JsonNode config = JSON.readTree(blob(entries, manifest.at("/config/digest").asText()));
    String version = Shipped.inProcess("--version").out().trim().replace("wheelwise ", "");

    JsonNode run = config.get("config");
    assertThat(run.get("User").asText()).isEqualTo("65532:65532");
    assertThat(run.get("WorkingDir").asText()).isEqualTo("/work");
    assertThat(run.get("Entrypoint").get(0).asText()).isEqualTo("/opt/wheelwise/runtime/bin/java");
    assertThat(run.get("Entrypoint").get(run.get("Entrypoint").size() - 1).asText()).isEqualTo("dev.wheelwise.cli.Main");
    JsonNode labels = run.get("Labels");
    assertThat(labels.get("org.opencontainers.image.version").asText()).isEqualTo(version);
    assertThat(labels.get("org.opencontainers.image.source").asText()).startsWith("https://");
    assertThat(labels.has("org.opencontainers.image.licenses")).isTrue();

    // The layers are the diff_ids once unpacked, and together hold glibc, the runtime, the jar,
    // its AppCDS archive and the user the config names, owning /work.
    Map<String, Tar.Entry> files = new HashMap<>();
    for (int i = 0; i < manifest.get("layers").size(); i++) {
      byte[] raw = new GZIPInputStream(new ByteArrayInputStream(blob(entries, manifest.at("/layers/" + i + "/digest").asText())))
          .readAllBytes();
      assertThat("sha256:" + sha256(raw)).isEqualTo(config.at("/rootfs/diff_ids/" + i).asText());
      files.putAll(Tar.entries(new ByteArrayInputStream(raw)));
    }
    assertThat(files).containsKeys("opt/wheelwise/runtime/bin/java", "opt/wheelwise/lib/wheelwise.jar",
        "opt/wheelwise/lib/wheelwise.jsa", "lib64/ld-linux-x86-64.so.2", "etc/passwd");
    assertThat(files.keySet()).anyMatch(f -> f.matches("lib/[a-z0-9_]+-linux-gnu/libc\\.so\\.6"));
    assertThat(new String(files.get("etc/passwd").data(), StandardCharsets.UTF_8)).contains("wheelwise:x:65532:65532:");
    assertThat(files.get("work").uid()).isEqualTo(65532);
    assertThat(files.keySet()).noneMatch(f -> f.endsWith("bin/sh") || f.startsWith("var/lib/dpkg"));
  }

  @Test
  void theImageChecksAMountedExampleWhereADaemonAnswers() throws Exception {
    Path image = image();
    if (!daemonAnswers()) {
      Shipped.skip("no Docker daemon answers at " + SOCKET + " (.ci/run starts one); the layout test still ran");
    }
    Shipped.Run load = Shipped.run(List.of("docker", "load", "-i", image.toAbsolutePath().toString()), Path.of("."), Map.of());
    assertThat(load.code()).as(load.both()).isZero();
    String tag = load.out().replaceAll("(?s).*Loaded image: (\\S+).*", "$1");
    try {
      Path example = Path.of("examples/alpine-article").toAbsolutePath();
      Shipped.Run check = Shipped.run(List.of("docker", "run", "--rm", "--network", "none", "-v", example + ":/work:ro", tag,
          "check", "pinned", "--offline", "--as-of", "2020-01-29"), Path.of("."), Map.of());
      Shipped.Run expected = Shipped.inProcess("check", "examples/alpine-article/pinned", "--offline", "--as-of", "2020-01-29");
      assertThat(check.code()).as(check.both()).isZero();
      assertThat(check.out()).isEqualTo(expected.out()).contains("Recommendation: python:3.8-slim-buster", "fails");
    } finally {
      Shipped.run(List.of("docker", "rmi", tag), Path.of("."), Map.of());
    }
  }

  private static Path image() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("target"))) {
      List<Path> found = files.filter(p -> p.getFileName().toString().matches("wheelwise-.*-image-(x86_64|aarch64)\\.tar")).toList();
      if (found.isEmpty()) {
        Shipped.skip("no container image target/wheelwise-*-image-*.tar; build it with "
            + "mvn -B -ntp -P release,image package -DskipTests (needs mmdebstrap; .ci/run does)");
      }
      return found.get(0);
    } catch (java.nio.file.NoSuchFileException e) {
      Shipped.skip("no target/ folder");
      throw e;
    }
  }

  private static byte[] blob(Map<String, byte[]> entries, String digest) {
    byte[] bytes = entries.get("blobs/sha256/" + digest.substring("sha256:".length()));
    assertThat(bytes).as(digest).isNotNull();
    return bytes;
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A GET /_ping over the socket answered OK, and a docker client is on PATH. */
  private static boolean daemonAnswers() {
    if (!Files.exists(SOCKET) || Shipped.onPath("docker").isEmpty()) {
      return false;
    }
    try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
      channel.connect(UnixDomainSocketAddress.of(SOCKET));
      channel.write(ByteBuffer.wrap("GET /_ping HTTP/1.0\r\nHost: docker\r\n\r\n".getBytes(StandardCharsets.US_ASCII)));
      ByteBuffer answer = ByteBuffer.allocate(256);
      channel.read(answer);
      return new String(answer.array(), 0, answer.position(), StandardCharsets.US_ASCII).startsWith("HTTP/1.0 200")
          || new String(answer.array(), 0, answer.position(), StandardCharsets.US_ASCII).startsWith("HTTP/1.1 200");
    } catch (IOException e) {
      return false;
    }
  }

  /** A small reader of ustar/pax archives: enough for the image and its layers. */
  static final class Tar {
    record Entry(byte[] data, int uid) {}

    static Map<String, byte[]> read(InputStream in) throws IOException {
      Map<String, byte[]> out = new HashMap<>();
      entries(in).forEach((name, e) -> out.put(name, e.data()));
      return out;
    }

    static Map<String, Entry> entries(InputStream in) throws IOException {
      byte[] all = in.readAllBytes();
      Map<String, Entry> out = new HashMap<>();
      String paxPath = null;
      int at = 0;
      while (at + 512 <= all.length && all[at] != 0) {
        String name = field(all, at, 100);
        String prefix = field(all, at + 345, 155);
        long size = Long.parseLong(field(all, at + 124, 12).trim().isEmpty() ? "0" : field(all, at + 124, 12).trim(), 8);
        int uid = Integer.parseInt(field(all, at + 108, 8).trim().isEmpty() ? "0" : field(all, at + 108, 8).trim(), 8);
        char type = (char) all[at + 156];
        byte[] data = java.util.Arrays.copyOfRange(all, at + 512, at + 512 + (int) size);
        if (type == 'x') {
          for (String line : new String(data, StandardCharsets.UTF_8).split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0 && line.substring(line.indexOf(' ') + 1, eq).equals("path")) {
              paxPath = line.substring(eq + 1);
            }
          }
        } else {
          String path = paxPath != null ? paxPath : prefix.isEmpty() ? name : prefix + "/" + name;
          out.put(path.replaceAll("/$", ""), new Entry(data, uid));
          paxPath = null;
        }
        at += 512 + (int) ((size + 511) / 512 * 512);
      }
      return out;
    }

    private static String field(byte[] b, int at, int len) {
      int end = at;
      while (end < at + len && b[end] != 0) {
        end++;
      }
      return new String(b, at, end - at, StandardCharsets.UTF_8);
    }
  }
}
