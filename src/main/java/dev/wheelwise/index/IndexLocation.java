package dev.wheelwise.index;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * An index URL as configured ({@code https://user:pass@host/simple}), split into the URL that
 * is requested (no user info, trailing slash), the credentials sent only to its host, and the
 * redacted form that may be printed.
 */
public record IndexLocation(String url, Optional<Credentials> credentials, String display) {

  public IndexLocation {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(credentials, "credentials");
    display = Redaction.redactUrl(display);
  }

  public static IndexLocation parse(String configured) {
    String trimmed = configured.strip();
    if (!trimmed.matches("^[A-Za-z][A-Za-z0-9+.-]*:.*")) {
      // A plain path, as pip takes one (os.path.exists): read from disk as the file: URL of its folder.
      return new IndexLocation(withSlash(java.nio.file.Path.of(trimmed).toAbsolutePath().toUri().toString()), Optional.empty(), trimmed);
    }
    Optional<Credentials> credentials = Optional.empty();
    try {
      URI uri = new URI(trimmed);
      String info = uri.getRawUserInfo();
      if (info != null) {
        int colon = info.indexOf(':');
        String user = decode(colon >= 0 ? info.substring(0, colon) : info);
        String password = colon >= 0 ? decode(info.substring(colon + 1)) : "";
        credentials = Optional.of(new Credentials(user, password));
      }
    } catch (URISyntaxException e) {
      // left as is: the request will fail and name the (redacted) URL
    }
    return new IndexLocation(withSlash(Urls.withoutUserInfo(trimmed)), credentials, trimmed);
  }

  private static String withSlash(String url) {
    return url.endsWith("/") ? url : url + "/";
  }

  /** A {@code file:} index, read from disk as pip reads one. */
  public boolean local() {
    return url.regionMatches(true, 0, "file:", 0, 5);
  }

  /** PEP 503: {@code <index>/<normalized-name>/}. */
  public String projectUrl(String canonicalName) {
    return url + canonicalName + "/";
  }

  /** The host (and port) the credentials belong to. */
  String hostKey() {
    return HostKey.of(url);
  }

  private static String decode(String s) {
    return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return display;
  }
}
