package dev.wheelwise.pep508;

import dev.wheelwise.SourceSpan;
import dev.wheelwise.pep440.InvalidSpecifier;
import dev.wheelwise.pep440.PipProfile;
import dev.wheelwise.pep440.SpecifierSet;
import java.util.Collections;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A PEP 508 dependency specifier ({@code requests[socks]>=2.31; python_version >= "3.8"}), as
 * packaging's {@code Requirement} parses it (the 22.0+ grammar).
 *
 * @param name the project name as written
 * @param extras the extras as written (packaging keeps them so; see {@link #canonicalExtras()})
 * @param specifier the version specifiers, empty when none or when a URL is given
 * @param url the direct reference after {@code @}, if any
 * @param marker the environment marker after {@code ;}, if any
 */
public record Requirement(
    String name, Set<String> extras, SpecifierSet specifier, Optional<String> url, Optional<Marker> marker) {

  public Requirement {
    Objects.requireNonNull(name, "name");
    extras = Collections.unmodifiableSortedSet(new TreeSet<>(extras));
    Objects.requireNonNull(specifier, "specifier");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(marker, "marker");
  }

  public static Requirement parse(String text) throws InvalidRequirement {
    return parse(text, "<requirement>", 1, PipProfile.DEFAULT);
  }

  /** Parses a requirement read from {@code source} at {@code line}, so errors say file:line:col. */
  public static Requirement parse(String text, String source, int line) throws InvalidRequirement {
    return parse(text, source, line, PipProfile.DEFAULT);
  }

  /**
   * Parses as the profile's packaging does: packaging 22+'s tokenizer grammar, with 21.3's
   * ways where they change answers (a clause is the longer of its Specifier and
   * LegacySpecifier matches, so {@code foo>=1.0+local} is valid; a comma needs a clause after
   * it; marker values are raw text; direct URLs are checked before 23.2). Other corners of
   * 21.3's pyparsing grammar (white space other than space and tab) are not modelled.
   */
  public static Requirement parse(String text, String source, int line, PipProfile profile)
      throws InvalidRequirement {
    Objects.requireNonNull(text, "text");
    DependencyParser.Parsed parsed;
    try {
      parsed = DependencyParser.requirement(text, profile.packagingAtLeast(25, 0), profile.packagingAtLeast(22, 0));
    } catch (SyntaxProblem p) {
      throw new InvalidRequirement(p.plain + " at column " + (p.end + 1),
          span(source, line, text, p.start, p.end - p.start + 1));
    }
    if (!parsed.url().isEmpty() && !profile.packagingAtLeast(23, 2)) {
      String problem = DirectUrl.problem(parsed.url());
      if (problem != null) {
        throw new InvalidRequirement(problem + " (packaging before 23.2 checks direct URLs) at column "
            + (parsed.urlStart() + 1), span(source, line, text, parsed.urlStart(), parsed.url().length()));
      }
    }
    SpecifierSet specifier;
    try {
      specifier = SpecifierSet.parse(parsed.specifier(), profile, source, text, parsed.specifierStart());
    } catch (InvalidSpecifier e) {
      throw new InvalidRequirement(e.plainMessage(),
          new SourceSpan(source, line, e.span().column(), e.span().length(), text), e);
    }
    Optional<Marker> marker = Optional.ofNullable(parsed.marker()).map(Marker::of);
    Optional<String> url = parsed.url().isEmpty() ? Optional.empty() : Optional.of(parsed.url());
    return new Requirement(parsed.name(), Set.copyOf(parsed.extras()), specifier, url, marker);
  }

  private static SourceSpan span(String source, int line, String text, int offset, int length) {
    SourceSpan inLine = SourceSpan.inLine(source, text, offset, length);
    return new SourceSpan(source, line, inLine.column(), length, text);
  }

  /** PEP 503 name: {@code Foo_Bar} → {@code foo-bar}. */
  public String canonicalName() {
    return Names.canonicalize(name);
  }

  /**
   * Whether this dependency of a release applies where {@code env} holds, with {@code extras}
   * requested of that release: as pip evaluates Requires-Dist, once with no extra and once per
   * extra asked for.
   */
  public boolean appliesTo(MarkerEnvironment env, Set<String> extras, PipProfile profile) {
    return marker.isEmpty() || marker.get().evaluate(env.withExtra(""), profile)
        || extras.stream().anyMatch(x -> marker.get().evaluate(env.withExtra(x), profile));
  }

  /** PEP 685 extras: normalized as pip ≥ 23.3 and packaging ≥ 22 compare them. */
  public Set<String> canonicalExtras() {
    Set<String> out = new TreeSet<>();
    extras.forEach(e -> out.add(Names.canonicalize(e)));
    return Collections.unmodifiableSet(out);
  }

  /** {@code str(Requirement)} of packaging 26. */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder(name);
    if (!extras.isEmpty()) {
      out.append('[').append(String.join(",", extras)).append(']');
    }
    out.append(specifier);
    url.ifPresent(u -> {
      out.append(" @ ").append(u);
      if (marker.isPresent()) {
        out.append(' ');
      }
    });
    marker.ifPresent(m -> out.append("; ").append(m));
    return out.toString();
  }
}
