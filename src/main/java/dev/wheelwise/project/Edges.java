package dev.wheelwise.project;

import dev.wheelwise.pep508.InvalidRequirement;
import dev.wheelwise.pep508.Requirement;
import java.util.Optional;

/** PEP 508 requirement strings as graph edges; an invalid one is an error at its file and line. */
final class Edges {

  private Edges() {}

  static LockedDependency fromPep508(SourceFile file, String text, int line) throws InputParseError {
    return fromPep508(text, new Origin(file.name, line));
  }

  static LockedDependency fromPep508(String text, Origin origin) throws InputParseError {
    Requirement r;
    try {
      r = Requirement.parse(text, origin.file(), origin.line());
    } catch (InvalidRequirement e) {
      throw new InputParseError("invalid requirement '" + text + "': " + e.plainMessage(),
          "a PEP 508 dependency specifier", e.span(), e);
    }
    String specifier = r.specifier().toString();
    return new LockedDependency(r.canonicalName(), Optional.empty(),
        specifier.isEmpty() ? Optional.empty() : Optional.of(specifier), r.url(),
        r.marker().map(Object::toString), r.canonicalExtras());
  }
}
