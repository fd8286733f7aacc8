package dev.wheelwise.dockerfile;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What a recognizer needs to know about the RUN a command sits in: the environment (ENV and
 * ARG values of the stage), the working directory, how to trace an image path back to the
 * build context, the RUN's cache mounts, and where things are in the file.
 */
record RunContext(
    Map<String, String> environment,
    String workdir,
    Function<String, DependencyInput.Traced> contextPathOf,
    List<String> cacheMounts,
    int instructionLine,
    LineIndex lines) {

  /** The absolute image path of {@code path} as seen from the working directory. */
  String absolute(String path) {
    return Paths.resolve(workdir, path);
  }
}
