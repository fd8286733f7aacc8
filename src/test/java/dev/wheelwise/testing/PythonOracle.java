package dev.wheelwise.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Python's {@code packaging} as a test oracle: one process per batch, never one per case.
 * A script from {@code src/test/resources/oracle/} reads a JSON array of cases on stdin and
 * writes a JSON array of answers, one per case, on stdout.
 *
 * <p>Three oracles, one per pip profile: packaging 26.2 ({@code python3}'s own), 21.3 (vendored
 * in python3's pip as {@code pip._vendor.packaging}) and 23.0 (Debian's python3-packaging, for
 * {@code /usr/bin/python3}). Scripts take the module to import as their first argument.
 */
public enum PythonOracle {
  /** packaging 26.2, python3's own. */
  PACKAGING_26("python3", "packaging", "26.2"),
  /** packaging 21.3, as pip 22.0–24.0 vendor it. */
  PACKAGING_21("python3", "pip._vendor.packaging", "21.3"),
  /** packaging 23.0, Debian's python3-packaging. */
  PACKAGING_23("/usr/bin/python3", "packaging", "23.0");

  private static final ObjectMapper JSON = new ObjectMapper();
  // The installed version does not change during a test run: probe each interpreter once.
  private static final Map<PythonOracle, Optional<String>> PROBED = new ConcurrentHashMap<>();

  private final String interpreter;
  private final String module;
  private final String expectedVersion;

  PythonOracle(String interpreter, String module, String expectedVersion) {
    this.interpreter = interpreter;
    this.module = module;
    this.expectedVersion = expectedVersion;
  }

  public String module() {
    return module;
  }

  public String expectedVersion() {
    return expectedVersion;
  }

  /**
   * Runs {@code oracle/<script>} with the cases; skips the test with a visible message when the
   * interpreter or the module is missing or has another version than this oracle stands for.
   */
  public List<JsonNode> run(String script, List<?> cases) {
    Path file = scriptFile(script);
    String found = PROBED.computeIfAbsent(this, PythonOracle::probeVersion).orElse(null);
    if (found == null || !found.equals(expectedVersion)) {
      String message = "SKIPPED: oracle " + name() + " needs " + module + " " + expectedVersion + " under "
          + interpreter + " (found: " + (found == null ? "none" : found) + ")";
      System.err.println(message);
      Assumptions.abort(message);
    }
    try {
      Process process = new ProcessBuilder(interpreter, file.toString(), module).redirectErrorStream(false).start();
      CompletableFuture<byte[]> stderr = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
      CompletableFuture<byte[]> stdout = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
      try (OutputStream in = process.getOutputStream()) {
        JSON.writeValue(in, cases);
      }
      if (!process.waitFor(10, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new AssertionError("oracle " + script + " did not finish within 10 minutes");
      }
      String err = new String(stderr.get(), StandardCharsets.UTF_8);
      if (process.exitValue() != 0) {
        throw new AssertionError("oracle " + script + " (" + module + ") failed: " + err);
      }
      JsonNode answers = JSON.readTree(stdout.get());
      List<JsonNode> out = new ArrayList<>();
      answers.forEach(out::add);
      if (out.size() != cases.size()) {
        throw new AssertionError("oracle " + script + " answered " + out.size() + " of " + cases.size() + " cases");
      }
      return out;
    } catch (IOException | InterruptedException | java.util.concurrent.ExecutionException e) {
      throw new AssertionError("oracle " + script + " could not run: " + e, e);
    }
  }

  private Optional<String> probeVersion() {
    try {
      Process p = new ProcessBuilder(interpreter, "-c",
          "import importlib; print(importlib.import_module('" + module + "').__version__)").start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      return p.waitFor() == 0 ? Optional.of(out) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  private static Path scriptFile(String script) {
    try {
      var url = PythonOracle.class.getResource("/oracle/" + script);
      if (url == null) {
        throw new AssertionError("no oracle script src/test/resources/oracle/" + script);
      }
      return Path.of(url.toURI());
    } catch (java.net.URISyntaxException e) {
      throw new AssertionError(e);
    }
  }

  private static byte[] readAll(InputStream in) {
    try {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

}
