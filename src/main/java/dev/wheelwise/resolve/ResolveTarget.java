package dev.wheelwise.resolve;

import dev.wheelwise.pep440.PipProfile;
import dev.wheelwise.pep508.MarkerEnvironment;
import java.util.Objects;

/**
 * One environment to resolve for: the markers dependencies are evaluated with, the pip whose
 * packaging parses and filters, {@code --pre}, and a description for messages
 * ({@code CPython 3.12 musl-1.2 x86_64}). Which files are installable there is the
 * {@link MetadataSource}'s answer.
 */
public record ResolveTarget(MarkerEnvironment markers, PipProfile profile, boolean pre, String description) {
  public ResolveTarget {
    Objects.requireNonNull(markers, "markers");
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(description, "description");
  }
}
