package dev.wheelwise.project;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Loose requirements still to be resolved, with their origins and the index options that came
 * with them. A requirements file fills {@code requirements}, {@code constraints} and
 * {@code options}; a pyproject.toml fills {@code requirements} (PEP 621 dependencies or Poetry's
 * main dependencies), {@code extras} and {@code groups} (PEP 735 groups with includes expanded,
 * Poetry groups, uv/pdm dev groups).
 *
 * @param file the file read, as given
 * @param projectName the normalized name of the project the pyproject.toml declares, if any
 * @param kind requirements.txt or pyproject.toml
 * @param requirements main requirements, in order (includes of {@code -r} in place)
 * @param constraints {@code -c} constraints
 * @param extras extra → its requirements (PEP 621 optional-dependencies)
 * @param groups group → its requirements
 * @param requiresPython the project's {@code requires-python}, if stated
 * @param options index options (requirements files only)
 * @param includedFiles every file read, the main one first
 * @param dynamic PEP 621 fields a build backend supplies ({@code dependencies},
 *     {@code optional-dependencies}): what is listed there is then not the whole story
 */
public record RequirementSet(
    String file,
    Optional<String> projectName,
    InputKind kind,
    List<LooseRequirement> requirements,
    List<LooseRequirement> constraints,
    Map<String, List<LooseRequirement>> extras,
    Map<String, List<LooseRequirement>> groups,
    Optional<String> requiresPython,
    IndexOptions options,
    List<String> includedFiles,
    List<String> dynamic) implements ProjectInput {

  public RequirementSet {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(projectName, "projectName");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(requiresPython, "requiresPython");
    Objects.requireNonNull(options, "options");
    requirements = List.copyOf(requirements);
    constraints = List.copyOf(constraints);
    extras = Map.copyOf(extras);
    groups = Map.copyOf(groups);
    includedFiles = List.copyOf(includedFiles);
    dynamic = List.copyOf(dynamic);
  }
}
