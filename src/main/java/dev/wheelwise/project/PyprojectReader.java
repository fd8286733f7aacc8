package dev.wheelwise.project;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wheelwise.pep508.Names;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the dependencies a pyproject.toml declares: PEP 621 {@code [project]} dependencies,
 * optional-dependencies and requires-python; PEP 735 {@code [dependency-groups]}; Poetry's
 * {@code [tool.poetry.dependencies]}, {@code dev-dependencies}, {@code group.*.dependencies} and
 * {@code extras} with {@code ^}/{@code ~} translated to PEP 440; uv's and PDM's legacy dev
 * dependency lists. Requirement strings stay raw, with the line they are written on.
 */
public final class PyprojectReader {

  private PyprojectReader() {}

  public static RequirementSet read(Path path) throws InputParseError {
    return read(SourceFile.read(path));
  }

  static RequirementSet read(SourceFile file) throws InputParseError {
    try {
      return parse(file);
    } catch (PoetryConstraint.Invalid e) {
      throw e.at(file);
    }
  }

  private static RequirementSet parse(SourceFile file) throws InputParseError {
    JsonNode root = file.toml();
    JsonNode project = root.path("project");
    List<LooseRequirement> main = new ArrayList<>();
    Map<String, List<LooseRequirement>> extras = new LinkedHashMap<>();
    Map<String, List<LooseRequirement>> groups = new LinkedHashMap<>();
    Optional<String> requiresPython = SourceFile.string(project, "requires-python");
    List<String> dynamic = new ArrayList<>();
    project.path("dynamic").forEach(d -> dynamic.add(d.asText()));

    int projectLine = file.lineOfTable("project");
    main.addAll(strings(file, project.path("dependencies"), "[project] dependencies", projectLine));
    JsonNode optional = project.path("optional-dependencies");
    int optionalLine = file.lineOfTable("project.optional-dependencies");
    var extraFields = optional.fields();
    while (extraFields.hasNext()) {
      var e = extraFields.next();
      extras.put(Names.canonicalize(e.getKey()),
          strings(file, e.getValue(), "optional-dependencies." + e.getKey(), optionalLine));
    }
    if (root.has("dependency-groups")) {
      groups.putAll(DependencyGroups.expand(file, root.get("dependency-groups")));
    }

    JsonNode poetry = root.path("tool").path("poetry");
    if (poetry.isObject()) {
      // Poetry 2 with a [project] table: [project].dependencies are the main dependencies and
      // [tool.poetry.dependencies] only adds sources and markers to them; it adds no new ones.
      boolean projectDeclares = project.has("dependencies");
      readPoetry(file, poetry, projectDeclares ? new ArrayList<>() : main, extras, groups);
      if (requiresPython.isEmpty()) {
        requiresPython = SourceFile.string(poetry.path("dependencies"), "python").map(PoetryConstraint::toPep440Joined);
      }
    }
    JsonNode uvDev = root.path("tool").path("uv").path("dev-dependencies");
    if (uvDev.isArray()) {
      groups.computeIfAbsent("dev", k -> new ArrayList<>())
          .addAll(strings(file, uvDev, "[tool.uv] dev-dependencies", file.lineOfTable("tool.uv")));
    }
    JsonNode pdmDev = root.path("tool").path("pdm").path("dev-dependencies");
    var pdmFields = pdmDev.fields();
    while (pdmFields.hasNext()) {
      var e = pdmFields.next();
      groups.computeIfAbsent(Names.canonicalize(e.getKey()), k -> new ArrayList<>())
          .addAll(strings(file, e.getValue(), "[tool.pdm.dev-dependencies] " + e.getKey(),
              file.lineOfTable("tool.pdm.dev-dependencies")));
    }
    Optional<String> name = SourceFile.string(project, "name").or(() -> SourceFile.string(poetry, "name"))
        .map(Names::canonicalize);
    return new RequirementSet(file.name, name, InputKind.PYPROJECT, main, List.of(), extras, groups, requiresPython,
        IndexOptions.NONE, List.of(file.name), dynamic);
  }

  private static List<LooseRequirement> strings(SourceFile file, JsonNode list, String where, int fromLine)
      throws InputParseError {
    List<LooseRequirement> out = new ArrayList<>();
    if (list.isMissingNode() || list.isNull()) {
      return out;
    }
    if (!list.isArray()) {
      throw file.errorAtLine(fromLine, where + " is not a list", "a list of PEP 508 requirement strings");
    }
    for (JsonNode item : list) {
      if (!item.isTextual()) {
        throw file.errorAtLine(file.lineOfLiteral(item.toString(), fromLine), where + " holds " + item,
            "a PEP 508 requirement string");
      }
      out.add(LooseRequirement.of(item.asText(), new Origin(file.name, file.lineOfLiteral(item.asText(), fromLine))));
    }
    return out;
  }

  private static void readPoetry(SourceFile file, JsonNode poetry, List<LooseRequirement> main,
      Map<String, List<LooseRequirement>> extras, Map<String, List<LooseRequirement>> groups) throws InputParseError {
    Map<String, LooseRequirement> optionalByName = new LinkedHashMap<>();
    int depsLine = file.lineOfTable("tool.poetry.dependencies");
    var deps = poetry.path("dependencies").fields();
    while (deps.hasNext()) {
      var e = deps.next();
      if (e.getKey().equalsIgnoreCase("python")) {
        continue;
      }
      for (LooseRequirement r : poetryRequirements(file, e.getKey(), e.getValue(), depsLine)) {
        boolean optional = e.getValue().isObject() && e.getValue().path("optional").asBoolean(false);
        if (optional) {
          optionalByName.put(Names.canonicalize(e.getKey()), r);
        } else {
          main.add(r);
        }
      }
    }
    var poetryExtras = poetry.path("extras").fields();
    while (poetryExtras.hasNext()) {
      var e = poetryExtras.next();
      List<LooseRequirement> list = extras.computeIfAbsent(Names.canonicalize(e.getKey()), k -> new ArrayList<>());
      for (JsonNode n : e.getValue()) {
        String name = Names.canonicalize(n.asText().replaceAll("[\\[ ].*", ""));
        // Poetry builds an extra from the optional dependencies it names and ignores names that
        // are not optional dependencies (`poetry check` warns about them); so does this reader.
        LooseRequirement r = optionalByName.get(name);
        if (r != null) {
          list.add(r);
        }
      }
    }
    JsonNode legacyDev = poetry.path("dev-dependencies");
    addPoetryGroup(file, "dev", legacyDev, file.lineOfTable("tool.poetry.dev-dependencies"), groups);
    var named = poetry.path("group").fields();
    while (named.hasNext()) {
      var g = named.next();
      addPoetryGroup(file, g.getKey(), g.getValue().path("dependencies"),
          file.lineOfTable("tool.poetry.group." + g.getKey() + ".dependencies"), groups);
    }
  }

  private static void addPoetryGroup(SourceFile file, String group, JsonNode table, int line,
      Map<String, List<LooseRequirement>> groups) throws InputParseError {
    var fields = table.fields();
    while (fields.hasNext()) {
      var e = fields.next();
      if (e.getKey().equalsIgnoreCase("python")) {
        continue;
      }
      groups.computeIfAbsent(Names.canonicalize(group), k -> new ArrayList<>())
          .addAll(poetryRequirements(file, e.getKey(), e.getValue(), line));
    }
  }

  private static List<LooseRequirement> poetryRequirements(SourceFile file, String name, JsonNode value, int tableLine)
      throws InputParseError {
    int line = tableLine;
    int keyLine = file.lineOfLiteral(name + " ", tableLine);
    if (keyLine >= tableLine) {
      line = keyLine;
    }
    List<LooseRequirement> out = new ArrayList<>();
    try {
      for (PoetryDependency d : PoetryDependency.read(name, value)) {
        out.add(LooseRequirement.of(d.pep508(), new Origin(file.name, line)));
      }
    } catch (IllegalArgumentException e) {
      throw file.errorAtLine(line, "Poetry dependency '" + name + "': " + e.getMessage(),
          "a Poetry constraint with ^, ~, *, comparison operators or a version, without '||'");
    }
    return out;
  }
}
