package dev.wheelwise.dockerfile;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Python install command found in a RUN: {@code tool} is {@code pip} ({@code pip-wheel} for
 * {@code pip wheel}, which chooses files the same way), {@code uv-pip}, {@code
 * uv-sync}, {@code poetry}, {@code pipenv}, {@code pdm}, {@code conda} (also mamba and
 * micromamba) or {@code pipx}; {@code command} the words that name it ({@code python3 -m pip
 * install}). {@code requirements} are the requirement arguments exactly as written (PEP 508
 * strings, URLs) for the pep508 package to parse; {@code inputs} the files it reads; {@code
 * environment} the {@code PIP_*}/{@code UV_*}/… variables in effect (ENV, ARG and inline
 * assignments); {@code selection} what all of it means for file choice. Words a tool takes
 * neither as option nor as requirement (an unexpanded {@code $FLAGS} after {@code uv sync})
 * are kept in {@code options} under their own text, with no value.
 */
public record PythonInstall(
    String tool,
    String command,
    List<CommandOption> options,
    List<String> requirements,
    List<DependencyInput> inputs,
    Map<String, String> environment,
    FileSelection selection,
    List<String> words,
    int line,
    int column,
    int instructionLine,
    boolean conditional)
    implements Step {

  public PythonInstall {
    options = List.copyOf(options);
    requirements = List.copyOf(requirements);
    inputs = List.copyOf(inputs);
    environment = Map.copyOf(environment);
    words = List.copyOf(words);
  }

  /** Whether option {@code --name} (long form) was given. */
  public boolean has(String name) {
    return options.stream().anyMatch(o -> o.name().equals(name));
  }

  /** The last value of option {@code --name} (long form). */
  public Optional<String> option(String name) {
    String found = null;
    for (CommandOption o : options) {
      if (o.name().equals(name)) {
        found = o.value();
      }
    }
    return Optional.ofNullable(found);
  }

  /** Every value of a repeatable option such as {@code --extra-index-url}. */
  public List<String> optionValues(String name) {
    return options.stream().filter(o -> o.name().equals(name) && o.value() != null).map(CommandOption::value).toList();
  }
}
