package dev.wheelwise.index;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The live index, and the snapshot when the index cannot be reached at all. A bad answer
 * (5xx, malformed page) is still an error: the snapshot only stands in for silence. The first
 * fallback sends one notice line to the caller's sink.
 */
public final class FallbackSource implements ProjectSource {
  private final ProjectSource live;
  private final ProjectSource snapshot;
  private final Consumer<String> notices;
  private final AtomicBoolean fellBack = new AtomicBoolean();

  public FallbackSource(ProjectSource live, ProjectSource snapshot, Consumer<String> notices) {
    this.live = live;
    this.snapshot = snapshot;
    this.notices = notices;
  }

  @Override
  public Optional<ProjectPage> project(String name) throws IndexError {
    if (!fellBack.get()) {
      try {
        return live.project(name);
      } catch (IndexError e) {
        if (!e.unreachable()) {
          throw e;
        }
        if (fellBack.compareAndSet(false, true)) {
          notices.accept("notice: " + e.getMessage() + "; using " + snapshot.describe() + " instead");
        }
      }
    }
    return snapshot.project(name);
  }

  @Override
  public Map<String, FetchOutcome> projects(Collection<String> names, Consumer<FetchEvent> progress) {
    Map<String, FetchOutcome> live = fellBack.get() ? Map.of() : this.live.projects(names, progress);
    Map<String, FetchOutcome> out = new LinkedHashMap<>();
    for (String n : names) {
      String canonical = dev.wheelwise.pep508.Names.canonicalize(n);
      FetchOutcome o = live.get(canonical);
      if (o == null || (o.error().isPresent() && o.error().get().unreachable())) {
        if (o != null && fellBack.compareAndSet(false, true)) {
          notices.accept("notice: " + o.error().get().getMessage() + "; using " + snapshot.describe() + " instead");
        }
        o = FetchOutcome.of(canonical, snapshot);
      }
      out.put(canonical, o);
    }
    return out;
  }

  @Override
  public boolean knowsAbsent(String name) {
    return !fellBack.get() && live.knowsAbsent(name);
  }

  /** True once the snapshot has stood in for the index. */
  public boolean fellBack() {
    return fellBack.get();
  }

  @Override
  public String describe() {
    return fellBack.get() ? snapshot.describe() : live.describe();
  }
}
