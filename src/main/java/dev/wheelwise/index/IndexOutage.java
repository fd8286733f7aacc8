package dev.wheelwise.index;

import java.util.List;
import java.util.Objects;

/**
 * An index (or remote find-links page) that failed while others answered: pip skips such a
 * location and decides with what the others list, so wheelwise does too, and says so.
 *
 * @param location the failed index or find-links location, redacted
 * @param reason the first failure, in words a person can act on
 * @param projects the projects decided without it, which it could have changed (it might list
 *     other files or newer releases of them), in the order asked
 */
public record IndexOutage(String location, String reason, List<String> projects) {
  public IndexOutage {
    location = Redaction.redactUrl(Objects.requireNonNull(location, "location"));
    Objects.requireNonNull(reason, "reason");
    projects = List.copyOf(projects);
  }

  /** One line for a person. */
  public String describe() {
    return location + " failed (" + reason + "); decided without it, as pip does: " + projects.size() + " project"
        + (projects.size() == 1 ? "" : "s") + " it could have changed: " + String.join(", ", projects);
  }
}
