package dev.wheelwise.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wheelwise.Finding;
import dev.wheelwise.lint.LintResult;
import dev.wheelwise.lint.Rule;
import dev.wheelwise.lint.Rules;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code lint --format sarif}: SARIF 2.1.0, one rule per code (ours from {@link Rules#ALL},
 * ShellCheck's as they occur), results with line and column; style and info are SARIF notes.
 */
public final class LintSarif {
  private static final ObjectMapper JSON = new ObjectMapper();

  private LintSarif() {}

  public static String render(List<LintResult> results, Optional<String> toolVersion, Path workingDirectory) {
    Path wd = workingDirectory.toAbsolutePath().normalize();
    ObjectNode log = JSON.createObjectNode();
    log.put("$schema", CheckSarif.SCHEMA);
    log.put("version", "2.1.0");
    ObjectNode run = log.putArray("runs").addObject();
    ObjectNode driver = run.putObject("tool").putObject("driver");
    driver.put("name", "wheelwise");
    toolVersion.ifPresent(v -> driver.put("version", v));
    toolVersion.filter(CheckSarif::isSemVer).ifPresent(v -> driver.put("semanticVersion", v));
    Map<String, Integer> index = new LinkedHashMap<>();
    ArrayNode rules = driver.putArray("rules");
    List<String> codes = new ArrayList<>(Rules.ALL.stream().map(Rule::code).toList());
    results.forEach(r -> r.findings().forEach(f -> {
      if (!codes.contains(f.code())) {
        codes.add(f.code());
      }
    }));
    for (String code : codes) {
      index.put(code, index.size());
      ObjectNode rule = rules.addObject().put("id", code);
      Optional<Rule> known = Rules.byCode(code);
      String summary = known.map(Rule::summary).orElse("ShellCheck " + code + ".");
      rule.putObject("shortDescription").put("text", CheckSarif.sentence(summary));
      rule.putObject("fullDescription").put("text", CheckSarif.sentence(known.map(Rule::description).orElse(
          "ShellCheck's check " + code + " on a RUN script; see https://www.shellcheck.net/wiki/" + code)));
      rule.putObject("help").put("text", CheckSarif.sentence(summary));
      rule.putObject("defaultConfiguration").put("level", level(known.map(Rule::severity).orElse(Finding.Severity.WARNING)));
      if (known.isEmpty()) {
        rule.put("helpUri", "https://www.shellcheck.net/wiki/" + code);
      }
    }
    run.putObject("originalUriBaseIds").putObject(CheckSarif.SRCROOT).put("uri", CheckSarif.directoryUri(wd));
    ArrayNode out = run.putArray("results");
    for (LintResult r : results) {
      for (Finding f : r.findings()) {
        ObjectNode o = out.addObject();
        o.put("ruleId", f.code());
        o.put("ruleIndex", index.get(f.code()));
        o.put("level", level(f.severity()));
        o.putObject("message").put("text", CheckSarif.sentence(f.message() + f.fix().map(x -> " Fix: " + x).orElse("")));
        ObjectNode physical = o.putArray("locations").addObject().putObject("physicalLocation");
        ObjectNode artifact = physical.putObject("artifactLocation");
        if (r.source().equals("-")) {
          artifact.put("uri", "stdin");
        } else {
          Path absolute = wd.resolve(r.source()).normalize();
          if (absolute.startsWith(wd)) {
            artifact.put("uri", CheckSarif.relativeUri(wd.relativize(absolute)));
            artifact.put("uriBaseId", CheckSarif.SRCROOT);
          } else {
            artifact.put("uri", absolute.toUri().toString());
          }
        }
        physical.putObject("region").put("startLine", f.span().line()).put("startColumn", f.span().column());
      }
    }
    try {
      return JSON.writeValueAsString(log) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String level(Finding.Severity s) {
    return switch (s) {
      case ERROR -> "error";
      case WARNING -> "warning";
      default -> "note";
    };
  }
}
