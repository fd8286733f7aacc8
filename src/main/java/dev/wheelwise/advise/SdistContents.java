package dev.wheelwise.advise;

import dev.wheelwise.cost.SdistClass;
import java.util.Optional;

/**
 * What a source knows of an sdist's contents: a live index downloads and reads the archive (once
 * per file, cached by its sha256), the snapshot recorded what a live build read. Empty when
 * nothing was read; the planner then guesses from the project's wheels.
 */
public interface SdistContents {

  /** Knows nothing: every sdist is judged from its project's wheels. */
  SdistContents NONE = sdist -> Optional.empty();

  /** The sdist's classification, when its contents were read (or could not be, with why: kind unknown). */
  Optional<SdistClass> of(CandidateFile sdist);

  /** This source's answer, else {@code other}'s (a live index first, then what the snapshot recorded). */
  default SdistContents or(SdistContents other) {
    return sdist -> {
      Optional<SdistClass> mine = of(sdist);
      return mine.isPresent() ? mine : other.of(sdist);
    };
  }
}
