package dev.wheelwise.image;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Assumptions;

/**
 * A real registry (Debian's {@code docker-registry}, the CNCF distribution server) on a free
 * loopback port with its storage in a temporary folder. Tests that need one skip, saying so,
 * when the package is not installed (.ci/run installs it).
 */
final class LocalRegistry implements AutoCloseable {

  private final Process process;
  final int port;

  private LocalRegistry(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  static LocalRegistry start(Path dir, OkHttpClient http) throws IOException, InterruptedException {
    Path binary = Path.of("/usr/bin/docker-registry");
    if (!Files.isExecutable(binary)) {
      String message = "SKIPPED: /usr/bin/docker-registry is absent; install Debian's docker-registry package to test refresh against a real registry";
      System.err.println(message);
      Assumptions.abort(message);
    }
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    Path config = dir.resolve("config.yml");
    Files.writeString(config, String.join("\n",
        "version: 0.1",
        "log:",
        "  level: error",
        "storage:",
        "  filesystem:",
        "    rootdirectory: " + dir.resolve("storage"),
        "  delete:",
        "    enabled: true",
        "http:",
        "  addr: 127.0.0.1:" + port,
        ""), StandardCharsets.UTF_8);
    Process process = new ProcessBuilder(binary.toString(), "serve", config.toString())
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("registry.log").toFile())
        .start();
    LocalRegistry registry = new LocalRegistry(process, port);
    Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IOException("docker-registry exited: " + Files.readString(dir.resolve("registry.log")));
      }
      try (Response r = http.newCall(new Request.Builder().url(registry.url() + "/v2/").build()).execute()) {
        if (r.code() == 200) {
          return registry;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(50);
    }
    registry.close();
    throw new IOException("docker-registry did not answer on 127.0.0.1:" + port + " within 20 s");
  }

  String url() {
    return "http://127.0.0.1:" + port;
  }

  String host() {
    return "127.0.0.1:" + port;
  }

  @Override
  public void close() {
    process.destroy();
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
