package dev.wheelwise.bench;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * One real build of the project on one image, as the engine reported it.
 *
 * @param image the candidate image the project's base was replaced with
 * @param platform the platform asked of the engine ({@code linux/amd64})
 * @param run which repetition (1-based)
 * @param built true when the engine produced an image
 * @param failedStep the Dockerfile step that failed ({@code Step N/M}), with its instruction text
 * @param errorLine the first line of the failing step's output that says what broke (a compiler
 *     or pip {@code error:} line), else the engine's error message
 * @param failedPackage the package pip was building or installing when the step failed
 * @param wallSeconds the whole build, from sending the context to the engine's last message
 * @param dependencySeconds the steps that install Python packages, from the stream's step marks;
 *     empty when no step was recognised as one
 * @param imageBytes the built image's size as the engine reports it (uncompressed)
 * @param sourceBuilds the packages pip built from sdists, with the seconds between pip's
 *     "Building wheel for X … started" and "… finished" lines (or the build's failure)
 */
public record Measurement(
    String image,
    String platform,
    int run,
    boolean built,
    Optional<FailedStep> failedStep,
    Optional<String> errorLine,
    Optional<String> failedPackage,
    double wallSeconds,
    OptionalDouble dependencySeconds,
    OptionalLong imageBytes,
    List<SourceBuild> sourceBuilds) {

  /** The step that failed: its number, the count, and the instruction as the engine printed it. */
  public record FailedStep(int number, int of, String instruction) {}

  /** A package built from its sdist during the build, and how long pip spent on it. */
  public record SourceBuild(String name, Optional<String> version, OptionalDouble seconds, boolean succeeded) {}

  public Measurement {
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(platform, "platform");
    Objects.requireNonNull(failedStep, "failedStep");
    Objects.requireNonNull(errorLine, "errorLine");
    Objects.requireNonNull(failedPackage, "failedPackage");
    Objects.requireNonNull(dependencySeconds, "dependencySeconds");
    Objects.requireNonNull(imageBytes, "imageBytes");
    sourceBuilds = List.copyOf(sourceBuilds);
  }

  /** The failing step's number, when the build failed at one. */
  public OptionalInt failedStepNumber() {
    return failedStep.map(s -> OptionalInt.of(s.number())).orElse(OptionalInt.empty());
  }
}
