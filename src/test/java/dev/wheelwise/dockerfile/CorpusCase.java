package dev.wheelwise.dockerfile;

import dev.wheelwise.testing.Shared;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** One row of ../shared/corpus/dockerfiles/MANIFEST.tsv: a build context and its Dockerfile. */
record CorpusCase(String name, Path context, String dockerfilePath, String categories, String finalBase) {

  /**
   * The Dockerfile: at its repository path, or (when the context is a sub-folder of the
   * repository) at that path with leading folders removed.
   */
  Path dockerfile() {
    Path repoPath = Path.of(dockerfilePath);
    for (int skip = 0; skip < repoPath.getNameCount(); skip++) {
      Path candidate = context.resolve(repoPath.subpath(skip, repoPath.getNameCount()).toString());
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    throw new AssertionError("no Dockerfile for corpus case " + name);
  }

  /** The Dockerfile's path inside the build context. */
  String contextPath() {
    return context.relativize(dockerfile()).toString();
  }

  static List<CorpusCase> all() throws Exception {
    Path root = Shared.require("corpus/dockerfiles");
    List<CorpusCase> out = new ArrayList<>();
    List<String> lines = Files.readAllLines(root.resolve("MANIFEST.tsv"));
    for (String line : lines.subList(1, lines.size())) {
      if (line.isBlank()) {
        continue;
      }
      String[] f = line.split("\t", -1);
      out.add(new CorpusCase(f[0], root.resolve(f[0]), f[3], f[5], f[6]));
    }
    return out;
  }

  static CorpusCase named(String name) throws Exception {
    return all().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow(() -> new AssertionError("no corpus case " + name));
  }

  @Override
  public String toString() {
    return name;
  }
}
