package dev.wheelwise.project;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wheelwise.pep508.Names;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * PEP 735 {@code [dependency-groups]}: names normalized, {@code {include-group = "…"}} expanded
 * in place without removing duplicates, a cycle or an include of a missing group an error that
 * names the groups.
 */
final class DependencyGroups {

  private DependencyGroups() {}

  static Map<String, List<LooseRequirement>> expand(SourceFile file, JsonNode table) throws InputParseError {
    int tableLine = file.lineOfTable("dependency-groups");
    Map<String, JsonNode> raw = new LinkedHashMap<>();
    Map<String, String> written = new LinkedHashMap<>();
    var fields = table.fields();
    while (fields.hasNext()) {
      var e = fields.next();
      String name = Names.canonicalize(e.getKey());
      if (raw.containsKey(name)) {
        throw file.errorAtLine(file.lineOfKey(e.getKey()), "dependency groups '" + written.get(name) + "' and '"
            + e.getKey() + "' have the same normalized name '" + name + "'", "group names unique after normalization (PEP 735)");
      }
      if (!e.getValue().isArray()) {
        throw file.errorAtLine(file.lineOfKey(e.getKey()), "dependency group '" + e.getKey() + "' is not a list",
            "a list of requirement strings and {include-group = \"…\"} tables (PEP 735)");
      }
      raw.put(name, e.getValue());
      written.put(name, e.getKey());
    }
    Map<String, List<LooseRequirement>> out = new LinkedHashMap<>();
    for (String name : raw.keySet()) {
      out.put(name, expandOne(file, tableLine, raw, written, name, new ArrayList<>(), out));
    }
    return out;
  }

  private static List<LooseRequirement> expandOne(SourceFile file, int tableLine, Map<String, JsonNode> raw,
      Map<String, String> written, String name, List<String> path, Map<String, List<LooseRequirement>> done)
      throws InputParseError {
    if (done.containsKey(name)) {
      return done.get(name);
    }
    if (path.contains(name)) {
      List<String> cycle = new ArrayList<>(path.subList(path.indexOf(name), path.size()));
      cycle.add(name);
      throw file.errorAtLine(file.lineOfKey(written.get(path.get(path.size() - 1))),
          "dependency group include cycle: " + String.join(" -> ", cycle),
          "groups that do not include themselves, directly or not (PEP 735)");
    }
    path.add(name);
    int line = file.lineOfKey(written.get(name));
    List<LooseRequirement> out = new ArrayList<>();
    for (JsonNode item : raw.get(name)) {
      if (item.isTextual()) {
        out.add(LooseRequirement.of(item.asText(), new Origin(file.name, file.lineOfLiteral(item.asText(), line))));
      } else if (item.isObject() && item.has("include-group") && item.size() == 1) {
        String include = Names.canonicalize(item.get("include-group").asText());
        if (!raw.containsKey(include)) {
          throw file.errorAtLine(line, "dependency group '" + written.get(name) + "' includes '"
              + item.get("include-group").asText() + "', which is not defined",
              "one of the groups " + written.values() + " (PEP 735)");
        }
        out.addAll(expandOne(file, tableLine, raw, written, include, path, done));
      } else {
        throw file.errorAtLine(line, "dependency group '" + written.get(name) + "' holds " + item,
            "a requirement string or {include-group = \"…\"} (PEP 735)");
      }
    }
    path.remove(path.size() - 1);
    done.put(name, List.copyOf(out));
    return out;
  }
}
