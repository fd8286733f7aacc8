package dev.wheelwise.cli;

import dev.wheelwise.LocalFiles;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wheelwise.dockerfile.DependencyInput;
import dev.wheelwise.dockerfile.Dockerfile;
import dev.wheelwise.dockerfile.DockerfileModel;
import dev.wheelwise.dockerfile.LockExport;
import dev.wheelwise.dockerfile.MetaArg;
import dev.wheelwise.dockerfile.PackageOp;
import dev.wheelwise.dockerfile.PythonInstall;
import dev.wheelwise.dockerfile.Stage;
import dev.wheelwise.dockerfile.Step;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code wheelwise dockerfile PATH}: what the Dockerfile means for Python packaging, per stage:
 * the resolved base image, Python installs with their inputs, system package operations.
 */
@Command(name = "dockerfile", description = "Show a Dockerfile's stages, base images, Python installs and system packages.")
final class DockerfileCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "PATH", description = "The Dockerfile.")
  Path path;

  @Option(names = "--build-arg", paramLabel = "K=V", description = "A build argument, as docker build takes it (repeat).")
  List<String> buildArgs = List.of();

  @Option(names = "--context", paramLabel = "DIR", description = "The build context (default: the Dockerfile's folder).")
  Path context;

  @Option(names = "--format", paramLabel = "json|text", description = "Output format (default: text).")
  String format = "text";

  @Spec CommandSpec spec;

  @picocli.CommandLine.Mixin OutputOptions verbosity = new OutputOptions();

  @Override
  public Integer call() throws Exception {
    if (!format.equals("json") && !format.equals("text")) {
      throw new UsageException("--format must be json or text, not '" + format + "'");
    }
    Map<String, String> args = new LinkedHashMap<>();
    for (String kv : buildArgs) {
      int eq = kv.indexOf('=');
      if (eq <= 0) {
        throw new UsageException("--build-arg needs K=V, not '" + kv + "'");
      }
      args.put(kv.substring(0, eq), kv.substring(eq + 1));
    }
    byte[] bytes;
    try {
      bytes = LocalFiles.read(path);
    } catch (java.nio.file.NoSuchFileException e) {
      throw new UsageException("no such file: " + path);
    } catch (LocalFiles.TooLarge e) {
      throw new UsageException(e.getMessage());
    } catch (IOException e) {
      throw new UsageException("cannot read " + path + ": " + e);
    }
    Dockerfile file = Dockerfile.parse(path.toString(), bytes);
    Path dir = context != null ? context : path.toAbsolutePath().getParent();
    verbosity.trace(spec.commandLine().getErr()).println("verbose: input: " + path + " (build context " + dir + ")");
    DockerfileModel model = DockerfileModel.of(file, args, dir);
    PrintWriter out = spec.commandLine().getOut();
    if (format.equals("json")) {
      ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
      out.println(mapper.writeValueAsString(json(mapper, model)));
    } else {
      out.print(text(model));
    }
    out.flush();
    return Main.EXIT_OK;
  }

  private static ObjectNode json(ObjectMapper mapper, DockerfileModel model) {
    ObjectNode root = mapper.createObjectNode();
    root.put("schema", "wheelwise.dockerfile/1");
    root.put("source", model.source());
    root.set("buildArgs", mapper.valueToTree(model.buildArgs()));
    root.set("metaArgs", mapper.valueToTree(model.metaArgs()));
    Stage last = model.finalStage();
    root.put("finalStage", last == null ? null : last.index());
    ArrayNode stages = root.putArray("stages");
    for (Stage s : model.stages()) {
      ObjectNode node = stages.addObject();
      node.put("index", s.index());
      node.put("name", s.name());
      node.put("line", s.line());
      node.put("from", s.baseName());
      node.put("base", s.base());
      node.set("undefinedArgs", mapper.valueToTree(s.undefinedArgs()));
      node.put("platform", s.platform());
      if (s.baseStage() == null) {
        node.putNull("baseStage");
      } else {
        node.put("baseStage", s.baseStage());
      }
      node.put("image", s.image());
      node.put("workdir", s.workdir());
      ArrayNode steps = node.putArray("steps");
      for (Step step : s.steps()) {
        ObjectNode st = mapper.valueToTree(step);
        ObjectNode typed = mapper.createObjectNode();
        typed.put("kind", step instanceof PythonInstall ? "python-install" : step instanceof LockExport ? "lock-export" : "package-op");
        typed.setAll(st);
        steps.add(typed);
      }
    }
    return root;
  }

  static String text(DockerfileModel model) {
    StringBuilder out = new StringBuilder();
    for (MetaArg a : model.metaArgs()) {
      out.append("ARG ").append(a.name()).append(" = ").append(a.value() == null ? "(unset)" : a.value())
          .append(a.overridden() ? " (--build-arg)" : "").append("  line ").append(a.line()).append('\n');
    }
    for (Stage s : model.stages()) {
      out.append(s == model.finalStage() ? "final stage " : "stage ").append(s.index());
      if (s.name() != null) {
        out.append(" (").append(s.name()).append(')');
      }
      out.append("  line ").append(s.line()).append(": FROM ").append(s.baseName());
      if (s.base() == null) {
        out.append(" -> unknown (undefined ARG ").append(String.join(", ", s.undefinedArgs())).append(')');
      } else if (!s.base().equals(s.baseName())) {
        out.append(" -> ").append(s.base());
      }
      if (s.baseStage() != null) {
        out.append(" (stage ").append(s.baseStage()).append(", image ").append(s.image() == null ? "unknown" : s.image()).append(')');
      }
      out.append('\n');
      for (Step step : s.steps()) {
        out.append("  ").append(step.line()).append(':').append(step.column()).append("  ");
        if (step instanceof PythonInstall p) {
          out.append(p.command());
          for (String r : p.requirements()) {
            out.append(' ').append(r);
          }
          for (DependencyInput in : p.inputs()) {
            out.append(" [").append(in.kind()).append(' ').append(in.argument()).append(" <- ")
                .append(in.contextPath() == null ? "untraced" : in.contextPath())
                .append(Boolean.FALSE.equals(in.inContext()) ? " (absent from context)" : "").append(']');
          }
          if (p.selection().noCache()) {
            out.append(" (no cache)");
          }
        } else if (step instanceof LockExport export) {
          out.append(export.command()).append(" -> ").append(export.output());
          for (DependencyInput in : export.inputs()) {
            out.append(" [").append(in.argument()).append(" <- ").append(in.contextPath() == null ? "untraced" : in.contextPath())
                .append(Boolean.FALSE.equals(in.inContext()) ? " (absent from context)" : "").append(']');
          }
        } else if (step instanceof PackageOp op) {
          out.append(op.manager()).append(' ').append(op.action());
          for (String pkg : op.packages()) {
            out.append(' ').append(pkg);
          }
          if (op.virtualName() != null) {
            out.append(" (virtual ").append(op.virtualName()).append(')');
          }
        }
        if (step.conditional()) {
          out.append(" (conditional)");
        }
        out.append('\n');
      }
    }
    return out.toString();
  }
}
