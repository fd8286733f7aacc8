package dev.wheelwise.project;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wheelwise.pep508.Names;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One Poetry dependency declaration ({@code [tool.poetry.dependencies]} in pyproject.toml,
 * {@code [package.dependencies]} in poetry.lock) in PEP 440/508 terms. The value is a
 * constraint string, a table ({@code version}, {@code markers}, {@code python},
 * {@code platform}, {@code extras}, {@code optional}, {@code git}/{@code url}/{@code path}), or
 * an array of tables ("multiple constraints"), which gives several declarations.
 *
 * @param name normalized
 * @param extras normalized
 * @param specifier PEP 440, alternatives joined by {@code " || "}; empty = any
 * @param marker PEP 508 marker from {@code markers}, {@code python} and {@code platform}
 * @param optional only installed through an extra
 * @param directUrl a PEP 508 URL for git/url/path dependencies
 */
record PoetryDependency(
    String name, Set<String> extras, String specifier, Optional<String> marker, boolean optional,
    Optional<String> directUrl) {

  static List<PoetryDependency> read(String rawName, JsonNode value) {
    List<PoetryDependency> out = new ArrayList<>();
    if (value.isArray()) {
      for (JsonNode v : value) {
        out.add(one(rawName, v));
      }
    } else {
      out.add(one(rawName, value));
    }
    return out;
  }

  private static PoetryDependency one(String rawName, JsonNode value) {
    String name = Names.canonicalize(rawName);
    if (value.isValueNode()) {
      return new PoetryDependency(name, Set.of(), PoetryConstraint.toPep440Joined(value.asText()), Optional.empty(),
          false, Optional.empty());
    }
    Set<String> extras = new LinkedHashSet<>();
    value.path("extras").forEach(e -> extras.add(Names.canonicalize(e.asText())));
    String specifier = SourceFile.string(value, "version").map(PoetryConstraint::toPep440Joined).orElse("");
    List<String> markers = new ArrayList<>();
    SourceFile.string(value, "markers").filter(m -> !m.isBlank()).ifPresent(m -> markers.add(m));
    SourceFile.string(value, "python").map(PoetryConstraint::pythonMarker).filter(m -> !m.isEmpty())
        .ifPresent(markers::add);
    SourceFile.string(value, "platform").ifPresent(p -> markers.add("sys_platform == \"" + p + "\""));
    Optional<String> marker = markers.isEmpty() ? Optional.empty()
        : Optional.of(markers.size() == 1 ? markers.get(0)
            : String.join(" and ", markers.stream().map(m -> "(" + m + ")").toList()));
    Optional<String> url = Optional.empty();
    if (value.has("git")) {
      String rev = SourceFile.string(value, "rev").or(() -> SourceFile.string(value, "tag"))
          .or(() -> SourceFile.string(value, "branch")).map(r -> "@" + r).orElse("");
      String sub = SourceFile.string(value, "subdirectory").map(s -> "#subdirectory=" + s).orElse("");
      String git = value.get("git").asText();
      url = Optional.of((git.startsWith("git+") ? git : "git+" + git) + rev + sub);
    } else if (value.has("url")) {
      url = SourceFile.string(value, "url");
    } else if (value.has("path")) {
      url = Optional.of("file:" + value.get("path").asText());
    }
    return new PoetryDependency(name, extras, specifier, marker, value.path("optional").asBoolean(false), url);
  }

  LockedDependency edge() {
    return new LockedDependency(name, Optional.empty(), specifier.isEmpty() ? Optional.empty() : Optional.of(specifier),
        Optional.empty(), marker, extras);
  }

  /**
   * As a PEP 508 string. A constraint with alternatives ({@code ||}) has no PEP 440 form; it is
   * refused rather than widened.
   */
  String pep508() {
    if (specifier.contains("||")) {
      throw new IllegalArgumentException("constraint alternatives ('||') have no PEP 440 equivalent: " + specifier);
    }
    StringBuilder out = new StringBuilder(name);
    if (!extras.isEmpty()) {
      out.append('[').append(String.join(",", extras)).append(']');
    }
    if (directUrl.isPresent()) {
      out.append(" @ ").append(directUrl.get());
      marker.ifPresent(m -> out.append(" ; ").append(m));
      return out.toString();
    }
    out.append(specifier);
    marker.ifPresent(m -> out.append(" ; ").append(m));
    return out.toString();
  }
}
