package dev.wheelwise.advise;

import dev.wheelwise.tags.InvalidWheelFilename;
import dev.wheelwise.tags.Tag;
import dev.wheelwise.tags.Target;
import dev.wheelwise.tags.WheelFilename;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * pip skips a release whose files' {@code Requires-Python} excludes the interpreter, and a
 * partial source (the snapshot's files from lock files) often did not record it. When such a
 * release is picked for a loose requirement and every wheel seen of it is for a newer Python
 * than the image's (matplotlib 3.11.1: cp311–cp314 and pp311 only, on Python 3.8), pip most likely takes
 * an older release: the pick is reported as unknown, not as a build of a file pip would skip.
 * A release with a wheel for this Python, for {@code py3}, or with its {@code Requires-Python}
 * recorded is not in doubt.
 */
final class RequiresPythonDoubt {
  private RequiresPythonDoubt() {}

  /** Interpreter tags that name a minimum Python 3 minor: {@code cp311}, {@code pp311} (PyPy 3.11), {@code py39}. */
  private static final Pattern MINOR = Pattern.compile("(?:cp|pp|py)3(\\d+)");

  /** Why the pick of this release on {@code target} is in doubt, if it is. */
  static Optional<String> of(List<CandidateFile> release, boolean complete, Target target) {
    if (complete || release.isEmpty() || release.stream().anyMatch(f -> f.requiresPython().isPresent())) {
      return Optional.empty();
    }
    TreeSet<Integer> minors = new TreeSet<>();
    for (CandidateFile f : release) {
      if (!f.filename().endsWith(".whl")) {
        continue;
      }
      try {
        for (Tag tag : WheelFilename.parse(f.filename()).tags()) {
          Matcher cp = MINOR.matcher(tag.interpreter());
          if (!cp.matches()) {
            return Optional.empty(); // py3, py2.py3: no sign of a minimum Python
          }
          minors.add(Integer.parseInt(cp.group(1)));
        }
      } catch (InvalidWheelFilename e) {
        // pip skips a file whose name does not parse; so does this evidence
      }
    }
    if (minors.isEmpty() || minors.first() <= target.pythonMinor()) {
      return Optional.empty();
    }
    CandidateFile any = release.get(0);
    String range = minors.first().equals(minors.last()) ? "3." + minors.first() : "3." + minors.first() + "–3." + minors.last();
    return Optional.of(any.name() + " " + any.version() + " is the newest release seen, but its Requires-Python was not recorded and "
        + "its wheels are for Python " + range + " only: pip on Python " + target.pythonVersion()
        + " most likely takes an older release; which one is not decided here");
  }
}
