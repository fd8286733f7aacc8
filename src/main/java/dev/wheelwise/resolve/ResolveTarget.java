package dev.wheelwise.resolve;

import dev.wheelwise.advise.ChooserTarget;
import dev.wheelwise.advise.FormatControl;
import dev.wheelwise.pep508.MarkerEnvironment;
import java.util.Objects;

/**
 * One environment to resolve for: the markers dependencies are evaluated with, the tags and
 * Python files are chosen for, pip's format options and {@code --pre}.
 */
public record ResolveTarget(MarkerEnvironment markers, ChooserTarget chooser, FormatControl formats, boolean pre) {
  public ResolveTarget {
    Objects.requireNonNull(markers, "markers");
    Objects.requireNonNull(chooser, "chooser");
    Objects.requireNonNull(formats, "formats");
  }
}
