package dev.wheelwise.index;

/**
 * The Simple API version check (simple-repository-api.rst, "Versioning PyPI's Simple API"):
 * a client fails on a major version it does not know and carries on with a newer minor.
 */
final class ApiVersions {
  private ApiVersions() {}

  static void check(String apiVersion, String pageUrl) throws IndexError {
    if (apiVersion == null) {
      return; // PEP 503 HTML without the meta tag is API 1.0
    }
    String major = apiVersion.contains(".") ? apiVersion.substring(0, apiVersion.indexOf('.')) : apiVersion;
    if (!major.equals("1")) {
      throw new IndexError(pageUrl, "unsupported Simple API version " + apiVersion + " (this client reads 1.x)");
    }
  }
}
