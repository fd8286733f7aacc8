package dev.wheelwise.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wheelwise.ParseError;
import dev.wheelwise.pep508.MarkerEnvironment;
import dev.wheelwise.pep508.Names;
import dev.wheelwise.pep508.Requirement;
import dev.wheelwise.project.Discovery;
import dev.wheelwise.project.GroupSelection;
import dev.wheelwise.project.InstallSet;
import dev.wheelwise.project.InstallSetError;
import dev.wheelwise.project.InstallSets;
import dev.wheelwise.project.LockedSet;
import dev.wheelwise.project.LooseRequirement;
import dev.wheelwise.project.PackageSource;
import dev.wheelwise.project.ProjectInput;
import dev.wheelwise.project.ProjectInputs;
import dev.wheelwise.project.RequirementSet;
import dev.wheelwise.tags.Target;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code wheelwise deps PATH}: which input a folder's dependencies are read from and what it
 * installs on a target: for a lock, the install set with exact versions; for loose
 * requirements, the requirements whose markers hold (their versions need resolution).
 */
@Command(name = "deps", mixinStandardHelpOptions = true,
    description = {"List what a project installs on a target: the install set of its lock",
        "file or, without a lock, its requirements whose markers hold.",
        "Example: wheelwise deps . --python 3.12 --libc musl-1.2 --arch x86_64"})
final class DepsCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "PATH", description = "a project folder or a dependency file")
  Path path;

  @Mixin TargetOptions target;

  @picocli.CommandLine.Mixin OutputOptions verbosity = new OutputOptions();

  @Option(names = "--extra", paramLabel = "NAME", description = "also install this extra of the project (repeatable)")
  List<String> extras = new ArrayList<>();

  @Option(names = "--group", paramLabel = "NAME", description = "also install this dependency group (repeatable)")
  List<String> groups = new ArrayList<>();

  @Option(names = "--dev", description = "also install the development group(s): dev, develop")
  boolean dev;

  @Option(names = "--no-dev", description = "main dependencies only (the default; what a production image installs)")
  boolean noDev;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE})")
  String format;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws ParseError, IOException {
    if (!format.equals("text") && !format.equals("json")) {
      throw new UsageException("--format expects text or json, got '" + format + "'");
    }
    if (dev && noDev) {
      throw new UsageException("--dev and --no-dev contradict each other");
    }
    Target t = target.toTarget();
    MarkerEnvironment env = MarkerEnvironment.linuxCPython(t.pythonMajor(), t.pythonMinor(),
        Math.max(0, t.pythonMicro()), t.arch().tagName());
    Path file = path;
    String reason = "named on the command line";
    if (Files.isDirectory(path)) {
      Discovery.Found found = InputFiles.discoverOrExplain(path)
          .orElseThrow(() -> new UsageException(path + " holds no dependency file (uv.lock, pylock.toml, poetry.lock, "
              + "pdm.lock, Pipfile.lock, requirements*.txt, pyproject.toml)"));
      file = found.file();
      reason = found.reason();
    } else if (!Files.exists(path)) {
      throw new UsageException("no such file or folder: " + path);
    }
    verbosity.trace(spec.commandLine().getErr()).println("verbose: input: " + file + " (" + reason + ")");
    ProjectInput input = new ProjectInputs(System.getenv()).read(file);
    ObjectNode json = new ObjectMapper().createObjectNode();
    json.put("schema", "wheelwise.deps/1");
    ObjectNode in = json.putObject("input");
    in.put("path", file.toString());
    in.put("kind", input.kind().label());
    in.put("reason", reason);
    ObjectNode tj = json.putObject("target");
    tj.put("python", t.pythonFullVersion());
    tj.put("libc", t.libc().toString());
    tj.put("arch", t.arch().tagName());
    StringBuilder text = new StringBuilder();
    text.append("# ").append(file).append(" (").append(input.kind().label()).append("): ").append(reason).append('\n');
    text.append("# target: ").append(t).append('\n');
    if (input instanceof LockedSet lock) {
      InstallSet set;
      try {
        set = InstallSets.compute(lock, env, new GroupSelection(Set.copyOf(extras), Set.copyOf(groups), dev),
            target.profile());
      } catch (InstallSetError e) {
        throw new UsageException(e.getMessage());
      }
      json.put("locked", true);
      ArrayNode packages = json.putArray("packages");
      for (InstallSet.Item item : set.packages()) {
        ObjectNode p = packages.addObject();
        p.put("name", item.pkg().name());
        p.put("version", item.pkg().version());
        p.put("source", item.pkg().source().toString());
        item.extras().stream().sorted().forEach(p.putArray("extras")::add);
        p.put("via", item.via());
        text.append(item.pkg().name()).append("==").append(item.pkg().version().isEmpty() ? "(dynamic)" : item.pkg().version());
        if (!item.pkg().source().kind().equals(PackageSource.Kind.REGISTRY)
            && !item.pkg().source().kind().equals(PackageSource.Kind.UNSPECIFIED)) {
          text.append("  (").append(item.pkg().source()).append(')');
        }
        text.append('\n');
      }
      text.append("# ").append(set.packages().size()).append(" packages\n");
      if (!set.notLocked().isEmpty()) {
        set.notLocked().forEach(json.putArray("notLocked")::add);
        text.append("# depended on but not locked (the lock leaves them to the environment): ")
            .append(String.join(", ", set.notLocked())).append('\n');
      }
    } else {
      RequirementSet reqs = (RequirementSet) input;
      try {
        InstallSets.checkRequiresPython(reqs, env, target.profile());
      } catch (InstallSetError e) {
        throw new UsageException(e.getMessage());
      }
      json.put("locked", false);
      ArrayNode list = json.putArray("requirements");
      List<LooseRequirement> chosen = new ArrayList<>(reqs.requirements());
      for (String e : extras) {
        chosen.addAll(reqs.extras().getOrDefault(Names.canonicalize(e), List.of()));
      }
      for (String g : groups) {
        chosen.addAll(reqs.groups().getOrDefault(Names.canonicalize(g), List.of()));
      }
      if (dev) {
        chosen.addAll(reqs.groups().getOrDefault("dev", List.of()));
      }
      int kept = 0;
      for (LooseRequirement r : chosen) {
        if (!appliesTo(r, env, target)) {
          continue;
        }
        kept++;
        ObjectNode o = list.addObject();
        o.put("requirement", r.text());
        o.put("origin", r.origin().toString());
        o.put("editable", r.editable());
        text.append(r.editable() ? "-e " : "").append(r.text()).append("    # ").append(r.origin()).append('\n');
      }
      text.append("# ").append(kept).append(" requirements; loose: versions are chosen at resolution, not listed here\n");
      if (reqs.dynamic().contains("dependencies")) {
        // PEP 621: the build backend supplies dynamic dependencies; what is listed is not all.
        json.put("dependenciesDynamic", true);
        text.append("# [project] dependencies are dynamic: the build backend supplies them, so this list is incomplete\n");
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    if (format.equals("json")) {
      out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json));
    } else {
      out.print(text);
    }
    out.flush();
    return Main.EXIT_OK;
  }

  /** Whether a requirement's marker holds; bare paths, URLs and editables have none to check. */
  private static boolean appliesTo(LooseRequirement r, MarkerEnvironment env, TargetOptions target) throws ParseError {
    if (!r.isPep508()) {
      return true;
    }
    Requirement req = Requirement.parse(r.text(), r.origin().file(), r.origin().line(), target.profile());
    return req.marker().map(m -> m.evaluate(env, target.profile())).orElse(true);
  }
}
