package dev.wheelwise.advise;

import java.util.Objects;

/**
 * What pip would install for one requirement on one target: a wheel, an sdist it compiles, or
 * nothing (with the reason a person can act on).
 */
public sealed interface Choice permits Choice.Wheel, Choice.Sdist, Choice.Nothing, Choice.Unknown {

  /**
   * The {@code install} value of {@code wheelwise.check/1}: wheel, sdist or none, and
   * {@code unknown} when no source listed any file of the release (a Pipfile.lock holds hashes
   * only): nothing is claimed then.
   */
  String install();

  /**
   * A wheel was chosen.
   *
   * @param file the chosen file
   * @param tagRank the position of its best tag in the target's supported list (0 = best)
   */
  record Wheel(CandidateFile file, int tagRank) implements Choice {
    public Wheel {
      Objects.requireNonNull(file, "file");
    }

    @Override
    public String install() {
      return "wheel";
    }
  }

  /** An sdist was chosen: pip builds it at install time. */
  record Sdist(CandidateFile file) implements Choice {
    public Sdist {
      Objects.requireNonNull(file, "file");
    }

    @Override
    public String install() {
      return "sdist";
    }
  }

  /** Nothing is installable; {@code reason} says why ("no wheel for musllinux and no sdist"). */
  record Nothing(String reason) implements Choice {
    public Nothing {
      Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String install() {
      return "none";
    }
  }

  /** No file of the release is known, so nothing can be said about it. */
  record Unknown(String reason) implements Choice {
    public Unknown {
      Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String install() {
      return "unknown";
    }
  }
}
