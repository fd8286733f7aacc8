package dev.wheelwise.index.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The PEP 691 project page as it is on the wire ({@code application/vnd.pypi.simple.v1+json}).
 * Unknown keys are ignored, as the spec asks; fields whose JSON type varies (bool or string,
 * bool or object, number) stay as the JSON gave them ({@link Boolean}, {@link String},
 * {@link Long}, {@link Double}, {@code Map<String, String>}) until the translator checks them.
 *
 * <p>Read from a Jackson tree by hand rather than by data binding: binding records costs a
 * few hundred milliseconds of reflection at start-up, more than parsing 200 pages.
 */
public record SimpleProjectJson(Meta meta, String name, List<String> versions, List<FileJson> files) {

  public record Meta(String apiVersion) {}

  public record FileJson(
      String filename,
      String url,
      Map<String, String> hashes,
      String requiresPython,
      Object coreMetadata,
      Object distInfoMetadata,
      Object yanked,
      Object size,
      String uploadTime) {}

  /** The page from a parsed JSON tree; missing or null members are null (lists: null too). */
  public static SimpleProjectJson from(JsonNode root) {
    if (root == null || !root.isObject()) {
      return null;
    }
    JsonNode meta = root.get("meta");
    List<String> versions = null;
    if (root.path("versions").isArray()) {
      versions = new ArrayList<>();
      for (JsonNode v : root.get("versions")) {
        versions.add(v.asText());
      }
    }
    List<FileJson> files = null;
    if (root.path("files").isArray()) {
      files = new ArrayList<>();
      for (JsonNode f : root.get("files")) {
        files.add(new FileJson(
            text(f.get("filename")), text(f.get("url")), stringMap(f.get("hashes")), text(f.get("requires-python")),
            value(f.get("core-metadata")), value(f.get("dist-info-metadata")), value(f.get("yanked")), value(f.get("size")),
            text(f.get("upload-time"))));
      }
    }
    return new SimpleProjectJson(meta == null || !meta.isObject() ? null : new Meta(text(meta.get("api-version"))),
        text(root.get("name")), versions, files);
  }

  private static String text(JsonNode n) {
    return n == null || n.isNull() || n.isContainerNode() ? null : n.asText();
  }

  private static Map<String, String> stringMap(JsonNode n) {
    if (n == null || !n.isObject()) {
      return null;
    }
    Map<String, String> out = new LinkedHashMap<>();
    n.properties().forEach(e -> out.put(e.getKey(), e.getValue().isTextual() ? e.getValue().asText() : null));
    return out;
  }

  private static Object value(JsonNode n) {
    if (n == null || n.isNull()) {
      return null;
    }
    if (n.isBoolean()) {
      return n.booleanValue();
    }
    if (n.isTextual()) {
      return n.textValue();
    }
    if (n.isIntegralNumber()) {
      return n.canConvertToLong() ? (Object) n.longValue() : n.bigIntegerValue();
    }
    if (n.isNumber()) {
      return n.doubleValue();
    }
    if (n.isObject()) {
      return stringMap(n);
    }
    return n.toString();
  }
}
