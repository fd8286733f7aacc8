package dev.wheelwise.project;

import dev.wheelwise.pep508.InvalidRequirement;
import dev.wheelwise.pep508.Requirement;
import java.util.Optional;

/** PEP 508 requirement strings as graph edges; an invalid one is an error at its file and line. */
final class Edges {

  private Edges() {}

  /** The line is looked up only when the text is invalid: finding it costs a scan of the file. */
  static LockedDependency fromPep508(SourceFile file, String text, java.util.function.IntSupplier line)
      throws InputParseError {
    try {
      return fromPep508(text, new Origin(file.name, 1));
    } catch (InputParseError e) {
      return fromPep508(text, new Origin(file.name, line.getAsInt()));
    }
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
