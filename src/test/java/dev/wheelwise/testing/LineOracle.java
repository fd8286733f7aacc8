package dev.wheelwise.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Python's {@code packaging} 26.2 (the default profile's) as an oracle for fuzz targets: one
 * long-lived {@code python3 oracle/fuzz_line.py} process per JVM, asked one case per line, since
 * a fuzzer cannot batch. Absent or of another version, it answers nothing and says so once on
 * standard error: the fuzz targets then check their contract without the agreement.
 */
public final class LineOracle {

  public static final String VERSION = "26.2";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static LineOracle instance;

  private final Process process;
  private final Writer in;
  private final BufferedReader out;

  private LineOracle(Process process) {
    this.process = process;
    this.in = process == null ? null : new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    this.out = process == null ? null : new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
  }

  /** The oracle, started on first use; empty when python3 has no packaging 26.2. */
  public static synchronized Optional<LineOracle> get() {
    if (instance == null) {
      instance = start();
    }
    return instance.process == null ? Optional.empty() : Optional.of(instance);
  }

  /**
   * packaging's answer to one case of oracle/fuzz_line.py ({@code kind} and {@code text}); empty
   * where Python's recursion limit stopped packaging, which is no answer either way.
   */
  public synchronized Optional<JsonNode> ask(String kind, String text) {
    try {
      in.write(JSON.writeValueAsString(Map.of("kind", kind, "text", text)));
      in.write('\n');
      in.flush();
      String line = out.readLine();
      if (line == null) {
        throw new AssertionError("the packaging oracle exited (exit code " + process.waitFor() + ")");
      }
      JsonNode answer = JSON.readTree(line);
      if (answer.has("oracle-failed")) {
        throw new AssertionError("packaging raised on " + kind + " [" + text + "]: " + answer.get("oracle-failed").asText());
      }
      return answer.has("oracle-error") ? Optional.empty() : Optional.of(answer);
    } catch (IOException e) {
      throw new AssertionError("the packaging oracle could not be asked: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** A text answer, or null where packaging rejected the input. */
  public static String textOrNull(JsonNode answer) {
    return answer.isNull() ? null : answer.asText();
  }

  private static LineOracle start() {
    try {
      Process probe = new ProcessBuilder("python3", "-c", "import packaging; print(packaging.__version__)").start();
      String found = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      if (probe.waitFor() != 0 || !found.equals(VERSION)) {
        System.err.println("SKIPPED: the fuzz oracle needs python3 with packaging " + VERSION + " (found: "
            + (found.isEmpty() ? "none" : found) + "); fuzz targets check their contract only");
        return new LineOracle(null);
      }
      Path script = Path.of(LineOracle.class.getResource("/oracle/fuzz_line.py").toURI());
      Process process = new ProcessBuilder("python3", script.toString(), "packaging")
          .redirectError(ProcessBuilder.Redirect.INHERIT).start();
      Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
      return new LineOracle(process);
    } catch (IOException | URISyntaxException e) {
      System.err.println("SKIPPED: the fuzz oracle could not start (" + e + "); fuzz targets check their contract only");
      return new LineOracle(null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new LineOracle(null);
    }
  }
}
