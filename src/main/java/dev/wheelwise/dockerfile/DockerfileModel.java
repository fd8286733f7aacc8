package dev.wheelwise.dockerfile;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What a Dockerfile means for Python packaging: the ARGs before FROM, and per stage the
 * resolved base image and the Python installs and system package operations, each traced to
 * build-context files where it reads them. The last stage is the one {@code docker build}
 * produces without {@code --target}.
 */
public record DockerfileModel(String source, Map<String, String> buildArgs, List<MetaArg> metaArgs, List<Stage> stages) {

  public DockerfileModel {
    buildArgs = Map.copyOf(buildArgs);
    metaArgs = List.copyOf(metaArgs);
    stages = List.copyOf(stages);
  }

  /**
   * Analyses {@code file} with {@code --build-arg} values; {@code context} is the build
   * context folder (null when unknown: then COPY sources are trusted without checking).
   */
  public static DockerfileModel of(Dockerfile file, Map<String, String> buildArgs, Path context) {
    return new ModelBuilder(file, buildArgs, context).build();
  }

  /** The stage {@code docker build} builds by default: the last one (null without FROM). */
  public Stage finalStage() {
    return stages.isEmpty() ? null : stages.get(stages.size() - 1);
  }
}
