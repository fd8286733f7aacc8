package dev.wheelwise.dockerfile;

import java.util.List;

/**
 * A lock written out as a requirements file inside a RUN, for a later {@code pip install -r} or
 * {@code uv pip install -r} to install: {@code uv export --output-file F} or {@code poetry export
 * --output F}. {@code tool} is {@code uv} or {@code poetry}; {@code output} the file's absolute
 * path in the image; {@code inputs} the lock and pyproject.toml it reads (traced to the build
 * context as an install's are); {@code options} every option given, for the groups and extras it
 * selects. A redirect ({@code uv export > F}) is not recognized: the shell splitter drops
 * redirect targets, and the file then stays a requirements file not found in the context.
 */
public record LockExport(
    String tool,
    String command,
    List<CommandOption> options,
    String output,
    List<DependencyInput> inputs,
    int line,
    int column,
    int instructionLine,
    boolean conditional)
    implements Step {

  public LockExport {
    options = List.copyOf(options);
    inputs = List.copyOf(inputs);
  }
}
