package dev.wheelwise.advise;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Installed sizes of chosen wheels, measured where their source allows it (a live index's byte ranges). */
public interface WheelSizes {

  /**
   * What was measured of these wheels.
   *
   * @param installedBytes by wheel file name; the wheels missing here are estimated from their file size
   * @param notes why some were not measured, for the size notes
   */
  record Measured(Map<String, Long> installedBytes, List<String> notes) {
    public Measured {
      installedBytes = Map.copyOf(installedBytes);
      notes = List.copyOf(notes);
    }
  }

  /** Measures each distinct wheel once; a wheel that cannot be measured is left out, not an error. */
  Measured measure(Collection<CandidateFile> wheels);
}
