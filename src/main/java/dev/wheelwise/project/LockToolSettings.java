package dev.wheelwise.project;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wheelwise.pep508.Names;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * What a lock's tool installs by default, written in the project's pyproject.toml and not in the
 * lock: uv's {@code [tool.uv] default-groups} and Poetry's optional groups
 * ({@code [tool.poetry.group.G] optional = true}, installed only with {@code --with G}).
 *
 * @param uvDefaultGroups the groups {@code uv sync}/{@code uv export} take when none is named
 * @param poetryOptionalGroups groups {@code poetry install} leaves out unless named, normalized
 */
public record LockToolSettings(UvDefaultGroups uvDefaultGroups, Set<String> poetryOptionalGroups) {

  /** The tools' own defaults, for a project without a pyproject.toml. */
  public static final LockToolSettings DEFAULT = new LockToolSettings(UvDefaultGroups.UV_DEFAULT, Set.of());

  public LockToolSettings {
    poetryOptionalGroups = Set.copyOf(poetryOptionalGroups);
  }

  /**
   * The settings of {@code pyproject}; empty when there is no such file.
   *
   * @throws InputParseError the file is not TOML, or default-groups is neither "all" nor a list of names
   */
  public static Optional<LockToolSettings> read(Path pyproject) throws InputParseError {
    if (!Files.isRegularFile(pyproject)) {
      return Optional.empty();
    }
    SourceFile file = SourceFile.read(pyproject);
    JsonNode tool = file.toml().path("tool");
    Set<String> optional = new LinkedHashSet<>();
    tool.path("poetry").path("group").fields().forEachRemaining(g -> {
      if (g.getValue().path("optional").asBoolean(false)) {
        optional.add(Names.canonicalize(g.getKey()));
      }
    });
    return Optional.of(new LockToolSettings(uvDefaultGroups(file, tool.path("uv").path("default-groups")), optional));
  }

  private static UvDefaultGroups uvDefaultGroups(SourceFile file, JsonNode setting) throws InputParseError {
    if (setting.isMissingNode()) {
      return UvDefaultGroups.UV_DEFAULT;
    }
    if (setting.isTextual() && setting.asText().equals("all")) {
      return new UvDefaultGroups(true, Set.of());
    }
    Set<String> names = new LinkedHashSet<>();
    boolean namesOk = setting.isArray();
    for (JsonNode name : setting) {
      namesOk &= name.isTextual();
      names.add(Names.canonicalize(name.asText()));
    }
    if (!namesOk) {
      throw file.errorAtLine(file.lineOfTable("tool.uv"), "[tool.uv] default-groups is neither \"all\" nor a list of group names",
          "default-groups = [\"dev\"] or default-groups = \"all\", as uv documents it");
    }
    return new UvDefaultGroups(false, names);
  }
}
