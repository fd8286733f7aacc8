package dev.wheelwise.lint;

import dev.wheelwise.LocalFiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.wheelwise.Finding.Severity;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the two config files: {@code .hadolint.yaml} as hadolint reads it (keys {@code ignored},
 * {@code override.{error,warning,info,style}}, {@code failure-threshold}, {@code
 * trustedRegistries}, {@code no-fail}, {@code disable-ignore-pragma}; hadolint's
 * {@code Config/Configfile.hs}) and {@code [tool.wheelwise.lint]} of pyproject.toml (the same
 * keys, kebab-case: {@code trusted-registries}, plus {@code enable}). A value of the wrong
 * shape is an error naming the file and key, never silently dropped.
 */
public final class ConfigFiles {
  private ConfigFiles() {}

  /** A config file that cannot be used; the message names the file and the key. */
  public static final class InvalidConfig extends Exception {
    InvalidConfig(String message) {
      super(message);
    }
  }

  public static LintConfig hadolintYaml(Path file) throws IOException, InvalidConfig {
    JsonNode root;
    try {
      root = new YAMLMapper().readTree(LocalFiles.read(file));
    } catch (com.fasterxml.jackson.core.JacksonException e) {
      throw new InvalidConfig(file + ": not valid YAML: " + e.getOriginalMessage());
    }
    if (root == null || root.isNull() || root.isMissingNode()) {
      return LintConfig.EMPTY;
    }
    return read(file.toString(), root, "trustedRegistries");
  }

  /** {@code [tool.wheelwise.lint]}, empty when the table is absent. */
  public static LintConfig pyproject(Path file) throws IOException, InvalidConfig {
    JsonNode root;
    try {
      root = new TomlMapper().readTree(LocalFiles.read(file));
    } catch (com.fasterxml.jackson.core.JacksonException e) {
      throw new InvalidConfig(file + ": not valid TOML: " + e.getOriginalMessage());
    }
    JsonNode table = root.path("tool").path("wheelwise").path("lint");
    if (table.isMissingNode()) {
      return LintConfig.EMPTY;
    }
    return read(file + " [tool.wheelwise.lint]", table, "trusted-registries");
  }

  private static LintConfig read(String where, JsonNode node, String trustedKey) throws InvalidConfig {
    if (!node.isObject()) {
      throw new InvalidConfig(where + ": expected a mapping of settings");
    }
    Map<Severity, List<String>> override = new EnumMap<>(Severity.class);
    JsonNode ov = node.path("override");
    if (!ov.isMissingNode() && !ov.isNull()) {
      if (!ov.isObject()) {
        throw new InvalidConfig(where + ": override: expected a mapping of error/warning/info/style to rule codes");
      }
      for (var it = ov.fieldNames(); it.hasNext(); ) {
        String level = it.next();
        Severity s = Severity.parse(level).filter(x -> x != Severity.NONE)
            .orElseThrow(() -> new InvalidConfig(where + ": override." + level + ": expected error, warning, info or style"));
        override.put(s, strings(where, "override." + level, ov.get(level)));
      }
    }
    Optional<Severity> threshold = Optional.empty();
    JsonNode th = node.path("failure-threshold");
    if (!th.isMissingNode() && !th.isNull()) {
      threshold = Optional.of(Severity.parse(th.asText()).orElseThrow(() ->
          new InvalidConfig(where + ": failure-threshold: expected error, warning, info, style or none, got '" + th.asText() + "'")));
    }
    return LintConfig.of(strings(where, "ignored", node.path("ignored")), override, threshold,
        strings(where, trustedKey, node.path(trustedKey)), strings(where, "enable", node.path("enable")),
        bool(where, "disable-ignore-pragma", node.path("disable-ignore-pragma")), bool(where, "no-fail", node.path("no-fail")));
  }

  private static List<String> strings(String where, String key, JsonNode node) throws InvalidConfig {
    List<String> out = new ArrayList<>();
    if (node.isMissingNode() || node.isNull()) {
      return out;
    }
    if (!node.isArray()) {
      throw new InvalidConfig(where + ": " + key + ": expected a list, got " + node.getNodeType().name().toLowerCase());
    }
    for (JsonNode n : node) {
      if (!n.isValueNode()) {
        throw new InvalidConfig(where + ": " + key + ": expected strings in the list");
      }
      out.add(n.asText());
    }
    return out;
  }

  private static Optional<Boolean> bool(String where, String key, JsonNode node) throws InvalidConfig {
    if (node.isMissingNode() || node.isNull()) {
      return Optional.empty();
    }
    if (!node.isBoolean()) {
      throw new InvalidConfig(where + ": " + key + ": expected true or false");
    }
    return Optional.of(node.asBoolean());
  }
}
