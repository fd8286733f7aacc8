package dev.wheelwise.cli;

import dev.wheelwise.bench.BenchError;
import dev.wheelwise.bench.EngineClient;
import dev.wheelwise.bench.EngineHost;
import dev.wheelwise.bench.ImageDescriber;
import dev.wheelwise.bench.MeasuredImage;
import dev.wheelwise.image.ImageReference;
import dev.wheelwise.image.ResolvedImage;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The container engine as commands find it (DOCKER_HOST, contexts, the default socket), and
 * images the catalog cannot place described by running them there.
 */
final class EngineImages {
  private EngineImages() {}

  /**
   * The engine, checked to answer; the caller closes it (over ssh that ends the ssh processes).
   * {@code trace} (the verbose output) gets the ssh command each connection runs.
   */
  static EngineClient connect(Map<String, String> env, Optional<String> context, PrintWriter trace) throws BenchError {
    EngineHost host = EngineHost.find(env, home(), context);
    List<String> ssh = host.sshCommand();
    if (!ssh.isEmpty()) {
      trace.println("verbose: engine: " + host + ", each connection through: " + shellWords(ssh) + " (idle ones reused)");
      trace.flush();
    }
    EngineClient client = EngineClient.connect(host);
    try {
      client.version();
    } catch (BenchError | RuntimeException e) {
      client.close();
      throw e;
    }
    return client;
  }

  private static String shellWords(List<String> words) {
    StringBuilder out = new StringBuilder();
    for (String w : words) {
      out.append(out.length() == 0 ? "" : " ").append(w.matches("[A-Za-z0-9_./:=@%+,-]+") ? w : "'" + w.replace("'", "'\\''") + "'");
    }
    return out.toString();
  }

  /** Where described images are cached: {@code $XDG_CACHE_HOME/wheelwise/described}, else {@code ~/.cache/wheelwise/described}. */
  static Path cacheDir(Map<String, String> env) {
    String xdg = env.get("XDG_CACHE_HOME");
    Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : home().resolve(".cache");
    return base.resolve("wheelwise").resolve("described");
  }

  /**
   * For check: an unknown image described by running it, when an engine answers and has the
   * image (nothing is pulled); else empty, and the image stays unknown as before. One notice
   * line on standard error says an image was described this way.
   */
  static Function<ImageReference, Optional<ResolvedImage>> describer(Map<String, String> env, Optional<String> context, PrintWriter err) {
    return reference -> {
      try (EngineClient engine = connect(env, context, new PrintWriter(Writer.nullWriter()))) {
        ResolvedImage image = MeasuredImage.of(reference,
            new ImageDescriber(engine, Optional.of(cacheDir(env))).describe(reference.familiar()), LocalDate.now());
        err.println("notice: " + reference.familiar() + " is not in the catalog; described by running it on " + engine.where());
        err.flush();
        return Optional.of(image);
      } catch (BenchError unavailable) {
        return Optional.empty();
      }
    };
  }

  private static Path home() {
    return Path.of(System.getProperty("user.home"));
  }
}
