package dev.wheelwise.advise;

import dev.wheelwise.dockerfile.DependencyInput;
import dev.wheelwise.dockerfile.DockerfileModel;
import dev.wheelwise.dockerfile.FileSelection;
import dev.wheelwise.dockerfile.LockExport;
import dev.wheelwise.dockerfile.PackageOp;
import dev.wheelwise.dockerfile.PythonInstall;
import dev.wheelwise.dockerfile.Stage;
import dev.wheelwise.project.GroupSelection;
import dev.wheelwise.project.InputParseError;
import dev.wheelwise.project.LockToolSettings;
import dev.wheelwise.project.LockedSet;
import dev.wheelwise.project.LooseRequirement;
import dev.wheelwise.project.Origin;
import dev.wheelwise.project.ProjectInputs;
import dev.wheelwise.project.RequirementSet;
import dev.wheelwise.project.RequirementsFileReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A Dockerfile as the comparison's input: the stage that runs pip, its base image, the system
 * packages its apk/apt lines install before pip, pip's format options and cache, and what pip
 * installs (command-line requirements, {@code -r} files from the build context, the lock of
 * {@code uv sync}, {@code poetry install}, {@code pdm install/sync} or {@code pipenv install} with
 * the groups and extras the command selects ({@link ToolSelections}), and a requirements file an
 * earlier {@code uv export}/{@code poetry export} of the stage wrote from its lock). Installs by
 * other tools (conda, pipx) are listed as skipped.
 */
public final class DockerfileInputs {
  private DockerfileInputs() {}

  /**
   * What the Dockerfile asks for.
   *
   * @param baseImage the external image the pip stage rests on, when known
   * @param input the packages and setup
   * @param notes how the Dockerfile was read where that is not plain (a builder's pip wheel compared
   *     in place of the install of its wheels, a tool selection that cannot be reproduced exactly);
   *     what was not compared is in each image's packages instead
   */
  public record Read(Optional<String> baseImage, CheckInput input, List<String> notes) {}

  public static Read read(DockerfileModel model, Path dockerfile, Path context, FileSource source) {
    List<String> notes = new ArrayList<>();
    List<CheckInput.InputRef> refs = new ArrayList<>(List.of(new CheckInput.InputRef(dockerfile.toString(), "Dockerfile")));
    Stage pipStage = null;
    for (Stage s : model.stages()) {
      if (!s.pythonInstalls().isEmpty()) {
        pipStage = s;
      }
    }
    Stage last = model.finalStage();
    if (pipStage == null) {
      notes.add("no pip, uv, poetry, pipenv, pdm or conda install found in any stage");
      Optional<String> base = last == null ? Optional.empty() : Optional.ofNullable(last.image());
      Optional<Origin> from = last == null ? Optional.empty() : Optional.of(fromLine(model, last, dockerfile));
      return new Read(base, new CheckInput(refs, Optional.empty(), image -> CheckInput.Packages.of(List.of()), FormatControl.DEFAULT,
          Optional.of(new CheckInput.DockerfileSetup(Set.of(), false, false, from))), notes);
    }
    boolean multiStage = last != null && last != pipStage;
    Set<String> systemPackages = stagePackages(model, pipStage);
    FormatControl formats = FormatControl.DEFAULT;
    boolean pipCache = false;
    List<RequirementInputs.Written> written = new ArrayList<>();
    List<SelectedLock> locks = new ArrayList<>();
    // Inputs that could not be read (their packages are unknown) and installs by other tools (conda, pipx).
    List<String> skipped = new ArrayList<>();
    List<String> otherTools = new ArrayList<>();
    WheelDirs wheelDirs = WheelDirs.of(model);
    List<String> projectPythons = new ArrayList<>();
    for (WheelDirs.Staged staged : wheelDirs.withBuilders(model, pipStage)) {
      Stage stage = staged.stage();
      PythonInstall install = staged.install();
      if (!Set.of("pip", "pip-wheel", "uv-pip", "uv-sync", "poetry", "pdm", "pipenv").contains(install.tool())) {
        otherTools.add(install.tool() + " install at line " + install.line());
        continue;
      }
      if (staged.builder()) {
        // The compile happens in the builder: its compilers and -dev packages do not ship.
        multiStage = true;
        String where = " (stage " + (stage.name() != null ? stage.name() : "#" + stage.index()) + ")";
        notes.add(staged.copied()
            ? "compared: the install at line " + install.line() + where + ", on that stage's image: its environment is copied in "
                + "before line " + staged.installedAt() + " runs the same command again, which installs nothing of its own"
            : "compared: what 'pip wheel' at line " + install.line() + where + " builds on that stage's image, whose wheels line "
                + staged.installedAt() + " installs");
        systemPackages.addAll(stagePackages(model, stage));
      }
      for (PackageOp op : stage.packageOpsBefore(install)) {
        if (op.action().equals("install")) {
          op.packages().forEach(p -> systemPackages.add(p.replaceAll("[=<>~].*$", "")));
        }
      }
      FileSelection sel = install.selection();
      formats = formats.withPreferBinary(formats.preferBinary() || sel.preferBinary()).withPre(sel.pre());
      for (String v : sel.onlyBinary()) {
        formats = formats.withOnlyBinary(v);
      }
      for (String v : sel.noBinary()) {
        formats = formats.withNoBinary(v);
      }
      pipCache |= install.tool().equals("pip") && !sel.noCache() && sel.cacheMounts().isEmpty();
      Origin where = new Origin(dockerfile.toString(), install.line());
      Map<String, LockExport> exported = new java.util.HashMap<>();
      stage.lockExportsBefore(install).forEach(e -> exported.put(e.output(), e));
      for (String r : install.requirements()) {
        written.add(new RequirementInputs.Written(r, where));
      }
      for (DependencyInput in : staged.requirementsOnly() ? List.<DependencyInput>of() : install.inputs()) {
        Optional<Path> file = inContext(in, context);
        Optional<Path> project = in.kind().equals("path") || in.kind().equals("editable") ? localProject(in, context) : Optional.empty();
        LockExport export = in.kind().equals("requirements") && in.containerPath() != null ? exported.get(in.containerPath()) : null;
        if (export != null) {
          // The file is written in the build from the lock: what it installs is the lock's selection.
          Optional<DependencyInput> lockInput = export.inputs().stream().filter(i -> isLock(i.argument())).findFirst();
          Optional<Path> lockFile = lockInput.flatMap(i -> inContext(i, context));
          if (lockFile.isEmpty()) {
            skipped.add("requirements " + in.argument() + " (written by '" + export.command() + "' at line " + export.line()
                + " from " + lockInput.map(DependencyInput::argument).orElse("a lock") + ", which is not found in the build context)");
            continue;
          }
          readLock(lockFile.get(), export.tool().equals("uv") ? "uv" : "poetry-export", export.options(), refs, locks, notes, skipped);
        } else if (in.kind().equals("requirements") && file.isPresent()) {
          RequirementSet set;
          try {
            set = new RequirementsFileReader(Map.of()).read(file.get());
          } catch (InputParseError e) {
            skipped.add("requirements " + in.argument() + " (could not be read: " + e.getMessage() + ")");
            continue;
          }
          refs.add(new CheckInput.InputRef(file.get().toString(), "requirements.txt"));
          for (LooseRequirement r : set.requirements()) {
            written.add(new RequirementInputs.Written(r.text(), r.origin()));
          }
          for (String v : set.options().onlyBinary()) {
            formats = formats.withOnlyBinary(v);
          }
          for (String v : set.options().noBinary()) {
            formats = formats.withNoBinary(v);
          }
          formats = formats.withPreferBinary(formats.preferBinary() || set.options().preferBinary()).withPre(set.options().pre());
        } else if (in.kind().equals("project") && file.isPresent() && isLock(file.get().getFileName().toString())) {
          readLock(file.get(), install.tool(), install.options(), refs, locks, notes, skipped);
        } else if (project.isPresent()) {
          LocalProjectInputs.read(project.get(), in, install, refs, written, notes, skipped)
              .ifPresent(projectPythons::add);
        } else if (in.kind().equals("path") && wheelDirs.builderOf(in).isPresent()) {
          // The wheels an earlier 'pip wheel' built: its requirements are compared in its place.
          continue;
        } else if (in.kind().equals("project") && file.isPresent() && install.inputs().stream()
            .anyMatch(i -> i.kind().equals("project") && isLock(i.argument()) && inContext(i, context).isPresent())) {
          // pyproject.toml and Pipfile: the roots beside the lock the same command reads.
          continue;
        } else {
          skipped.add(in.kind() + " " + in.argument() + (file.isEmpty() ? " (not found in the build context)" : " (not read)"));
        }
      }
    }
    List<RequirementInputs.Written> requirements = List.copyOf(written);
    List<SelectedLock> lockSets = List.copyOf(locks);
    List<String> unreadHere = List.copyOf(skipped);
    List<String> skippedHere = new ArrayList<>(otherTools);
    skippedHere.addAll(skipped);
    CheckInput.DockerfileSetup setup = new CheckInput.DockerfileSetup(systemPackages, pipCache, multiStage,
        Optional.of(fromLine(model, pipStage, dockerfile)));
    FormatControl finalFormats = formats;
    // The Python range the image must satisfy: the one lock's, else the one local project's.
    Optional<String> requiresPython = lockSets.size() == 1 ? lockSets.get(0).lock().requiresPython()
        : lockSets.isEmpty() && projectPythons.size() == 1 ? Optional.of(projectPythons.get(0)) : Optional.empty();
    CheckInput input = new CheckInput(refs, requiresPython, image -> {
      List<Wanted> wanted = new ArrayList<>();
      List<String> notCompared = new ArrayList<>(skippedHere);
      CheckInput.Packages fromRequirements = RequirementInputs.packagesOn(requirements, source, image, finalFormats);
      notCompared.addAll(fromRequirements.skipped());
      if (fromRequirements.impossible().isPresent()) {
        // pip's resolver finds no solution: the pip step fails, so the image cannot install the project.
        return new CheckInput.Packages(List.of(), fromRequirements.impossible(), notCompared);
      }
      wanted.addAll(fromRequirements.wanted());
      List<String> unknownDependencies = fromRequirements.unknownDependencies();
      for (SelectedLock lock : lockSets) {
        CheckInput.Packages p = LockedInputs.packagesOn(lock.lock(), lock.selection(), image);
        if (p.impossible().isPresent()) {
          return new CheckInput.Packages(List.of(), p.impossible(), notCompared);
        }
        wanted.addAll(p.wanted());
        notCompared.addAll(p.skipped());
      }
      return new CheckInput.Packages(distinctPins(wanted), Optional.empty(), notCompared, unknownDependencies, unreadHere);
    }, finalFormats, Optional.of(setup));
    return new Read(Optional.ofNullable(pipStage.image()), input, notes);
  }

  /**
   * One entry per package pinned to one version. Two installs of it (one lock synced twice with
   * other groups, or in both branches of a shell {@code if}) install it once: pip's second is a
   * no-op, and a plan that listed it twice counted one source build as two.
   */
  private static List<Wanted> distinctPins(List<Wanted> wanted) {
    Set<String> seen = new HashSet<>();
    List<Wanted> out = new ArrayList<>();
    for (Wanted w : wanted) {
      if (w.versions().pin().isEmpty() || seen.add(w.name() + "==" + w.versions().pin().get())) {
        out.add(w);
      }
    }
    return out;
  }

  /** The system packages the stages {@code stage} is built FROM installed: they are in its filesystem too. */
  private static Set<String> stagePackages(DockerfileModel model, Stage stage) {
    Set<String> out = new LinkedHashSet<>();
    for (Integer parent = stage.baseStage(); parent != null && parent >= 0 && parent < model.stages().size();
        parent = model.stages().get(parent).baseStage()) {
      for (PackageOp op : model.stages().get(parent).packageOps()) {
        if (op.action().equals("install")) {
          op.packages().forEach(p -> out.add(p.replaceAll("[=<>~].*$", "")));
        }
      }
      if (model.stages().get(parent).baseStage() != null && model.stages().get(parent).baseStage() >= parent) {
        break;
      }
    }
    return out;
  }

  private static boolean isLock(String name) {
    try {
      Path file = Path.of(name).getFileName();
      return file != null && ProjectInputs.kindOf(file).map(dev.wheelwise.project.InputKind::locked).orElse(false);
    } catch (java.nio.file.InvalidPathException e) {
      return false;
    }
  }

  /** A lock a command installs, with the groups and extras it selects. */
  private record SelectedLock(LockedSet lock, GroupSelection selection) {}

  /** Reads the lock {@code tool} installs from, with the tool's selection; a lock that cannot be read is skipped, saying why. */
  private static void readLock(Path file, String tool, List<dev.wheelwise.dockerfile.CommandOption> options,
      List<CheckInput.InputRef> refs, List<SelectedLock> locks, List<String> notes, List<String> skipped) {
    String name = file.getFileName().toString();
    LockedSet lock;
    try {
      lock = (LockedSet) new ProjectInputs(Map.of()).read(file);
    } catch (InputParseError e) {
      skipped.add(name + " " + file + " (could not be read: " + e.getMessage() + ")");
      return;
    }
    if (!lock.rootsKnown()) {
      skipped.add(name + " " + file + " (its roots are in a pyproject.toml not found beside it in the build context)");
      return;
    }
    // uv's default groups and Poetry's optional groups are in the pyproject.toml beside the lock.
    LockToolSettings settings = LockToolSettings.DEFAULT;
    try {
      settings = LockToolSettings.read(file.resolveSibling("pyproject.toml")).orElse(LockToolSettings.DEFAULT);
    } catch (InputParseError e) {
      notes.add(name + ": the tool settings of its pyproject.toml could not be read, so the tool's own default groups are used: " + e.getMessage());
    }
    ToolSelections.Selected selected = ToolSelections.of(tool, options, lock, settings);
    selected.notes().forEach(n -> notes.add(name + ": " + n));
    refs.add(new CheckInput.InputRef(file.toString(), lock.kind().toString()));
    locks.add(new SelectedLock(lock, selected.selection()));
  }

  /** The FROM line that names the external image a stage rests on (through {@code FROM <stage>}). */
  private static Origin fromLine(DockerfileModel model, Stage stage, Path dockerfile) {
    Stage root = stage;
    // Stages build only FROM earlier ones; the bound keeps a malformed model from looping.
    while (root.baseStage() != null && root.baseStage() >= 0 && root.baseStage() < root.index()) {
      root = model.stages().get(root.baseStage());
    }
    return new Origin(dockerfile.toString(), root.line());
  }

  /** The pyproject.toml of a local project folder an install names ({@code pip install .}), when the build context has one. */
  private static Optional<Path> localProject(DependencyInput in, Path context) {
    if (in.contextPath() == null || !Boolean.TRUE.equals(in.inContext())) {
      return Optional.empty();
    }
    Path folder = context.resolve(in.contextPath()).normalize();
    Path pyproject = folder.resolve("pyproject.toml");
    return Files.isDirectory(folder) && Files.isRegularFile(pyproject) ? Optional.of(pyproject) : Optional.empty();
  }

  private static Optional<Path> inContext(DependencyInput in, Path context) {
    if (in.contextPath() == null || !Boolean.TRUE.equals(in.inContext())) {
      return Optional.empty();
    }
    Path p = context.resolve(in.contextPath()).normalize();
    return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
  }
}
