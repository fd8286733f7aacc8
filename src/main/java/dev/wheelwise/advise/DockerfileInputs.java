package dev.wheelwise.advise;

import dev.wheelwise.dockerfile.DependencyInput;
import dev.wheelwise.dockerfile.DockerfileModel;
import dev.wheelwise.dockerfile.FileSelection;
import dev.wheelwise.dockerfile.PackageOp;
import dev.wheelwise.dockerfile.PythonInstall;
import dev.wheelwise.dockerfile.Stage;
import dev.wheelwise.project.GroupSelection;
import dev.wheelwise.project.InputParseError;
import dev.wheelwise.project.LockedSet;
import dev.wheelwise.project.LooseRequirement;
import dev.wheelwise.project.Origin;
import dev.wheelwise.project.RequirementSet;
import dev.wheelwise.project.RequirementsFileReader;
import dev.wheelwise.project.UvLockReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A Dockerfile as the comparison's input: the stage that runs pip, its base image, the system
 * packages its apk/apt lines install before pip, pip's format options and cache, and what pip
 * installs (command-line requirements, {@code -r} files from the build context, a uv.lock for
 * {@code uv sync}). Installs by other tools (poetry, pipenv, conda…) are listed as skipped.
 */
public final class DockerfileInputs {
  private DockerfileInputs() {}

  /**
   * What the Dockerfile asks for.
   *
   * @param baseImage the external image the pip stage rests on, when known
   * @param input the packages and setup
   * @param notes what was not understood or not compared
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
    Set<String> systemPackages = new LinkedHashSet<>();
    // Packages the stages this one is built FROM installed are in its filesystem too.
    for (Integer parent = pipStage.baseStage(); parent != null && parent >= 0 && parent < model.stages().size();
        parent = model.stages().get(parent).baseStage()) {
      for (PackageOp op : model.stages().get(parent).packageOps()) {
        if (op.action().equals("install")) {
          op.packages().forEach(p -> systemPackages.add(p.replaceAll("[=<>~].*$", "")));
        }
      }
      if (model.stages().get(parent).baseStage() != null && model.stages().get(parent).baseStage() >= parent) {
        break;
      }
    }
    FormatControl formats = FormatControl.DEFAULT;
    boolean pipCache = false;
    List<RequirementInputs.Written> written = new ArrayList<>();
    List<LockedSet> locks = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    for (PythonInstall install : pipStage.pythonInstalls()) {
      if (!install.tool().equals("pip") && !install.tool().equals("uv-pip") && !install.tool().equals("uv-sync")) {
        skipped.add(install.tool() + " install at line " + install.line());
        continue;
      }
      for (PackageOp op : pipStage.packageOpsBefore(install)) {
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
      for (String r : install.requirements()) {
        written.add(new RequirementInputs.Written(r, where));
      }
      for (DependencyInput in : install.inputs()) {
        Optional<Path> file = inContext(in, context);
        if (in.kind().equals("requirements") && file.isPresent()) {
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
        } else if (in.kind().equals("project") && file.isPresent() && file.get().getFileName().toString().equals("uv.lock")) {
          try {
            locks.add(UvLockReader.read(file.get()));
          } catch (InputParseError e) {
            skipped.add("uv.lock " + in.argument() + " (could not be read: " + e.getMessage() + ")");
            continue;
          }
          refs.add(new CheckInput.InputRef(file.get().toString(), "uv.lock"));
        } else {
          skipped.add(in.kind() + " " + in.argument() + (file.isEmpty() ? " (not found in the build context)" : " (not read)"));
        }
      }
    }
    notes.addAll(skipped);
    List<RequirementInputs.Written> requirements = List.copyOf(written);
    List<LockedSet> lockSets = List.copyOf(locks);
    List<String> skippedHere = List.copyOf(skipped);
    CheckInput.DockerfileSetup setup = new CheckInput.DockerfileSetup(systemPackages, pipCache, multiStage,
        Optional.of(fromLine(model, pipStage, dockerfile)));
    FormatControl finalFormats = formats;
    Optional<String> requiresPython = lockSets.size() == 1 ? lockSets.get(0).requiresPython() : Optional.empty();
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
      for (LockedSet lock : lockSets) {
        CheckInput.Packages p = LockedInputs.packagesOn(lock, GroupSelection.DEFAULT, image);
        if (p.impossible().isPresent()) {
          return new CheckInput.Packages(List.of(), p.impossible(), notCompared);
        }
        wanted.addAll(p.wanted());
        notCompared.addAll(p.skipped());
      }
      return new CheckInput.Packages(wanted, Optional.empty(), notCompared, unknownDependencies);
    }, finalFormats, Optional.of(setup));
    return new Read(Optional.ofNullable(pipStage.image()), input, notes);
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

  private static Optional<Path> inContext(DependencyInput in, Path context) {
    if (in.contextPath() == null || !Boolean.TRUE.equals(in.inContext())) {
      return Optional.empty();
    }
    Path p = context.resolve(in.contextPath()).normalize();
    return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
  }
}
