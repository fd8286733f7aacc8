package dev.wheelwise.index;

import java.util.List;
import java.util.Objects;

/**
 * What one source said about one project: its files and, from API 1.1 (PEP 700), its versions
 * (a version may have no files). A page from several merged indexes lists every source.
 *
 * @param name the PEP 503-normalized project name
 * @param versions versions the source listed, in its order; empty when it listed none (HTML, API 1.0)
 * @param files the files, in the source's order
 * @param sources where the page came from
 */
public record ProjectPage(String name, List<String> versions, List<DistFile> files, List<Source> sources) {
  public ProjectPage {
    Objects.requireNonNull(name, "name");
    versions = List.copyOf(versions);
    files = List.copyOf(files);
    sources = List.copyOf(sources);
  }
}
