package dev.wheelwise.index;

import dev.wheelwise.pep508.Names;
import java.util.Optional;

/** The snapshot as a {@link ProjectSource}: answers labelled {@code snapshot DATE}. */
public final class SnapshotSource implements ProjectSource {
  private final Snapshot snapshot;

  public SnapshotSource(Snapshot snapshot) {
    this.snapshot = snapshot;
  }

  @Override
  public Optional<ProjectPage> project(String name) {
    return snapshot.page(Names.canonicalize(name));
  }

  @Override
  public String describe() {
    return snapshot.source().toString();
  }

  public Snapshot snapshot() {
    return snapshot;
  }
}
