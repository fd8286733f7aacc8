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

  public static LooseRequirement of(String text, Origin origin) {
    return new LooseRequirement(text, origin, false, List.of());
  }

  @Override
  public String toString() {
    return (editable ? "-e " : "") + text + " (" + origin + ")";
  }
}
