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
 * Dependencies a build backend reads from requirements files, declared in pyproject.toml where
 * {@code [project] dynamic} names them: setuptools' {@code [tool.setuptools.dynamic]
 * dependencies = {file = […]}} (and {@code optional-dependencies.X = {file = […]}}), and the
 * hatch-requirements-txt hook's {@code [tool.hatch.metadata.hooks.requirements_txt]}
 * ({@code files}, the older {@code filename}, else {@code requirements.txt};
 * {@code optional-dependencies.X = […]}). Paths are relative to the project folder.
 *
 * @param backend which declaration named them ({@code setuptools}, {@code hatch-requirements-txt})
 * @param dependencies the files holding the main dependencies
 * @param extras extra name → its files
 */
public record DynamicDependencyFiles(String backend, List<String> dependencies, Map<String, List<String>> extras) {

  public DynamicDependencyFiles {
    dependencies = List.copyOf(dependencies);
    extras = Map.copyOf(extras);
  }

  /** The declaration in {@code pyproject}, if it has one. */
  public static Optional<DynamicDependencyFiles> read(Path pyproject) throws InputParseError {
    JsonNode tool = SourceFile.read(pyproject).toml().path("tool");
    JsonNode setuptools = tool.path("setuptools").path("dynamic");
    if (setuptools.has("dependencies") || setuptools.has("optional-dependencies")) {
      Map<String, List<String>> extras = new LinkedHashMap<>();
      setuptools.path("optional-dependencies").fields()
          .forEachRemaining(e -> extras.put(Names.canonicalize(e.getKey()), strings(e.getValue().path("file"))));
      return Optional.of(new DynamicDependencyFiles("setuptools", strings(setuptools.path("dependencies").path("file")), extras));
    }
    JsonNode hook = tool.path("hatch").path("metadata").path("hooks").path("requirements_txt");
    if (hook.isObject()) {
      List<String> files = hook.has("files") ? strings(hook.get("files"))
          : hook.has("filename") ? strings(hook.get("filename")) : List.of("requirements.txt");
      Map<String, List<String>> extras = new LinkedHashMap<>();
      hook.path("optional-dependencies").fields()
          .forEachRemaining(e -> extras.put(Names.canonicalize(e.getKey()), strings(e.getValue())));
      return Optional.of(new DynamicDependencyFiles("hatch-requirements-txt", files, extras));
    }
    return Optional.empty();
  }

  /** A string or a list of strings. */
  private static List<String> strings(JsonNode node) {
    List<String> out = new ArrayList<>();
    if (node.isTextual()) {
      out.add(node.asText());
    }
    node.forEach(n -> {
      if (n.isTextual()) {
        out.add(n.asText());
      }
    });
    return out;
  }
}
