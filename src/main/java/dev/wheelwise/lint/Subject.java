package dev.wheelwise.lint;

import dev.wheelwise.SourceSpan;
import dev.wheelwise.dockerfile.Dockerfile;
import dev.wheelwise.dockerfile.DockerfileModel;
import dev.wheelwise.dockerfile.Instruction;
import dev.wheelwise.dockerfile.Run;
import dev.wheelwise.dockerfile.Stage;
import dev.wheelwise.dockerfile.Step;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a rule sees: the parsed file (every instruction, comments kept), its model (stages,
 * resolved base images, Python installs, package operations, RUN commands), the names at the
 * root of the build context (empty when the Dockerfile came from standard input) and, for the
 * wheel-aware rules, check's plan for the stage that installs Python packages; and the
 * registries FROM may use (configuration, for DL3026).
 */
public record Subject(
    Dockerfile file, DockerfileModel model, Set<String> contextFiles, Optional<Wheels> wheels, Set<String> trustedRegistries) {

  public Subject {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(model, "model");
    contextFiles = Set.copyOf(contextFiles);
    Objects.requireNonNull(wheels, "wheels");
    trustedRegistries = Set.copyOf(trustedRegistries);
  }

  /** The RUN a recognized command sits in. */
  public Optional<Run> runOf(Step step) {
    return stageAt(step.instructionLine()).flatMap(s -> s.runs().stream().filter(r -> r.line() == step.instructionLine()).findFirst());
  }

  public List<Instruction> instructions() {
    return file.instructions();
  }

  /** The stage an instruction at {@code line} belongs to, empty before the first FROM. */
  public Optional<Stage> stageAt(int line) {
    Stage found = null;
    for (Stage s : model.stages()) {
      if (s.line() <= line) {
        found = s;
      }
    }
    return Optional.ofNullable(found);
  }

  /** The FROM instruction of a stage. */
  public Instruction from(Stage stage) {
    return instructions().stream().filter(i -> i.line() == stage.line() && i.is("from")).findFirst().orElseThrow();
  }

  /** The instruction that starts on {@code line}. */
  public Optional<Instruction> instructionAt(int line) {
    return instructions().stream().filter(i -> i.line() == line).findFirst();
  }

  /**
   * Whether a later stage copies from this one or builds on it and it is not the last: a builder
   * stage, whose layers do not ship (hadolint#1056).
   */
  public boolean isBuilder(Stage stage) {
    if (stage == model.finalStage()) {
      return false;
    }
    Set<String> names = new HashSet<>(Set.of(String.valueOf(stage.index())));
    if (stage.name() != null) {
      names.add(stage.name().toLowerCase(Locale.ROOT));
    }
    for (Stage later : model.stages()) {
      if (later.index() > stage.index() && Objects.equals(later.baseStage(), stage.index())) {
        return true;
      }
    }
    for (Instruction i : instructions()) {
      if (i.line() > stage.line() && (i.is("copy") || i.is("add"))) {
        Optional<String> from = i.flag("from");
        if (from.isPresent() && names.contains(from.get().toLowerCase(Locale.ROOT))) {
          return true;
        }
      }
      if (i.is("run") && i.line() > stage.line()) {
        for (String mount : i.flagValues("mount")) {
          for (String part : mount.split(",")) {
            if (part.toLowerCase(Locale.ROOT).startsWith("from=") && names.contains(part.substring(5).toLowerCase(Locale.ROOT))) {
              return true;
            }
          }
        }
      }
    }
    return false;
  }

  SourceSpan span(int offset, int length) {
    return SourceSpan.at(file.source(), file.text(), offset, length);
  }

  SourceSpan lineSpan(int line) {
    String text = file.text();
    int offset = 0;
    for (int l = 1; l < line && offset >= 0; l++) {
      offset = text.indexOf('\n', offset);
      offset = offset < 0 ? -1 : offset + 1;
    }
    return span(Math.max(0, offset), 1);
  }
}
