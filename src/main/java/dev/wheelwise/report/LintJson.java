package dev.wheelwise.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wheelwise.Finding;
import dev.wheelwise.lint.LintResult;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * {@code lint --format json}: hadolint's shape (a flat array of {@code code}, {@code column},
 * {@code file}, {@code level}, {@code line}, {@code message}), so tools reading hadolint's JSON
 * read ours, plus {@code fix} when the rule knows one.
 */
public final class LintJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private LintJson() {}

  public static String render(List<LintResult> results) {
    ArrayNode out = JSON.createArrayNode();
    for (LintResult r : results) {
      for (Finding f : r.findings()) {
        ObjectNode o = out.addObject();
        o.put("code", f.code());
        o.put("column", f.span().column());
        o.put("file", r.source());
        o.put("level", f.severity().label());
        o.put("line", f.span().line());
        o.put("message", f.message());
        f.fix().ifPresent(x -> o.put("fix", x));
      }
    }
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(out) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
