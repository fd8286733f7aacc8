package dev.wheelwise.dockerfile;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Walks the instructions once, as BuildKit's dispatcher does: ARGs before FROM (with
 * {@code --build-arg} overrides) resolve each FROM; inside a stage ARG, ENV, WORKDIR, COPY/ADD
 * and SHELL update the state a RUN sees; each RUN's commands go through the recognizers.
 */
final class ModelBuilder {
  /**
   * Folders every common base image has: {@code COPY requirements.txt /tmp} puts the file
   * inside them, as docker does for an existing folder.
   */
  private static final Set<String> STANDARD_DIRS = Set.of("/", "/tmp", "/root", "/etc", "/opt", "/srv", "/usr",
      "/usr/local", "/usr/local/bin", "/usr/local/lib", "/usr/src", "/usr/bin", "/usr/lib", "/usr/share", "/bin",
      "/var", "/var/tmp", "/var/lib", "/home");

  /** Platform ARGs BuildKit defines in the global scope; their values depend on the build. */
  private static final Set<String> AUTOMATIC_ARGS = Set.of("BUILDPLATFORM", "BUILDOS", "BUILDARCH", "BUILDVARIANT",
      "TARGETPLATFORM", "TARGETOS", "TARGETARCH", "TARGETVARIANT");

  private final Dockerfile file;
  private final Map<String, String> buildArgs;
  private final Path context;
  private final LineIndex lines;

  ModelBuilder(Dockerfile file, Map<String, String> buildArgs, Path context) {
    this.file = file;
    this.buildArgs = buildArgs;
    this.context = context;
    this.lines = new LineIndex(file.text());
  }

  /** Where an image path came from: a file, a folder's contents, or files matching a glob. */
  private record Mapping(String container, String source, boolean directory, String glob) {}

  /** The mutable walk state of one stage. */
  private static final class State {
    Map<String, String> vars = new LinkedHashMap<>();
    String workdir = "/";
    List<Mapping> mappings = new ArrayList<>();
    Set<String> dirs = new HashSet<>();
    /** The shell RUN's shell form goes to; null for one we cannot read. */
    Shell.Dialect shell = Shell.Dialect.POSIX;
    /** The SHELL instruction's arguments in force; empty for the default /bin/sh -c. */
    List<String> shellArgs = List.of();
    List<Run> runs = new ArrayList<>();
    /** This stage's COPY --from of earlier stages (not inherited by stages built FROM it). */
    List<StageCopy> copies = new ArrayList<>();

    State copy() {
      State s = new State();
      s.vars = new LinkedHashMap<>(vars);
      s.workdir = workdir;
      s.mappings = new ArrayList<>(mappings);
      s.dirs = new HashSet<>(dirs);
      s.shell = shell;
      s.shellArgs = shellArgs;
      return s;
    }
  }

  DockerfileModel build() {
    List<MetaArg> metaArgs = new ArrayList<>();
    Map<String, String> meta = new LinkedHashMap<>();
    for (String a : AUTOMATIC_ARGS) {
      if (buildArgs.containsKey(a)) {
        meta.put(a, buildArgs.get(a));
      }
    }
    List<State> states = new ArrayList<>();
    State state = null;
    Stage current = null;
    List<Step> steps = null;
    for (Instruction ins : file.instructions()) {
      String name = ins.name();
      if (name.equals("from")) {
        if (current != null) {
          stages.add(finish(current, state, steps));
          states.add(state);
        }
        Set<String> undefined = new LinkedHashSet<>();
        String written = ins.arguments().isEmpty() ? "" : ins.arguments().get(0);
        String base = Expander.expand(written, meta, file.escape(), undefined);
        String stageName = null;
        if (ins.arguments().size() >= 3 && ins.arguments().get(1).equalsIgnoreCase("as")) {
          stageName = ins.arguments().get(2).toLowerCase(Locale.ROOT);
        }
        // --platform=$BUILDPLATFORM and the like depend on the build machine: keep them as written
        String platform = ins.flag("platform").map(p -> {
          Set<String> missing = new HashSet<>();
          String expanded = Expander.expand(p, meta, file.escape(), missing);
          return missing.isEmpty() ? expanded : p;
        }).orElse(null);
        Integer baseStage = undefined.isEmpty() ? stageNames.get(base.toLowerCase(Locale.ROOT)) : null;
        String image;
        if (!undefined.isEmpty()) {
          base = null;
          image = null;
        } else if (baseStage != null) {
          image = stages.get(baseStage).image();
        } else {
          image = base;
        }
        state = baseStage != null ? states.get(baseStage).copy() : new State();
        // ARGs of a parent stage are not inherited, only its ENV: rebuild vars from the parent's ENV
        if (baseStage != null) {
          state.vars = new LinkedHashMap<>(envStack.get(baseStage));
        }
        envStack.add(new LinkedHashMap<>(state.vars));
        steps = new ArrayList<>();
        current = new Stage(stages.size(), stageName, ins.line(), written, base, List.copyOf(undefined), platform, baseStage,
            image, "/", List.of(), List.of(), List.of());
        state.runs = new ArrayList<>();
        state.copies = new ArrayList<>();
        if (stageName != null) {
          stageNames.put(stageName, stages.size());
        }
        continue;
      }
      if (current == null) {
        if (name.equals("arg")) {
          for (String word : ins.arguments()) {
            int eq = word.indexOf('=');
            String argName = eq < 0 ? word : word.substring(0, eq);
            String def = eq < 0 ? null : Expander.expand(word.substring(eq + 1), meta, file.escape(), new HashSet<>());
            boolean overridden = buildArgs.containsKey(argName);
            String value = overridden ? buildArgs.get(argName) : def;
            if (value != null) {
              meta.put(argName, value);
            } else {
              meta.remove(argName);
            }
            metaArgs.add(new MetaArg(argName, eq < 0 ? null : word.substring(eq + 1), value, overridden, ins.line()));
          }
        }
        continue;
      }
      apply(ins, state, meta, metaArgs, steps);
    }
    if (current != null) {
      stages.add(finish(current, state, steps));
    }
    return new DockerfileModel(file.source(), buildArgs, metaArgs, stages);
  }

  /** Per stage, the ENV it sets (inherited by stages built FROM it; its ARGs are not). */
  private final List<Map<String, String>> envStack = new ArrayList<>();
  /** The stages finished so far, and their names (lower case) for FROM and COPY --from. */
  private final List<Stage> stages = new ArrayList<>();
  private final Map<String, Integer> stageNames = new HashMap<>();

  private Stage finish(Stage s, State state, List<Step> steps) {
    return new Stage(s.index(), s.name(), s.line(), s.baseName(), s.base(), s.undefinedArgs(), s.platform(), s.baseStage(),
        s.image(), state.workdir, steps, state.runs, state.copies);
  }

  private void apply(Instruction ins, State state, Map<String, String> meta, List<MetaArg> metaArgs, List<Step> steps) {
    int stageIndex = envStack.size() - 1;
    switch (ins.name()) {
      case "arg" -> {
        for (String word : ins.arguments()) {
          int eq = word.indexOf('=');
          String argName = eq < 0 ? word : word.substring(0, eq);
          String value;
          if (buildArgs.containsKey(argName)) {
            value = buildArgs.get(argName);
          } else if (eq >= 0) {
            value = Expander.expand(word.substring(eq + 1), state.vars, file.escape(), new HashSet<>());
          } else {
            value = meta.get(argName);
          }
          if (value != null) {
            state.vars.put(argName, value);
          }
        }
      }
      case "env" -> {
        // BuildKit gives triples: key, value, and "=" or "" (legacy form)
        List<String> a = ins.arguments();
        for (int k = 0; k + 1 < a.size(); k += 3) {
          String expanded = Expander.expand(a.get(k + 1), state.vars, file.escape(), new HashSet<>());
          state.vars.put(a.get(k), expanded);
          envStack.get(stageIndex).put(a.get(k), expanded);
        }
      }
      case "workdir" -> {
        if (!ins.arguments().isEmpty()) {
          String dir = Expander.expand(ins.arguments().get(0), state.vars, file.escape(), new HashSet<>());
          state.workdir = Paths.resolve(state.workdir, dir);
          state.dirs.add(state.workdir);
        }
      }
      case "shell" -> {
        state.shellArgs = List.copyOf(ins.arguments());
        String sh = ins.arguments().isEmpty() ? "" : Shell.baseName(ins.arguments().get(0)).toLowerCase(Locale.ROOT);
        if (Set.of("sh", "bash", "ash", "dash", "zsh", "ksh", "busybox").contains(sh)) {
          state.shell = Shell.Dialect.POSIX;
        } else if (Set.of("powershell", "pwsh", "powershell.exe", "pwsh.exe").contains(sh)) {
          state.shell = Shell.Dialect.POWERSHELL;
        } else if (sh.equals("cmd") || sh.equals("cmd.exe")) {
          state.shell = Shell.Dialect.CMD;
        } else {
          state.shell = null;
        }
      }
      case "copy", "add" -> copy(ins, state);
      case "run" -> run(ins, state, steps);
      default -> {}
    }
  }

  private void copy(Instruction ins, State state) {
    List<String> args = ins.arguments();
    if (args.size() < 2) {
      return;
    }
    Set<String> undefined = new HashSet<>();
    String dest = Expander.expand(args.get(args.size() - 1), state.vars, file.escape(), undefined);
    if (!undefined.isEmpty()) {
      return; // the destination names a variable with no known value: where the files land is unknown
    }
    String destAbs = Paths.resolve(state.workdir, dest);
    List<String> sources = args.subList(0, args.size() - 1);
    boolean fromElsewhere = ins.flag("from").isPresent();
    boolean anyGlob = sources.stream().anyMatch(Paths::hasGlob);
    boolean destIsDir = dest.endsWith("/") || dest.equals(".") || sources.size() > 1 || anyGlob || state.dirs.contains(destAbs)
        || STANDARD_DIRS.contains(destAbs);
    for (String raw : sources) {
      boolean heredoc = raw.startsWith("<<") && ins.heredocs().stream().anyMatch(h -> raw.endsWith(h.name()) || raw.contains(h.name()));
      Set<String> undefinedInSource = new HashSet<>();
      String src = Expander.expand(raw, state.vars, file.escape(), undefinedInSource);
      if (!undefinedInSource.isEmpty() && !heredoc) {
        continue; // which context file this is cannot be known
      }
      if (fromElsewhere && !heredoc) {
        fromStage(ins.flag("from").get()).ifPresent(from -> state.copies.add(new StageCopy(from, src, destAbs, ins.line())));
      }
      if (fromElsewhere || heredoc || src.contains("://") || src.startsWith("git@")) {
        // the file at the destination does not come from the build context: hide older mappings
        String name = heredoc ? heredocName(raw) : Paths.name(Paths.normalize(src));
        boolean wholeFolder = !heredoc && (src.endsWith("/") || src.endsWith("/.") || Paths.normalize(src).isEmpty() || Paths.normalize(src).equals("/"));
        String target = wholeFolder || !destIsDir ? destAbs : Paths.resolve(destAbs, name);
        // treated as a folder mapping so that it also hides paths below it (COPY --from of a folder)
        state.mappings.add(new Mapping(target, null, true, null));
        continue;
      }
      String rel = Paths.normalize(src.startsWith("/") ? src.substring(1) : src);
      boolean srcDir = rel.isEmpty() || src.endsWith("/") || src.endsWith("/.") || (context != null && inContext(rel, Files::isDirectory));
      if (srcDir) {
        state.mappings.add(new Mapping(destAbs, rel.isEmpty() ? "." : rel, true, null));
        state.dirs.add(destAbs);
      } else if (Paths.hasGlob(Paths.name(rel))) {
        String parent = rel.contains("/") ? rel.substring(0, rel.lastIndexOf('/')) : ".";
        state.mappings.add(new Mapping(destAbs, parent, false, Paths.name(rel)));
        state.dirs.add(destAbs);
      } else {
        String target = destIsDir ? Paths.resolve(destAbs, Paths.name(rel)) : destAbs;
        state.mappings.add(new Mapping(target, rel, false, null));
        if (destIsDir) {
          state.dirs.add(destAbs);
        }
      }
    }
  }

  private static String heredocName(String raw) {
    List<String> words = HeredocWords.unquotedWords(raw.replaceFirst("^\\d*<<-?", ""));
    return words.isEmpty() ? raw : words.get(0);
  }

  /**
   * The build-context path an image path came from, or null. The newest COPY that could have
   * put the file there wins; when a context folder is known, a mapping whose source file is
   * absent gives way to an older one that has it (a later {@code COPY . .} covers far more
   * paths than it really brings), and if none has it the newest is returned as absent.
   */
  private DependencyInput.Traced trace(List<Mapping> mappings, String container) {
    DependencyInput.Traced newest = null;
    for (int k = mappings.size() - 1; k >= 0; k--) {
      Mapping m = mappings.get(k);
      String found = null;
      boolean matched = false;
      if (m.glob() != null) {
        if (Paths.parent(container).equals(m.container()) && Paths.globMatches(m.glob(), Paths.name(container))) {
          matched = true;
          found = m.source() == null ? null : join(m.source(), Paths.name(container));
        }
      } else if (m.directory()) {
        if (container.equals(m.container())) {
          matched = true;
          found = m.source();
        } else if (container.startsWith(m.container().equals("/") ? "/" : m.container() + "/")) {
          matched = true;
          found = m.source() == null ? null : join(m.source(), container.substring(m.container().length()));
        }
      } else if (container.equals(m.container())) {
        matched = true;
        found = m.source();
      }
      if (!matched) {
        continue;
      }
      if (found == null) {
        return newest; // it came from another stage, an image, a URL or a heredoc
      }
      if (context == null) {
        return new DependencyInput.Traced(found, null);
      }
      if (inContext(found, Files::exists)) {
        return new DependencyInput.Traced(found, true);
      }
      if (newest == null) {
        newest = new DependencyInput.Traced(found, false);
      }
    }
    return newest != null ? newest : assembledFolder(mappings, container);
  }

  /**
   * A folder nobody copied as a whole but whose entries from the build context all came from
   * one context folder ({@code COPY pyproject.toml src/ /app/} then {@code pip install /app}):
   * that context folder.
   */
  private DependencyInput.Traced assembledFolder(List<Mapping> mappings, String folder) {
    String source = null;
    for (Mapping m : mappings) {
      if (m.glob() != null || !Paths.parent(m.container()).equals(folder) || m.container().equals(folder)) {
        continue;
      }
      if (m.source() == null) {
        continue; // a file from another stage or a heredoc sits beside the context files
      }
      String from = m.source().contains("/") ? m.source().substring(0, m.source().lastIndexOf('/')) : ".";
      if (!Paths.name(m.container()).equals(Paths.name(m.source())) || (source != null && !source.equals(from))) {
        return null; // renamed on the way, or gathered from several folders
      }
      source = from;
    }
    if (source == null) {
      return null;
    }
    return new DependencyInput.Traced(source, context == null ? null : inContext(source, Files::isDirectory));
  }

  /** The earlier stage {@code --from} names (by name or index); empty for an image or a build context. */
  private Optional<Integer> fromStage(String from) {
    Integer named = stageNames.get(from.toLowerCase(Locale.ROOT));
    if (named != null) {
      return Optional.of(named);
    }
    if (from.matches("[0-9]+") && from.length() < 5 && Integer.parseInt(from) < stages.size()) {
      return Optional.of(Integer.parseInt(from));
    }
    return Optional.empty();
  }

  /**
   * Whether the build context's {@code rel} passes {@code test}; false for a name no file can
   * have (a NUL byte in a COPY source threw InvalidPathException out of lint, check and fix).
   */
  private boolean inContext(String rel, Predicate<Path> test) {
    try {
      return test.test(context.resolve(rel));
    } catch (InvalidPathException noSuchName) {
      return false;
    }
  }

  private static String join(String dir, String rest) {
    String joined = Paths.normalize((dir.equals(".") ? "" : dir) + "/" + rest);
    joined = joined.startsWith("/") ? joined.substring(1) : joined;
    return joined.isEmpty() ? "." : joined;
  }

  private void run(Instruction ins, State state, List<Step> steps) {
    if (state.shell == null && !ins.json()) {
      state.runs.add(new Run(ins, List.of(), false, state.shellArgs, state.vars, cacheMounts(ins, state)));
      return;
    }
    List<String> cacheMounts = new ArrayList<>();
    List<Mapping> mappings = new ArrayList<>(state.mappings);
    for (String mount : ins.flagValues("mount")) {
      Map<String, String> kv = new HashMap<>();
      for (String part : mount.split(",")) {
        int eq = part.indexOf('=');
        kv.put((eq < 0 ? part : part.substring(0, eq)).trim().toLowerCase(Locale.ROOT), eq < 0 ? "true" : part.substring(eq + 1).trim());
      }
      String type = kv.getOrDefault("type", "bind");
      String target = kv.getOrDefault("target", kv.getOrDefault("dst", kv.getOrDefault("destination", null)));
      if (target == null) {
        continue;
      }
      String targetAbs = Paths.resolve(state.workdir, Expander.expand(target, state.vars, file.escape(), new HashSet<>()));
      if (type.equals("cache")) {
        cacheMounts.add(targetAbs);
      } else if (type.equals("bind")) {
        String source = kv.getOrDefault("source", kv.getOrDefault("src", "."));
        boolean fromContext = !kv.containsKey("from");
        String rel = Paths.normalize(source.startsWith("/") ? source.substring(1) : source);
        boolean dir = rel.isEmpty() || (context != null && inContext(rel, Files::isDirectory));
        mappings.add(new Mapping(targetAbs, fromContext ? (rel.isEmpty() ? "." : rel) : null, dir, null));
      }
    }
    // ARG and ENV values, then variables the script itself sets (X=1 && …) as it goes
    Map<String, String> runVars = new LinkedHashMap<>(state.vars);
    RunContext ctx = new RunContext(runVars, state.workdir, path -> trace(mappings, path), cacheMounts, ins.line(), lines);
    List<ShellCommand> commands = new ArrayList<>();
    if (ins.json()) {
      List<ShellWord> words = ins.arguments().stream().map(a -> new ShellWord(a, ins.offset(), true)).toList();
      if (!words.isEmpty()) {
        commands.addAll(Shell.commands(new ShellCommand(Map.of(), words, ins.offset(), false)));
      }
    } else {
      List<ShellCommand> line = Shell.commands(ins.rest(), ins.restMap(), state.shell);
      commands.addAll(line);
      for (Heredoc doc : ins.heredocs()) {
        if (isScript(line, doc)) {
          commands.addAll(Shell.commands(doc.effectiveContent(), OffsetMap.contiguous(doc.offset(), doc.content().length())));
        }
      }
    }
    state.runs.add(new Run(ins, commands, true, state.shellArgs, state.vars, cacheMounts));
    for (ShellCommand written : commands) {
      if (written.words().isEmpty()) {
        written.assignments().forEach((k, v) -> {
          if (written.conditional()) {
            runVars.remove(k); // it may or may not have run: the value is unknown from here on
          } else {
            runVars.put(k, Expander.expand(v, runVars, '\\', new HashSet<>()));
          }
        });
        continue;
      }
      if (written.words().get(0).value().equals("export")) {
        for (ShellWord w : written.words().subList(1, written.words().size())) {
          if (Shell.isAssignment(w.value())) {
            int eq = w.value().indexOf('=');
            String name = w.value().substring(0, eq);
            if (written.conditional()) {
              runVars.remove(name);
            } else {
              runVars.put(name, Expander.expand(w.value().substring(eq + 1), runVars, '\\', new HashSet<>()));
            }
          }
        }
        continue;
      }
      ShellCommand c = written.expandKnown(runVars);
      LockExport export = LockExports.recognize(c, ctx);
      if (export != null) {
        steps.add(export);
        continue;
      }
      PythonInstall install = PythonInstalls.recognize(c, ctx);
      if (install != null) {
        steps.add(install);
        continue;
      }
      PackageOp op = SystemPackages.recognize(c, ctx);
      if (op != null) {
        steps.add(op);
      }
    }
  }

  /** The absolute targets of the RUN's cache mounts. */
  private List<String> cacheMounts(Instruction ins, State state) {
    List<String> out = new ArrayList<>();
    for (String mount : ins.flagValues("mount")) {
      Map<String, String> kv = new HashMap<>();
      for (String part : mount.split(",")) {
        int eq = part.indexOf('=');
        kv.put((eq < 0 ? part : part.substring(0, eq)).trim().toLowerCase(Locale.ROOT), eq < 0 ? "true" : part.substring(eq + 1).trim());
      }
      String target = kv.getOrDefault("target", kv.getOrDefault("dst", kv.get("destination")));
      if ("cache".equals(kv.get("type")) && target != null) {
        out.add(Paths.resolve(state.workdir, Expander.expand(target, state.vars, file.escape(), new HashSet<>())));
      }
    }
    return out;
  }

  /**
   * A heredoc body is a shell script when the RUN line is only the heredoc ({@code RUN <<EOF})
   * or feeds it to a shell ({@code RUN bash <<EOF}, {@code RUN sh -e <<EOF}).
   */
  private static boolean isScript(List<ShellCommand> line, Heredoc doc) {
    if (line.isEmpty()) {
      return true;
    }
    if (line.size() != 1) {
      return false;
    }
    List<String> w = line.get(0).values();
    if (w.isEmpty()) {
      return false; // only assignments (RUN A=1 <<EOF): nothing reads the heredoc
    }
    if (!Set.of("sh", "bash", "ash", "dash", "zsh").contains(Shell.baseName(w.get(0)))) {
      return false;
    }
    return w.subList(1, w.size()).stream().allMatch(a -> a.startsWith("-") && !a.contains("c"));
  }
}
