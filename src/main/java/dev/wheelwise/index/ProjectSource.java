package dev.wheelwise.index;

import java.util.Optional;

/** Anything that can list a project's files: a live index, find-links, the snapshot. */
public interface ProjectSource {
  /**
   * The project's page, or empty when the source does not know the project.
   *
   * @throws IndexError when the source could not answer or answered badly
   */
  Optional<ProjectPage> project(String name) throws IndexError;

  /** What answers from here are labelled with ({@code index URL}, {@code snapshot DATE}). */
  String describe();
}
