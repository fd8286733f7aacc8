package dev.wheelwise.index;

import java.util.List;
import java.util.Objects;

/**
 * Where a run's package facts came from beyond the index URLs themselves: which of pip's
 * configuration was read, which locations failed while others answered, and what pip would
 * have warned about (an ignored find-links location).
 */
public record IndexProvenance(PipConfigUse pipConfig, List<IndexOutage> outages, List<String> notices) {

  public static final IndexProvenance NONE = new IndexProvenance(PipConfigUse.NONE, List.of(), List.of());

  public IndexProvenance {
    Objects.requireNonNull(pipConfig, "pipConfig");
    outages = List.copyOf(outages);
    notices = List.copyOf(notices);
  }
}
