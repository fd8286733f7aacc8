package dev.wheelwise.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wheelwise.bench.BenchError;
import dev.wheelwise.bench.EngineClient;
import dev.wheelwise.bench.ImageDescriber;
import dev.wheelwise.bench.ImageDescription;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code wheelwise images describe IMAGE}: runs the image once on the container engine and prints
 * what its python3, libc and pip report (cached by image id). Nothing is pulled.
 */
@Command(name = "describe", description = "Describe an image by running it once on the container engine (nothing is pulled).")
final class ImagesDescribeCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @picocli.CommandLine.Mixin OutputOptions verbosity = new OutputOptions();

  @Parameters(arity = "1", paramLabel = "IMAGE", description = "An image on the engine, e.g. python:3.12-slim or an image id.")
  String image;

  @Option(names = "--context", paramLabel = "NAME", description = "The docker context to use (default: DOCKER_HOST, DOCKER_CONTEXT, the current context).")
  String context;

  @Option(names = "--format", paramLabel = "FORMAT", description = "table or json (default: table).")
  String format = "table";

  @Option(names = "--no-cache", description = "Run the image even when this image id was described before.")
  boolean noCache;

  @Override
  public Integer call() throws BenchError {
    String renderer = format.toLowerCase(Locale.ROOT);
    if (!renderer.equals("table") && !renderer.equals("json")) {
      throw new UsageException("--format: expected table or json, got '" + format + "'");
    }
    EngineClient engine = EngineImages.connect(System.getenv(), Optional.ofNullable(context), verbosity.trace(spec.commandLine().getErr()));
    ImageDescription d;
    try (EngineExitHook exit = new EngineExitHook(engine)) {
      verbosity.trace(spec.commandLine().getErr()).println("verbose: engine: " + engine.where()
          + (noCache ? "; no cache" : "; descriptions cached in " + EngineImages.cacheDir(System.getenv())));
      d = new ImageDescriber(engine, noCache ? Optional.empty() : Optional.of(EngineImages.cacheDir(System.getenv()))).describe(image);
    } finally {
      engine.close();
    }
    PrintWriter out = spec.commandLine().getOut();
    if (renderer.equals("json")) {
      ObjectMapper json = new ObjectMapper();
      ObjectNode n = json.createObjectNode();
      n.put("schema", "wheelwise.describe/1");
      n.put("image", image);
      n.put("imageId", d.imageId());
      n.put("provenance", "measured");
      n.put("python", d.python().orElse(null));
      n.put("implementation", d.implementation().orElse(null));
      n.put("libc", d.libcFamily().orElse(null));
      n.put("libcVersion", d.libcVersion().orElse(null));
      n.put("pip", d.pip().orElse(null));
      n.put("architecture", d.architecture());
      n.put("bytes", d.bytes());
      d.compilers().forEach(n.putArray("compilers")::add);
      n.put("packageManager", d.packageManager());
      d.tags().forEach(n.putArray("tags")::add);
      out.println(n.toPrettyString());
    } else {
      out.println(image + " (image " + d.imageId() + ", on " + engine.where() + "), measured by running it:");
      out.println("  python          " + d.implementation().orElse("") + " " + d.python().orElse("none (no python3)"));
      out.println("  libc            " + d.libcFamily().orElse("unknown") + " " + d.libcVersion().orElse(""));
      out.println("  pip             " + d.pip().orElse("none"));
      out.println("  compilers       " + (d.compilers().isEmpty() ? "none on the PATH" : String.join(", ", d.compilers())));
      out.println("  package manager " + d.packageManager());
      out.println("  architecture    " + d.architecture());
      out.println("  size            " + d.bytes() + " bytes");
      out.println("  pip's tags      " + d.tags().size() + (d.tags().isEmpty() ? "" : ", best first: " + String.join(" ", d.tags().subList(0, Math.min(5, d.tags().size()))) + " …"));
    }
    out.flush();
    return Main.EXIT_OK;
  }
}
