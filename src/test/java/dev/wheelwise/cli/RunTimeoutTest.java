package dev.wheelwise.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code --timeout} bounds the whole run: a loopback index that drip-feeds its page (a byte every
 * 200 ms, within every per-request limit: 15 s between reads, 60 s per request) is stopped near the
 * timeout with exit 3 and a message naming the limit, the URL and the option; so is
 * {@code images refresh} reading a manifest from it as a registry.
 */
class RunTimeoutTest {
  private static HttpServer server;
  private static ExecutorService threads;

  @BeforeAll
  static void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    threads = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "drip-index");
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(threads);
    server.createContext("/", ex -> {
      ex.getResponseHeaders().set("Content-Type", "application/vnd.pypi.simple.v1+json");
      ex.sendResponseHeaders(200, 0); // chunked
      try (OutputStream out = ex.getResponseBody()) {
        out.write("{\"meta\":{\"api-version\":\"1.1\"},\"name\":\"six\",\"files\":[".getBytes());
        for (int i = 0; i < 300; i++) { // a minute of one space every 200 ms
          out.write(' ');
          out.flush();
          Thread.sleep(200);
        }
        out.write("]}".getBytes());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (IOException clientLeft) {
        // the client gave up: what the test wants
      }
    });
    server.start();
  }

  @AfterAll
  static void stop() {
    server.stop(0);
    threads.shutdownNow();
  }

  private static String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @Test
  void aDripFeedingIndexIsStoppedAtTheRunTimeoutWithExitThree() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    long start = System.nanoTime();
    int exit = Main.execute(new String[] {"files", "six", "--index-url", base() + "/simple", "--isolated", "--no-cache", "--timeout", "2s"},
        new PrintWriter(out, true), new PrintWriter(err, true));
    long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
    assertThat(exit).as(err.toString()).isEqualTo(Main.EXIT_INDEX);
    assertThat(err.toString().strip()).isEqualTo(
        "error: the run exceeded --timeout 2s while fetching " + base() + "/simple/six/; raise it with --timeout");
    assertThat(out.toString()).doesNotContain(".whl");
    // Stopped by --timeout, not by the page's end a minute later nor the 60 s request bound.
    assertThat(seconds).isBetween(2L, 20L);
  }

  @Test
  void checkStopsToo(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws IOException {
    java.nio.file.Path requirements = dir.resolve("requirements.txt");
    java.nio.file.Files.writeString(requirements, "six==1.17.0\n");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    long start = System.nanoTime();
    int exit = Main.execute(new String[] {"check", requirements.toString(), "--index-url", base() + "/simple", "--isolated", "--no-cache",
        "--timeout", "1500ms"}, new PrintWriter(out, true), new PrintWriter(err, true));
    assertThat(exit).as(err.toString()).isEqualTo(Main.EXIT_INDEX);
    assertThat(err.toString()).contains(
        "error: the run exceeded --timeout 1500ms while fetching " + base() + "/simple/six/; raise it with --timeout");
    assertThat(err.toString()).doesNotContain("\tat ").doesNotContain("Exception");
    assertThat(out.toString()).isEmpty();
    assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).isLessThan(20L);
  }

  @Test
  void imagesRefreshStopsToo(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    String image = "127.0.0.1:" + server.getAddress().getPort() + "/team/python:3.12";
    long start = System.nanoTime();
    int exit = Main.execute(new String[] {"images", "refresh", image, "--overlay", dir.resolve("images.json").toString(), "--timeout", "1500ms"},
        new PrintWriter(out, true), new PrintWriter(err, true));
    assertThat(exit).as(err.toString()).isEqualTo(Main.EXIT_INDEX);
    assertThat(err.toString().strip()).startsWith("error: the run exceeded --timeout 1500ms while reading ")
        .endsWith(" from its registry; raise it with --timeout");
    assertThat(dir.resolve("images.json")).doesNotExist();
    // the manifest being read is cancelled at the deadline, not read to its end a minute later
    assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).isLessThan(20L);
  }

  @Test
  void aTimeoutThatIsNoDurationIsAUsageError() {
    StringWriter err = new StringWriter();
    int exit = Main.execute(new String[] {"files", "six", "--index-url", base() + "/simple", "--isolated", "--no-cache", "--timeout", "soon"},
        new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
    assertThat(exit).isEqualTo(Main.EXIT_USAGE);
    assertThat(err.toString()).contains("--timeout expects a positive duration such as 500ms, 120s, 5m or 1h, got 'soon'");
  }

  @Test
  void durationsTakeTheUnitsTheHelpNames() {
    assertThat(ConnectionOptions.parseDuration("500ms")).hasMillis(500);
    assertThat(ConnectionOptions.parseDuration("120s")).hasSeconds(120);
    assertThat(ConnectionOptions.parseDuration("5m")).hasMinutes(5);
    assertThat(ConnectionOptions.parseDuration("1h")).hasHours(1);
    assertThat(ConnectionOptions.parseDuration("90")).hasSeconds(90);
  }
}
