package dev.wheelwise.advise;

import dev.wheelwise.pep440.PipProfile;
import dev.wheelwise.pep440.Specifier;
import dev.wheelwise.pep440.SpecifierSet;
import dev.wheelwise.pep440.Version;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The specifier step of pip's choice (research §2.2 step 2): which of the versions that passed
 * the link filter the requirement allows, with PEP 440's pre-release rules (which depend on the
 * whole list, so this takes the list, not one version at a time).
 *
 * @param text how the requirement was written, for messages ({@code ==2.3.4}, {@code >=1.0})
 * @param pinned PEP 592: {@code ==V} (not {@code ==V.*}) or {@code ===V}, which lets a yanked
 *     release be installed when it is the only match
 * @param pin the version an {@code ==V} pin names (a lock's version), for plans that find no file
 * @param filter keeps the allowed versions, in the given order
 */
public record VersionFilter(String text, boolean pinned, Optional<Version> pin, UnaryOperator<List<Version>> filter) {

  public VersionFilter {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(pin, "pin");
    Objects.requireNonNull(filter, "filter");
  }

  /**
   * {@code ==V}: PEP 440 equality, zero-padded release, a public {@code V} ignoring the
   * candidate's local label. A pin names its version, so pre-releases are allowed.
   */
  public static VersionFilter exactly(Version wanted) {
    boolean local = wanted.hasLocal();
    return new VersionFilter("==" + wanted, true, Optional.of(wanted),
        versions -> versions.stream()
            .filter(v -> local ? v.compareTo(wanted) == 0 : v.publicVersion().compareTo(wanted) == 0)
            .toList());
  }

  /**
   * A requirement's specifier set as the image's pip applies it: {@code SpecifierSet.filter}
   * of the profile's packaging, with {@code --pre} when {@code pre} is set. Pinned (PEP 592)
   * when it is one {@code ==V} (not {@code ==V.*}) or {@code ===V} clause.
   */
  public static VersionFilter of(SpecifierSet specifiers, PipProfile profile, boolean pre) {
    List<Specifier> clauses = specifiers.specifiers();
    boolean pinned = clauses.size() == 1
        && (clauses.get(0).operator().equals("===")
            || (clauses.get(0).operator().equals("==") && !clauses.get(0).version().endsWith(".*")));
    Optional<Version> pin = pinned && clauses.get(0).operator().equals("==")
        ? Optional.ofNullable(Version.tryParse(clauses.get(0).version())) : Optional.empty();
    Optional<Boolean> prereleases = pre ? Optional.of(true) : Optional.empty();
    return new VersionFilter(specifiers.toString(profile), pinned, pin,
        versions -> specifiers.filter(versions, profile, prereleases));
  }

  /** No constraint; pre-releases only when nothing else exists (PEP 440's fallback). */
  public static VersionFilter any() {
    return new VersionFilter("", false, Optional.empty(), versions -> {
      List<Version> finals = versions.stream().filter(v -> !v.isPrerelease()).toList();
      return finals.isEmpty() ? versions : finals;
    });
  }

  public List<Version> apply(List<Version> versions) {
    return filter.apply(List.copyOf(versions));
  }
}
