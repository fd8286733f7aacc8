package dev.wheelwise.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Microsoft's SARIF validator ({@code Sarif.Multitool validate}: the SARIF 2.1.0 schema and the
 * SARIF rules SARIF1xxx/2xxx), from the npm package {@code @microsoft/sarif-multitool-linux}.
 * The executable is named by {@code SARIF_MULTITOOL} (.ci/run installs it); tests that need it
 * call {@link #require()}, which skips with a visible message when it is not set.
 */
public final class SarifMultitool {
  private SarifMultitool() {}

  /**
   * One complaint of the validator: its rule, level ({@code error}, {@code warning}), message id,
   * the JSON path it is about ({@code runs[0].tool.driver}) and the line of the SARIF file.
   */
  public record Complaint(String ruleId, String level, String messageId, String path, int line) {}

  /** The executable, or skips the test saying how to get it. */
  public static Path require() {
    String configured = System.getenv("SARIF_MULTITOOL");
    if (configured == null || configured.isBlank() || !Files.isExecutable(Path.of(configured))) {
      String message = "SKIPPED: SARIF_MULTITOOL is " + (configured == null ? "unset" : "'" + configured + "', not an executable")
          + "; .ci/run installs the validator (npm pack @microsoft/sarif-multitool-linux) and sets it";
      System.err.println(message);
      Assumptions.abort(message);
    }
    return Path.of(configured);
  }

  /**
   * Validates {@code sarif}; the errors and warnings found. The tool exits 0 even with errors, and
   * says nothing at all about a file it cannot deserialize, so callers should expect at least one
   * known complaint as proof that it read the file.
   */
  public static List<Complaint> validate(Path sarif) throws IOException, InterruptedException {
    Path tool = require();
    Path out = Files.createTempFile("sarif-validation", ".sarif");
    Process p = new ProcessBuilder(tool.toString(), "validate", sarif.toString(), "-o", out.toString(), "--log", "ForceOverwrite")
        .redirectErrorStream(true).start();
    String console = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    // A bound against a hung tool, not a speed requirement.
    if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
      p.destroyForcibly();
      throw new IllegalStateException(tool + " validate " + sarif + " did not finish cleanly:\n" + console);
    }
    List<Complaint> complaints = new ArrayList<>();
    JsonNode log = new ObjectMapper().readTree(out.toFile());
    for (JsonNode r : log.path("runs").path(0).path("results")) {
      JsonNode region = r.path("locations").path(0).path("physicalLocation").path("region");
      complaints.add(new Complaint(r.path("ruleId").asText(), r.path("level").asText("warning"),
          r.path("message").path("id").asText(r.path("message").path("text").asText()),
          r.path("message").path("arguments").path(0).asText(), region.path("startLine").asInt()));
    }
    Files.delete(out);
    return complaints;
  }
}
