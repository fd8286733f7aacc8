package dev.wheelwise.index;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** Anything that can list a project's files: a live index, find-links, the snapshot. */
public interface ProjectSource {
  /**
   * The project's page, or empty when the source does not know the project.
   *
   * @throws IndexError when the source could not answer or answered badly
   */
  Optional<ProjectPage> project(String name) throws IndexError;

  /** Many projects, one after the other; a live index overrides this to fetch in parallel. */
  default Map<String, FetchOutcome> projects(Collection<String> names, Consumer<FetchEvent> progress) {
    Map<String, FetchOutcome> out = new LinkedHashMap<>();
    int done = 0;
    for (String n : names) {
      String canonical = dev.wheelwise.pep508.Names.canonicalize(n);
      out.put(canonical, FetchOutcome.of(canonical, this));
      progress.accept(new FetchEvent(canonical, ++done, names.size()));
    }
    return out;
  }

  /**
   * Whether this source's empty answer for the project is a fact: every location it asks
   * answered, and none has the project (pip then stops with "No matching distribution found").
   * A snapshot, which records only some projects, never knows that.
   */
  default boolean knowsAbsent(String name) {
    return false;
  }

  /** What answers from here are labelled with ({@code index URL}, {@code snapshot DATE}). */
  String describe();
}
