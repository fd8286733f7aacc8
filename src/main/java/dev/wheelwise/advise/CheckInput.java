package dev.wheelwise.advise;

import dev.wheelwise.project.Origin;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the project asks pip to install, per image: the inputs it was read from, the
 * packages (a function of the image, because markers and lock forks depend on the target),
 * the lock's {@code requires-python}, pip's format options, and, when the input is a
 * Dockerfile, what the stage installs before pip runs.
 *
 * @param inputs the files read, with their kind ({@code uv.lock}, {@code Dockerfile}…)
 * @param requiresPython a lock's {@code requires-python}; an image whose Python it excludes is unavailable
 * @param packages the packages to install on an image
 * @param formats {@code --only-binary}/{@code --no-binary}/{@code --prefer-binary} in force
 * @param dockerfile what the Dockerfile's stage does before pip, when the input is a Dockerfile
 */
public record CheckInput(
    List<InputRef> inputs,
    Optional<String> requiresPython,
    PackagesOn packages,
    FormatControl formats,
    Optional<DockerfileSetup> dockerfile) {

  /**
   * The packages to install on one image (markers and lock forks depend on the target), or why
   * the project cannot be installed there at all (outside the lock's environments).
   */
  @FunctionalInterface
  public interface PackagesOn {
    Packages on(ImageCandidate image);
  }

  /**
   * The packages for one image, or the reason there are none; {@code skipped} lists what is not
   * compared (local and VCS sources); {@code unknownDependencies} names chosen releases whose
   * dependencies no source recorded: what else pip would install is unknown, so no verdict
   * better than unknown can be claimed. {@code unread}, a subset of {@code skipped}: inputs of a
   * Dockerfile's installs that could not be read (a requirements file outside the build context, a
   * wheel built in the build): what they install is unknown, so likewise no better verdict.
   */
  public record Packages(List<Wanted> wanted, Optional<String> impossible, List<String> skipped, List<String> unknownDependencies,
      List<String> unread) {
    public Packages {
      wanted = List.copyOf(wanted);
      Objects.requireNonNull(impossible, "impossible");
      skipped = List.copyOf(skipped);
      unknownDependencies = List.copyOf(unknownDependencies);
      unread = List.copyOf(unread);
    }

    public Packages(List<Wanted> wanted, Optional<String> impossible, List<String> skipped, List<String> unknownDependencies) {
      this(wanted, impossible, skipped, unknownDependencies, List.of());
    }

    public Packages(List<Wanted> wanted, Optional<String> impossible, List<String> skipped) {
      this(wanted, impossible, skipped, List.of(), List.of());
    }

    /** These packages, with {@code more} inputs that could not be read (also listed as not compared). */
    public Packages withUnread(List<String> more) {
      if (more.isEmpty()) {
        return this;
      }
      List<String> allSkipped = new java.util.ArrayList<>(skipped);
      allSkipped.addAll(more);
      List<String> allUnread = new java.util.ArrayList<>(unread);
      allUnread.addAll(more);
      return new Packages(wanted, impossible, allSkipped, unknownDependencies, allUnread);
    }

    public static Packages of(List<Wanted> wanted) {
      return new Packages(wanted, Optional.empty(), List.of());
    }
  }

  /** An input file and its kind, as {@code wheelwise.check/1} lists them. */
  public record InputRef(String path, String kind) {}

  /**
   * What the stage does before its pip command.
   *
   * @param systemPackages packages installed by apk/apt lines before pip
   * @param pipCache false when pip runs with {@code --no-cache-dir} (the cache stays in the layer otherwise)
   * @param multiStage whether the final image is another stage than the one that builds
   * @param from the FROM line that names the base image, where image-level findings point
   */
  public record DockerfileSetup(Set<String> systemPackages, boolean pipCache, boolean multiStage, Optional<Origin> from) {
    public DockerfileSetup {
      systemPackages = Set.copyOf(systemPackages);
      Objects.requireNonNull(from, "from");
    }
  }

  public CheckInput {
    inputs = List.copyOf(inputs);
    Objects.requireNonNull(requiresPython, "requiresPython");
    Objects.requireNonNull(packages, "packages");
    Objects.requireNonNull(formats, "formats");
    Objects.requireNonNull(dockerfile, "dockerfile");
  }
}
