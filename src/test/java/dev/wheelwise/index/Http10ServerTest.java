package dev.wheelwise.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code python3 -m http.server} speaks HTTP/1.0 and closes every connection after its answer.
 * A pooled connection it closed is retried at once: with a back-off of two minutes set, 30
 * pages one after the other finish well within the timeout only if none waited for it.
 */
class Http10ServerTest {

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void closedPooledConnectionsAreRetriedAtOnceNotAsFailures(@TempDir Path tmp) throws Exception {
    for (int i = 0; i < 30; i++) {
      Path dir = Files.createDirectories(tmp.resolve("simple/p" + i));
      Files.writeString(dir.resolve("index.html"), "<html><body><a href=\"p" + i + "-1.0-py3-none-any.whl\">x</a></body></html>");
    }
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Process server = new ProcessBuilder("python3", "-m", "http.server", String.valueOf(port), "--bind", "127.0.0.1", "-d", tmp.toString())
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    try {
      waitFor(port);
      HttpSettings http = HttpSettings.defaults(Optional.empty()).withBackoff(Duration.ofMinutes(2)).withCallTimeout(Duration.ofSeconds(10));
      try (IndexClient c = new IndexClient(new IndexSettings("http://127.0.0.1:" + port + "/simple", List.of(), List.of(), false,
          IndexSettings.Strategy.MERGE_ALL), http, Netrc.EMPTY)) {
        for (int i = 0; i < 30; i++) {
          assertThat(c.project("p" + i).orElseThrow().files()).extracting(DistFile::filename).containsExactly("p" + i + "-1.0-py3-none-any.whl");
        }
      }
    } finally {
      server.destroy();
    }
  }

  private static void waitFor(int port) throws InterruptedException {
    for (int i = 0; i < 100; i++) {
      try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
        return;
      } catch (IOException e) {
        Thread.sleep(50);
      }
    }
    throw new AssertionError("python3 -m http.server did not start on port " + port);
  }
}
