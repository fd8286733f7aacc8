package dev.wheelwise.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wheelwise.Finding;
import dev.wheelwise.lint.LintResult;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * {@code lint --format gitlab_codeclimate}: GitLab's Code Quality report (a JSON array of
 * issues with {@code description}, {@code check_name}, {@code fingerprint}, {@code severity},
 * {@code location.path}, {@code location.lines.begin}); severities mapped as hadolint maps them.
 */
public final class LintCodeclimate {
  private static final ObjectMapper JSON = new ObjectMapper();

  private LintCodeclimate() {}

  public static String render(List<LintResult> results) {
    ArrayNode out = JSON.createArrayNode();
    for (LintResult r : results) {
      for (Finding f : r.findings()) {
        ObjectNode o = out.addObject();
        o.put("type", "issue");
        o.put("check_name", f.code());
        o.put("description", f.message());
        o.putArray("categories").add(f.code().startsWith("SC") ? "Bug Risk" : "Style");
        o.put("fingerprint", fingerprint(r.source() + ":" + f.span().line() + ":" + f.span().column() + ":" + f.code()));
        o.put("severity", switch (f.severity()) {
          case ERROR -> "blocker";
          case WARNING -> "major";
          case INFO -> "info";
          default -> "minor";
        });
        ObjectNode location = o.putObject("location");
        location.put("path", r.source());
        location.putObject("lines").put("begin", f.span().line());
      }
    }
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(out) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String fingerprint(String key) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
