package dev.wheelwise.cli;

import dev.wheelwise.image.CatalogEntry;
import dev.wheelwise.image.ImageReference;
import dev.wheelwise.image.InvalidImageReference;
import dev.wheelwise.image.InvalidPlatform;
import dev.wheelwise.image.OsRelease;
import dev.wheelwise.image.Overlay;
import dev.wheelwise.image.Platform;
import dev.wheelwise.image.Refresher;
import dev.wheelwise.image.UnknownImage;
import dev.wheelwise.pep440.Version;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.Call;
import okhttp3.OkHttpClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code wheelwise images refresh IMAGE…}: reads each image through the OCI distribution API
 * into the local catalog overlay, which later runs use ahead of the bundled catalog. Exit 3
 * when a registry cannot be reached or answers badly.
 */
@Command(name = "refresh", description = "Read images from their registry into the local catalog overlay.")
final class ImagesRefreshCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @picocli.CommandLine.Mixin OutputOptions verbosity = new OutputOptions();
  @ParentCommand ImagesCommand parent;

  @Parameters(arity = "1..*", paramLabel = "IMAGE", description = "Image references, e.g. python:3.12-slim or localhost:5000/app:1.")
  List<String> images = new ArrayList<>();

  @Option(names = "--platform", paramLabel = "OS/ARCH[/VARIANT]", description = "The platform to read (default: linux/amd64).")
  String platform = "linux/amd64";

  @Option(names = "--overlay", paramLabel = "FILE", description = "The overlay file to write (default: $XDG_CACHE_HOME/wheelwise/images.json).")
  Path overlay;

  @Option(names = "--timeout", paramLabel = "DURATION",
      description = "Stop (exit 3) if the run is still reading from a registry this long after it started, e.g. 120s, 5m (default: none).")
  String timeout;

  @Override
  public Integer call() throws InvalidImageReference, InvalidPlatform {
    Platform wanted = Platform.parse(platform);
    List<ImageReference> refs = new ArrayList<>();
    for (String text : images) {
      refs.add(ImageReference.parse(text));
    }
    Path file = overlay != null ? overlay : parent.overlayPath();
    Optional<Duration> limit = Optional.ofNullable(timeout).map(ConnectionOptions::parseDuration);
    long deadline = System.nanoTime() + limit.map(Duration::toNanos).orElse(0L);
    AtomicBoolean expired = new AtomicBoolean();
    // Every call, kept to be cancelled: the dispatcher forgets a call once execute() returns,
    // while its body (a manifest, a streamed layer) is still being read.
    Queue<Call> calls = new ConcurrentLinkedQueue<>();
    PrintWriter trace = verbosity.trace(spec.commandLine().getErr());
    OkHttpClient http = new OkHttpClient.Builder().connectTimeout(10, TimeUnit.SECONDS).readTimeout(60, TimeUnit.SECONDS)
        .addInterceptor(chain -> {
          calls.add(chain.call());
          if (expired.get()) {
            throw new IOException("the run's --timeout has passed");
          }
          okhttp3.Response response = chain.proceed(chain.request());
          trace.println("verbose: " + chain.request().method() + " " + chain.request().url() + ": " + response.code());
          trace.flush();
          return response;
        }).build();
    // At the deadline every call in flight is cancelled and none starts.
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "wheelwise-timeout");
      t.setDaemon(true);
      return t;
    });
    limit.ifPresent(l -> timer.schedule(() -> {
      expired.set(true);
      calls.forEach(Call::cancel);
    }, deadline - System.nanoTime(), TimeUnit.NANOSECONDS));
    Refresher refresher = new Refresher(http);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    try {
      for (ImageReference ref : refs) {
        CatalogEntry entry;
        try {
          entry = refresher.read(ref, wanted, today);
        } catch (UnknownImage unavailable) {
          throw new UsageException(unavailable.getMessage());
        } catch (IOException unreachable) {
          if (expired.get()) {
            err.println("error: the run exceeded --timeout " + timeout + " while reading " + ref.familiar()
                + " from its registry; raise it with --timeout");
            return Main.EXIT_INDEX;
          }
          err.println("error: cannot read " + ref.familiar() + " from its registry: " + unreachable.getMessage());
          return Main.EXIT_INDEX;
        }
        try {
          Overlay.add(file, entry);
        } catch (IOException cannotWrite) {
          throw new UsageException("cannot write the catalog overlay " + file + ": " + cannotWrite.getMessage());
        }
        out.println("refreshed " + ref.familiar() + " (" + wanted + "): "
            + entry.os().value().map(OsRelease::toString).orElse("OS unknown") + ", "
            + entry.libcFamily().map(f -> f.lower() + " ").orElse("libc ") + entry.libcVersion().value().orElse("unknown") + ", Python "
            + entry.python().value().map(Version::toString).orElse("unknown") + ", pip " + entry.pip().value().map(Version::toString).orElse("unknown"));
      }
      out.println("overlay: " + file);
      return Main.EXIT_OK;
    } finally {
      timer.shutdownNow();
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
  }
}
