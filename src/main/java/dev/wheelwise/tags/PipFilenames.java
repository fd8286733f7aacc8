package dev.wheelwise.tags;

import dev.wheelwise.pep440.Version;
import dev.wheelwise.pep508.Names;
import java.util.Optional;

/**
 * The version pip's index finder reads off a file listed for a project: a wheel's by PEP 427
 * (its name must be the project's), an sdist's by pip's own rule ({@link
 * SdistFilename#parseForPip}). Every place that models what pip would install (the chooser's
 * candidates, the snapshot builder, {@code --as-of}, size neighbours, explain) reads file names
 * here, so a {@code .tar.bz2} or {@code .tgz} sdist counts everywhere pip counts it.
 */
public final class PipFilenames {
  private PipFilenames() {}

  /** The version, or empty when pip skips the file on {@code project}'s page ({@link #whyNot} says why). */
  public static Optional<Version> version(String project, String filename) {
    return Optional.ofNullable(read(project, filename).version());
  }

  /** Why pip finds no version of {@code project} in {@code filename}; empty when it finds one. */
  public static Optional<String> whyNot(String project, String filename) {
    return Optional.ofNullable(read(project, filename).why());
  }

  private record Reading(Version version, String why) {}

  private static Reading read(String project, String filename) {
    try {
      if (filename.endsWith(".whl")) {
        WheelFilename wheel = WheelFilename.parse(filename);
        String canonical = Names.canonicalize(project);
        return wheel.name().equals(canonical) ? new Reading(wheel.version(), null)
            : new Reading(null, "belongs to project " + wheel.name() + ", not " + canonical);
      }
      return new Reading(SdistFilename.parseForPip(filename, project).version(), null);
    } catch (InvalidWheelFilename e) {
      return new Reading(null, "not a valid wheel name: " + e.plainMessage());
    } catch (InvalidSdistFilename e) {
      return new Reading(null, "not an sdist pip reads: " + e.plainMessage());
    }
  }
}
