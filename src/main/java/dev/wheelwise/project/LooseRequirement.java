package dev.wheelwise.project;

import java.util.List;
import java.util.Objects;

/**
 * One requirement as written, before resolution: a PEP 508 string ({@code name[extras] spec ;
 * marker} or {@code name @ url}), a bare archive path or URL, or an editable ({@code -e}) path
 * or VCS URL. The text stays raw here; {@code pep508.Requirement.parse} reads it with the origin
 * so errors point at the file and line.
 *
 * @param text the requirement text with options and comments removed
 * @param origin file and line (the first physical line when continued)
 * @param editable written with {@code -e}
 * @param hashes {@code --hash} values, {@code alg:hex}
 */
public record LooseRequirement(String text, Origin origin, boolean editable, List<String> hashes) {

  public LooseRequirement {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(origin, "origin");
    hashes = List.copyOf(hashes);
  }

  private static final java.util.regex.Pattern NAMED_URL =
      java.util.regex.Pattern.compile("^\\s*[A-Za-z0-9][A-Za-z0-9._-]*\\s*(\\[[^\\]]*\\])?\\s*@");
  private static final java.util.regex.Pattern ARCHIVE =
      java.util.regex.Pattern.compile("(?i).*\\.(whl|zip|tar\\.gz|tgz|tar\\.bz2|tar\\.xz|tar)(\\s*;.*)?$");

  /**
   * True for a PEP 508 specifier ({@code name[extras] spec ; marker} or {@code name @ url}),
   * false for what pip reads as a link instead: an editable, a bare URL ({@code git+https://…#egg=x}),
   * a local path or an archive file name (pip's {@code parse_req_from_line}).
   */
  public boolean isPep508() {
    if (editable) {
      return false;
    }
    if (NAMED_URL.matcher(text).find()) {
      return true;
    }
    String head = text.split(";", 2)[0].strip();
    return !(head.matches("^[A-Za-z][A-Za-z0-9+.-]*:.*") || head.contains("/") || head.contains("\\")
        || head.startsWith(".") || head.startsWith("~") || ARCHIVE.matcher(head).matches());
  }

  public static LooseRequirement of(String text, Origin origin) {
    return new LooseRequirement(text, origin, false, List.of());
  }

  @Override
  public String toString() {
    return (editable ? "-e " : "") + text + " (" + origin + ")";
  }
}
