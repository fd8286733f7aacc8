package dev.wheelwise.advise;

import dev.wheelwise.pep440.PipProfile;
import dev.wheelwise.tags.InvalidWheelFilename;
import dev.wheelwise.tags.WheelFilename;
import java.util.HashMap;
import java.util.Map;

/**
 * Wheel file names parsed once per packaging rules for all the targets of a check: a search
 * judges the same few thousand file names on dozens of images, and parsing them (version,
 * tag set) cost more than choosing among them. The parse is pure, so the memo changes no
 * answer; a name that does not parse is remembered with its error. One per {@link Planner},
 * used from one thread.
 */
final class WheelNames {

  private final Map<PipProfile, Map<String, Object>> parsed = new HashMap<>();

  /** The memo of one pip's parses, looked up once per chooser rather than per file. */
  Parser of(PipProfile profile) {
    return new Parser(profile, parsed.computeIfAbsent(profile, p -> new HashMap<>()));
  }

  /** Parses as {@link WheelFilename#parse(String, PipProfile)} does, each name once. */
  static final class Parser {
    private final PipProfile profile;
    private final Map<String, Object> byName;

    private Parser(PipProfile profile, Map<String, Object> byName) {
      this.profile = profile;
      this.byName = byName;
    }

    WheelFilename parse(String filename) throws InvalidWheelFilename {
      Object result = byName.get(filename);
      if (result == null) {
        try {
          result = WheelFilename.parse(filename, profile);
        } catch (InvalidWheelFilename e) {
          result = e;
        }
        byName.put(filename, result);
      }
      if (result instanceof InvalidWheelFilename e) {
        throw e;
      }
      return (WheelFilename) result;
    }
  }
}
