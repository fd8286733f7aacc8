package dev.wheelwise.project;

import java.nio.file.Path;
import java.util.List;

/**
 * A folder whose dependency input cannot be chosen without guessing: no lock file, no
 * {@code requirements.txt}, and several other requirement files (requirements-dev.txt and
 * requirements-prod.txt, requirements/base.txt and requirements/prod.txt). Which one the image
 * installs is the user's to say.
 */
public final class AmbiguousInputs extends Exception {
  private final transient List<Path> files;

  public AmbiguousInputs(Path folder, List<Path> files) {
    super(folder + ": no lock file and no requirements.txt, and " + files.size() + " other requirement files: "
        + String.join(", ", files.stream().map(f -> folder.relativize(f).toString()).toList())
        + "; name the one the image installs (e.g. " + folder.resolve(folder.relativize(files.get(0))) + ")");
    this.files = List.copyOf(files);
  }

  public List<Path> files() {
    return files;
  }
}
