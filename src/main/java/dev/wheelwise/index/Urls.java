package dev.wheelwise.index;

import java.net.URI;
import java.net.URISyntaxException;

/** URL helpers that never throw on odd index output: relative hrefs resolve against the page. */
final class Urls {
  private Urls() {}

  static String resolve(String base, String href) {
    try {
      return new URI(base).resolve(new URI(href.replace(" ", "%20"))).toString();
    } catch (URISyntaxException | IllegalArgumentException e) {
      return href;
    }
  }

  /** The URL without its {@code #fragment}. */
  static String withoutFragment(String url) {
    int hash = url.indexOf('#');
    return hash < 0 ? url : url.substring(0, hash);
  }

  /** The URL without user info: credentials travel in headers, never in stored URLs. */
  static String withoutUserInfo(String url) {
    return url.replaceFirst("^([A-Za-z][A-Za-z0-9+.-]*://)[^/?#]*@", "$1");
  }

  /** The last path segment, percent-decoded: pip names a link's file after its URL. */
  static String lastSegment(String url) {
    String path = withoutFragment(url);
    int q = path.indexOf('?');
    if (q >= 0) {
      path = path.substring(0, q);
    }
    String segment = path.substring(path.lastIndexOf('/') + 1);
    try {
      return java.net.URLDecoder.decode(segment.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return segment;
    }
  }
}
