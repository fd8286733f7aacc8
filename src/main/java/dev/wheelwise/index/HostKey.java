package dev.wheelwise.index;

import java.net.URI;
import java.util.Locale;

/** {@code host:port} of a URL, the unit pip keys credentials by (MultiDomainBasicAuth netloc). */
final class HostKey {
  private HostKey() {}

  static String of(String url) {
    try {
      URI u = URI.create(Urls.withoutUserInfo(url));
      int port = u.getPort();
      if (port < 0) {
        port = "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
      }
      return (u.getHost() == null ? "" : u.getHost().toLowerCase(Locale.ROOT)) + ":" + port;
    } catch (IllegalArgumentException e) {
      return "";
    }
  }

  static String host(String url) {
    try {
      URI u = URI.create(Urls.withoutUserInfo(url));
      return u.getHost() == null ? "" : u.getHost().toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      return "";
    }
  }
}
