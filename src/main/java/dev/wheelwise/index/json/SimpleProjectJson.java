package dev.wheelwise.index.json;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * The PEP 691 project page as it is on the wire ({@code application/vnd.pypi.simple.v1+json}).
 * Unknown keys are ignored, as the spec asks; fields whose JSON type varies (bool or string,
 * bool or object) stay {@link Object} until the translator checks them.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SimpleProjectJson(
    @JsonProperty("meta") Meta meta,
    @JsonProperty("name") String name,
    @JsonProperty("versions") List<String> versions,
    @JsonProperty("files") List<FileJson> files) {

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Meta(@JsonProperty("api-version") String apiVersion) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record FileJson(
      @JsonProperty("filename") String filename,
      @JsonProperty("url") String url,
      @JsonProperty("hashes") Map<String, String> hashes,
      @JsonProperty("requires-python") String requiresPython,
      @JsonProperty("core-metadata") Object coreMetadata,
      @JsonProperty("dist-info-metadata") Object distInfoMetadata,
      @JsonProperty("yanked") Object yanked,
      @JsonProperty("size") Object size,
      @JsonProperty("upload-time") String uploadTime) {}
}
