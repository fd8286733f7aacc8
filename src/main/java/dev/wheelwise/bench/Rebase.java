package dev.wheelwise.bench;

import dev.wheelwise.dockerfile.Dockerfile;
import dev.wheelwise.dockerfile.DockerfileModel;
import dev.wheelwise.dockerfile.Instruction;
import dev.wheelwise.dockerfile.PythonInstall;
import dev.wheelwise.dockerfile.Stage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The project's Dockerfile with its base image replaced by a candidate, stage-aware: the stages
 * that install Python packages are followed through {@code FROM <stage>} to the stage that names
 * an external image, and that FROM's image word is replaced (whether written literally or
 * through an ARG, whose value the model resolved); other stages (a Node build, a final
 * distroless copy target) keep their images. Without any Python install the final stage's root
 * is replaced. Everything else is kept byte for byte.
 */
public final class Rebase {
  private Rebase() {}

  /** The recipe that builds {@code file} (read with {@code model}) on {@code image}. */
  public static BuildRecipe of(Dockerfile file, DockerfileModel model, Path context, String image) {
    return of(file, model, context, Optional.empty(), image);
  }

  /** The same, {@code path} saying where the Dockerfile is (for its own {@code <name>.dockerignore}). */
  public static BuildRecipe of(Dockerfile file, DockerfileModel model, Path context, Optional<Path> path, String image) {
    List<Instruction> instructions = file.instructions();
    Set<Integer> roots = new TreeSet<>();
    Set<Integer> installLines = new HashSet<>();
    for (Stage stage : model.stages()) {
      if (!stage.pythonInstalls().isEmpty()) {
        roots.add(root(model, stage).index());
        stage.pythonInstalls().stream().map(PythonInstall::instructionLine).forEach(installLines::add);
      }
    }
    if (roots.isEmpty() && model.finalStage() != null) {
      roots.add(root(model, model.finalStage()).index());
    }
    List<int[]> cuts = new ArrayList<>();
    for (int index : roots) {
      Stage stage = model.stages().get(index);
      Instruction from = instructions.stream().filter(i -> i.is("FROM") && i.line() == stage.line()).findFirst()
          .orElseThrow(() -> new IllegalStateException("no FROM at line " + stage.line()));
      imageWord(from).ifPresent(cuts::add);
    }
    cuts.sort(Comparator.comparingInt((int[] c) -> c[0]).reversed());
    StringBuilder text = new StringBuilder(file.text());
    for (int[] cut : cuts) {
      text.replace(cut[0], cut[1], image);
    }
    Set<Integer> steps = new TreeSet<>();
    for (int i = 0; i < instructions.size(); i++) {
      if (instructions.get(i).is("RUN") && installLines.contains(instructions.get(i).line())) {
        steps.add(i + 1);
      }
    }
    return new BuildRecipe(image, text.toString(), Optional.ofNullable(context), java.util.Map.of(), steps, path);
  }

  /** The stage whose FROM names the external image {@code stage} rests on. */
  private static Stage root(DockerfileModel model, Stage stage) {
    Stage s = stage;
    for (int guard = 0; s.baseStage() != null && guard < model.stages().size(); guard++) {
      s = model.stages().get(s.baseStage());
    }
    return s;
  }

  /** File offsets [start, end) of the image word of a FROM (after its flags). */
  private static Optional<int[]> imageWord(Instruction from) {
    String rest = from.rest();
    int start = 0;
    while (start < rest.length() && Character.isWhitespace(rest.charAt(start))) {
      start++;
    }
    int end = start;
    while (end < rest.length() && !Character.isWhitespace(rest.charAt(end))) {
      end++;
    }
    if (end == start) {
      return Optional.empty();
    }
    return Optional.of(new int[] {from.restMap().fileOffset(start), from.restMap().fileOffset(end - 1) + 1});
  }
}
