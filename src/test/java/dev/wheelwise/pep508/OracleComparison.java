package dev.wheelwise.pep508;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wheelwise.pep440.PipProfile;
import dev.wheelwise.testing.PythonOracle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Runs a batch of markers or requirements through one oracle and through our parser, and
 * lists the cases where the answers differ. Shared by the corpus and the generated tests.
 */
final class OracleComparison {

  /** Mismatches, and how often each outcome ("true", "false", "error", "invalid") occurred. */
  record Result(List<String> mismatches, Map<String, Integer> outcomes, int compared) {}

  private OracleComparison() {}

  static Map<String, Object> json(MarkerEnvironment e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("implementation_name", e.implementationName());
    m.put("implementation_version", e.implementationVersion());
    m.put("os_name", e.osName());
    m.put("platform_machine", e.platformMachine());
    m.put("platform_release", e.platformRelease());
    m.put("platform_system", e.platformSystem());
    m.put("platform_version", e.platformVersion());
    m.put("python_full_version", e.pythonFullVersion());
    m.put("platform_python_implementation", e.platformPythonImplementation());
    m.put("python_version", e.pythonVersion());
    m.put("sys_platform", e.sysPlatform());
    m.put("extra", e.extra());
    m.put("extras", List.copyOf(e.extras()));
    m.put("dependency_groups", List.copyOf(e.dependencyGroups()));
    return m;
  }

  /** Each marker parsed, printed and evaluated on every target, ours against the oracle's. */
  static Result markers(PythonOracle oracle, PipProfile profile, List<String> markers, List<MarkerEnvironment> targets) {
    List<Map<String, Object>> envs = targets.stream().map(OracleComparison::json).toList();
    List<Map<String, Object>> cases = markers.stream()
        .map(m -> Map.<String, Object>of("marker", m, "envs", envs)).toList();
    List<JsonNode> answers = oracle.run("marker.py", cases);
    List<String> mismatches = new ArrayList<>();
    Map<String, Integer> outcomes = new TreeMap<>();
    int evaluations = 0;
    for (int i = 0; i < markers.size(); i++) {
      String text = markers.get(i);
      String mine = null;
      List<Object> results = new ArrayList<>();
      try {
        Marker marker = Marker.parse(text, profile);
        mine = marker.toString(profile);
        for (MarkerEnvironment env : targets) {
          results.add(evaluate(marker, env, profile));
        }
      } catch (InvalidMarker e) {
        outcomes.merge("invalid", 1, Integer::sum);
      }
      JsonNode answer = answers.get(i);
      String theirs = answer.get("str").isNull() ? null : answer.get("str").asText();
      List<Object> theirResults = new ArrayList<>();
      answer.get("eval").forEach(n -> theirResults.add(n.isBoolean() ? n.asBoolean() : "error"));
      evaluations += theirResults.size();
      theirResults.forEach(r -> outcomes.merge(String.valueOf(r), 1, Integer::sum));
      if (!Objects.equals(mine, theirs) || !results.equals(theirResults)) {
        mismatches.add(text + "\n   ours " + mine + " " + results + "\n   packaging " + theirs + " " + answer.get("eval"));
      }
    }
    return new Result(mismatches, outcomes, evaluations);
  }

  private static Object evaluate(Marker marker, MarkerEnvironment env, PipProfile profile) {
    try {
      return marker.evaluate(env, profile);
    } catch (MarkerEvaluationError e) {
      return "error";
    }
  }

  /** Each requirement's name, extras, specifier, URL and marker, ours against the oracle's. */
  static Result requirements(PythonOracle oracle, PipProfile profile, List<String> requirements) {
    List<JsonNode> answers = oracle.run("requirement.py", requirements);
    List<String> mismatches = new ArrayList<>();
    Map<String, Integer> outcomes = new TreeMap<>();
    for (int i = 0; i < requirements.size(); i++) {
      String mine;
      try {
        Requirement r = Requirement.parse(requirements.get(i), "<requirement>", 1, profile);
        mine = String.join("|", r.name(), r.extras().toString(), r.specifier().toString(profile),
            String.valueOf(r.url().orElse(null)), String.valueOf(r.marker().map(m -> m.toString(profile)).orElse(null)));
        outcomes.merge("valid", 1, Integer::sum);
      } catch (InvalidRequirement e) {
        mine = null;
        outcomes.merge("invalid", 1, Integer::sum);
      }
      JsonNode a = answers.get(i);
      String theirs = null;
      if (!a.isNull()) {
        List<String> extras = new ArrayList<>();
        a.get("extras").forEach(n -> extras.add(n.asText()));
        theirs = String.join("|", a.get("name").asText(), extras.toString(), a.get("specifier").asText(),
            a.get("url").isNull() ? "null" : a.get("url").asText(),
            a.get("marker").isNull() ? "null" : a.get("marker").asText());
      }
      if (!Objects.equals(mine, theirs)) {
        mismatches.add("[" + requirements.get(i) + "]\n   ours " + mine + "\n   packaging " + theirs);
      }
    }
    return new Result(mismatches, outcomes, requirements.size());
  }
}
