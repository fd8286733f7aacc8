package dev.wheelwise.pep508;

import java.util.Locale;

/**
 * The URL check packaging made on {@code name @ URL} before 23.2 (removed by pypa/packaging#684):
 * a {@code file:} URL must survive {@code urlunparse(urlparse(url))} unchanged, any other needs
 * a scheme and a host. Python's {@code urllib.parse} split and join, reduced to what changes
 * that answer.
 */
final class DirectUrl {
  private static final String SCHEME_CHARS =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+-.";

  private DirectUrl() {}

  /** Null when packaging &lt; 23.2 accepts the URL, else its message. */
  static String problem(String url) {
    String scheme = "";
    String rest = url;
    int colon = url.indexOf(':');
    if (colon > 0 && url.charAt(0) < 128 && Character.isLetter(url.charAt(0))) {
      boolean ok = true;
      for (int i = 0; i < colon; i++) {
        ok &= SCHEME_CHARS.indexOf(url.charAt(i)) >= 0;
      }
      if (ok) {
        scheme = url.substring(0, colon).toLowerCase(Locale.ROOT);
        rest = url.substring(colon + 1);
      }
    }
    String netloc = "";
    if (rest.startsWith("//")) {
      int end = rest.length();
      for (char c : new char[] {'/', '?', '#'}) {
        int at = rest.indexOf(c, 2);
        if (at >= 0) {
          end = Math.min(end, at);
        }
      }
      netloc = rest.substring(2, end);
      rest = rest.substring(end);
    }
    String fragment = "";
    int hash = rest.indexOf('#');
    if (hash >= 0) {
      fragment = rest.substring(hash + 1);
      rest = rest.substring(0, hash);
    }
    String query = "";
    int question = rest.indexOf('?');
    if (question >= 0) {
      query = rest.substring(question + 1);
      rest = rest.substring(0, question);
    }
    if (scheme.equals("file")) {
      return unsplit(scheme, netloc, rest, query, fragment).equals(url) ? null : "Invalid URL given";
    }
    return !scheme.isEmpty() && !netloc.isEmpty() ? null : "Invalid URL: " + url;
  }

  /** {@code urlunsplit}; {@code file} is one of the schemes that use a netloc. */
  private static String unsplit(String scheme, String netloc, String path, String query, String fragment) {
    String out = path;
    if (!netloc.isEmpty() || !path.startsWith("//")) {
      if (!out.isEmpty() && !out.startsWith("/")) {
        out = "/" + out;
      }
      out = "//" + netloc + out;
    }
    out = scheme + ":" + out;
    if (!query.isEmpty()) {
      out += "?" + query;
    }
    if (!fragment.isEmpty()) {
      out += "#" + fragment;
    }
    return out;
  }
}
