package dev.wheelwise.advise;

import dev.wheelwise.dockerfile.CommandOption;
import dev.wheelwise.dockerfile.DependencyInput;
import dev.wheelwise.dockerfile.DockerfileModel;
import dev.wheelwise.dockerfile.PythonInstall;
import dev.wheelwise.dockerfile.Stage;
import dev.wheelwise.dockerfile.StageCopy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The folders {@code pip wheel --wheel-dir D} fills, and the later installs that read them: the
 * common builder pattern ({@code pip wheel -w /wheels -r requirements.txt} in a stage with a
 * compiler, then {@code pip install /wheels/*} in a slim final stage). Files are chosen and sdists
 * built by the {@code pip wheel} step, on its stage's image, so that step is what a comparison
 * must judge; the final install of its folder ({@code /wheels/*}, or {@code --no-index
 * --find-links /wheels}) adds nothing of its own.
 */
final class WheelDirs {
  /**
   * An install to compare and the stage it runs in.
   *
   * @param installedAt for a builder stage's {@code pip wheel}, the line of the install that reads
   *     its wheels; 0 for an install in the final image's own stages
   * @param requirementsOnly compare only the requirements the command names, not the files it reads
   */
  record Staged(Stage stage, PythonInstall install, int installedAt, boolean requirementsOnly, boolean copied) {
    Staged(Stage stage, PythonInstall install, int installedAt) {
      this(stage, install, installedAt, false, false);
    }

    Staged(Stage stage, PythonInstall install, int installedAt, boolean requirementsOnly) {
      this(stage, install, installedAt, requirementsOnly, false);
    }

    boolean builder() {
      return installedAt > 0;
    }
  }

  private final Map<String, Staged> byDir;

  private WheelDirs(Map<String, Staged> byDir) {
    this.byDir = byDir;
  }

  static WheelDirs of(DockerfileModel model) {
    Map<String, Staged> byDir = new LinkedHashMap<>();
    for (Stage stage : model.stages()) {
      for (PythonInstall install : stage.pythonInstalls()) {
        if (!install.tool().equals("pip-wheel")) {
          continue;
        }
        for (CommandOption o : install.options()) {
          if (o.name().equals("--wheel-dir") && o.value() != null && !o.value().contains("$")) {
            byDir.put(trim(o.value()), new Staged(stage, install, 0));
          }
        }
      }
    }
    return new WheelDirs(byDir);
  }

  /** The {@code pip wheel} that filled the folder {@code in} (a path argument: {@code /wheels/*}, {@code /wheels/x.whl}) names. */
  Optional<Staged> builderOf(DependencyInput in) {
    for (String path : new String[] {in.containerPath(), in.argument()}) {
      if (path == null) {
        continue;
      }
      for (Map.Entry<String, Staged> e : byDir.entrySet()) {
        String dir = e.getKey();
        if (path.equals(dir) || path.startsWith(dir + "/")) {
          return Optional.of(e.getValue());
        }
      }
    }
    return Optional.empty();
  }

  /**
   * The installs of {@code pipStage} and of the stages it is built FROM (their packages are in its
   * filesystem), oldest first, each preceded by the {@code pip wheel} of another stage whose
   * folder it installs (once).
   */
  List<Staged> withBuilders(DockerfileModel model, Stage pipStage) {
    List<Stage> chain = new ArrayList<>(List.of(pipStage));
    for (Stage s = pipStage; s.baseStage() != null && s.baseStage() >= 0 && s.baseStage() < s.index(); ) {
      s = model.stages().get(s.baseStage());
      chain.add(0, s);
    }
    List<Staged> out = new ArrayList<>();
    List<PythonInstall> added = new ArrayList<>();
    for (Stage stage : chain) {
      addWithBuilders(model, stage, chain, added, out);
    }
    return out;
  }

  private void addWithBuilders(DockerfileModel model, Stage stage, List<Stage> chain, List<PythonInstall> added, List<Staged> out) {
    for (PythonInstall install : stage.pythonInstalls()) {
      Optional<Staged> copied = copiedEnvironment(model, stage, install, chain);
      if (copied.isPresent()) {
        // The environment was built in another stage and copied in; this same command run again
        // on it finds everything installed. What ships is what that stage installed, on its image.
        if (!added.contains(copied.get().install())) {
          added.add(copied.get().install());
          out.add(copied.get());
        }
        continue;
      }
      Optional<Staged> fromIndex = onlyFromWheelDir(install);
      List<Staged> builders = new ArrayList<>();
      fromIndex.ifPresent(builders::add);
      for (DependencyInput in : install.inputs()) {
        if (in.kind().equals("path")) {
          builderOf(in).ifPresent(builders::add);
        }
      }
      for (Staged builder : builders) {
        if (!chain.contains(builder.stage()) && !added.contains(builder.install())) {
          added.add(builder.install());
          out.add(new Staged(builder.stage(), builder.install(), install.line()));
        }
      }
      // A --no-index install from the folder reads its files (often a requirements file the
      // builder had) through the builder; the requirements it names itself are still its own.
      out.add(new Staged(stage, install, 0, fromIndex.isPresent()));
    }
  }

  /**
   * The install of another stage that {@code install} repeats on an environment copied from it:
   * an earlier {@code COPY --from} of that stage in {@code stage}, and there (or in a stage it is
   * built FROM) the very same command. The common poetry template builds the venv in a builder
   * stage with compilers, copies it into a slim stage and runs {@code poetry install} again there,
   * which installs nothing. Only the same words count: another command may install more.
   */
  private static Optional<Staged> copiedEnvironment(DockerfileModel model, Stage stage, PythonInstall install, List<Stage> chain) {
    for (StageCopy copy : stage.copies()) {
      if (copy.line() >= install.instructionLine() || copy.fromStage() >= model.stages().size()) {
        continue;
      }
      for (Stage s = model.stages().get(copy.fromStage()); s != null && !chain.contains(s);
          s = s.baseStage() != null && s.baseStage() >= 0 && s.baseStage() < s.index() ? model.stages().get(s.baseStage()) : null) {
        for (PythonInstall earlier : s.pythonInstalls()) {
          if (earlier.tool().equals(install.tool()) && earlier.words().equals(install.words())) {
            return Optional.of(new Staged(s, earlier, install.line(), false, true));
          }
        }
      }
    }
    return Optional.empty();
  }

  /**
   * The {@code pip wheel} whose folder is the only place {@code install} may take files from
   * ({@code pip install --no-index --find-links /wheels -r requirements.txt}): it installs what
   * that step built, so the step is compared in its place.
   */
  private Optional<Staged> onlyFromWheelDir(PythonInstall install) {
    if (!install.tool().equals("pip") || install.options().stream().noneMatch(o -> o.name().equals("--no-index"))) {
      return Optional.empty();
    }
    for (CommandOption o : install.options()) {
      if (o.name().equals("--find-links") && o.value() != null) {
        Staged builder = byDir.get(trim(o.value().replaceFirst("^file://", "")));
        if (builder != null) {
          return Optional.of(builder);
        }
      }
    }
    return Optional.empty();
  }

  private static String trim(String dir) {
    String d = dir;
    while (d.length() > 1 && d.endsWith("/")) {
      d = d.substring(0, d.length() - 1);
    }
    return d;
  }
}
