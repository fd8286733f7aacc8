package dev.wheelwise.index;

import java.util.Locale;

/** PEP 691 content negotiation, as pip does it. */
final class ContentTypes {
  private ContentTypes() {}

  /** pip's Accept header: JSON preferred, HTML accepted. */
  static final String ACCEPT = "application/vnd.pypi.simple.v1+json, application/vnd.pypi.simple.v1+html; q=0.1, text/html; q=0.01";

  enum Kind {
    JSON,
    HTML,
    OTHER
  }

  static Kind of(String contentType) {
    String t = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
    int semi = t.indexOf(';');
    if (semi >= 0) {
      t = t.substring(0, semi);
    }
    t = t.strip();
    if (t.equals("application/vnd.pypi.simple.v1+json") || t.equals("application/vnd.pypi.simple.latest+json")) {
      return Kind.JSON;
    }
    // PEP 691: text/html is an alias of v1+html.
    if (t.equals("application/vnd.pypi.simple.v1+html") || t.equals("application/vnd.pypi.simple.latest+html") || t.equals("text/html")) {
      return Kind.HTML;
    }
    return Kind.OTHER;
  }
}
