package dev.wheelwise.index;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hides credentials in URLs before they can be printed, the way pip's
 * {@code redact_auth_from_url} does: {@code https://user:****@host/} when a password is
 * present, {@code https://****@host/} when the user part alone is a token.
 */
public final class Redaction {
  // scheme://userinfo@ : userinfo is everything up to the last '@' before the path starts.
  private static final Pattern USERINFO = Pattern.compile("(?<scheme>[A-Za-z][A-Za-z0-9+.-]*://)(?<info>[^/?#]*)@");

  private Redaction() {}

  /** The URL with its password (or token user) replaced by {@code ****}. */
  public static String redactUrl(String url) {
    if (url == null) {
      return "(no URL)";
    }
    Matcher m = USERINFO.matcher(url);
    if (!m.lookingAt()) {
      return url;
    }
    String info = m.group("info");
    int colon = info.indexOf(':');
    String shown = colon >= 0 ? info.substring(0, colon) + ":****" : "****";
    return m.group("scheme") + shown + "@" + url.substring(m.end());
  }

  /** Every URL inside free text redacted, for messages that quote a server or library. */
  public static String redactText(String text) {
    if (text == null) {
      return "";
    }
    Matcher m = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://[^\\s\"'<>]+").matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(redactUrl(m.group())));
    }
    m.appendTail(out);
    return out.toString();
  }
}
