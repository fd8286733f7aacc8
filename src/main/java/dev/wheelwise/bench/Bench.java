package dev.wheelwise.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wheelwise.bench.json.ContainerJson;
import dev.wheelwise.bench.json.ImageJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Runs the builds: each recipe {@code repeat} times, up to {@code jobs} at once on the engine,
 * without the engine's cache (every build measures the whole install), with host networking (so
 * RUN steps reach an index on the engine's loopback). Everything made carries the label
 * {@value #LABEL}={@code runId}; {@link #cleanup()} removes it (the built images, the
 * containers and intermediate images the stream names, and whatever else carries the label),
 * unless the run keeps its images. {@code cleanup} is safe to call from a shutdown hook while
 * builds run.
 */
public final class Bench {
  public static final String LABEL = "dev.wheelwise.bench.run";
  static final String DOCKERFILE = ".wheelwise-bench.Dockerfile";

  private final EngineClient engine;
  private final String runId;
  private final boolean keep;
  private final Consumer<BenchEvent> events;
  private final Set<String> builtImages = ConcurrentHashMap.newKeySet();
  private final Set<String> containers = ConcurrentHashMap.newKeySet();
  private final Set<String> layers = ConcurrentHashMap.newKeySet();

  public Bench(EngineClient engine, String runId, boolean keep, Consumer<BenchEvent> events) {
    this.engine = Objects.requireNonNull(engine, "engine");
    this.runId = Objects.requireNonNull(runId, "runId");
    this.keep = keep;
    this.events = Objects.requireNonNull(events, "events");
  }

  public String runId() {
    return runId;
  }

  /** The measurements of every recipe, {@code repeat} each, in recipe then repetition order. */
  public List<Measurement> run(List<BuildRecipe> recipes, Optional<String> platform, int repeat, int jobs) throws BenchError {
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, jobs), r -> {
      Thread t = new Thread(r, "wheelwise-bench");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<Measurement>> futures = new ArrayList<>();
      for (BuildRecipe recipe : recipes) {
        for (int run = 1; run <= repeat; run++) {
          int n = run;
          futures.add(pool.submit(() -> build(recipe, platform, n)));
        }
      }
      List<Measurement> out = new ArrayList<>();
      for (Future<Measurement> f : futures) {
        try {
          out.add(f.get());
        } catch (ExecutionException e) {
          if (e.getCause() instanceof BenchError b) {
            throw b;
          }
          throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new BenchError(BenchError.Kind.TIMEOUT, "interrupted");
        }
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }

  /** One build of one recipe. */
  Measurement build(BuildRecipe recipe, Optional<String> platform, int run) throws BenchError, IOException {
    events.accept(new BenchEvent.Started(recipe.image(), run));
    Map<String, byte[]> added = new LinkedHashMap<>(recipe.addedFiles());
    added.put(DOCKERFILE, recipe.dockerfile().getBytes(StandardCharsets.UTF_8));
    byte[] context = ContextTar.of(recipe.context().orElse(null), recipe.dockerfilePath(), added);
    String tag = "wheelwise-bench/" + runId + ":" + slug(recipe.image()) + "-" + run;
    Map<String, String> query = new LinkedHashMap<>();
    query.put("dockerfile", DOCKERFILE);
    query.put("t", tag);
    query.put("labels", new ObjectMapper().writeValueAsString(Map.of(LABEL, runId)));
    query.put("nocache", "1");
    query.put("rm", "1");
    query.put("forcerm", "1");
    query.put("networkmode", "host");
    platform.ifPresent(p -> query.put("platform", p));
    BuildLog log = new BuildLog();
    int[] seenSteps = {0};
    Instant start = Instant.now();
    EngineClient.Built built = engine.build(query, context, message -> {
      Instant at = Instant.now();
      message.stream().ifPresent(text -> {
        log.text(text, at);
        containers.addAll(log.containers());
        layers.addAll(log.layers());
        List<BuildLog.StepMark> steps = log.steps();
        for (; seenSteps[0] < steps.size(); seenSteps[0]++) {
          BuildLog.StepMark s = steps.get(seenSteps[0]);
          events.accept(new BenchEvent.Step(recipe.image(), run, s.number(), s.of(), s.instruction()));
        }
      });
      message.error().ifPresent(e -> log.text("\n", at));
    });
    Instant end = Instant.now();
    log.end(end);
    containers.addAll(log.containers());
    layers.addAll(log.layers());
    OptionalLong size = OptionalLong.empty();
    if (built.imageId().isPresent()) {
      builtImages.add(built.imageId().get());
      Optional<ImageJson> image = engine.image(built.imageId().get());
      size = image.map(i -> i.size() >= 0 ? OptionalLong.of(i.size()) : OptionalLong.empty()).orElse(OptionalLong.empty());
    }
    List<BuildLog.StepMark> steps = log.steps();
    Optional<Measurement.FailedStep> failedStep = built.error().isPresent() && !steps.isEmpty()
        ? Optional.of(steps.get(steps.size() - 1)).map(s -> new Measurement.FailedStep(s.number(), s.of(), s.instruction()))
        : Optional.empty();
    boolean failedInstall = failedStep.map(s -> recipe.dependencySteps().contains(s.number())).orElse(false);
    Measurement m = new Measurement(recipe.image(), platform.orElse("engine default"), run, built.imageId().isPresent(), failedStep,
        built.error().isPresent() ? log.firstError().or(built::error) : Optional.empty(),
        failedInstall ? log.failedPackage() : Optional.empty(),
        Duration.between(start, end).toMillis() / 1000.0,
        log.secondsIn(recipe.dependencySteps(), end), size, log.sourceBuilds());
    events.accept(new BenchEvent.Finished(m));
    if (!keep) {
      removeQuietly(built.imageId());
    }
    return m;
  }

  private void removeQuietly(Optional<String> image) {
    image.ifPresent(id -> {
      try {
        engine.removeImage(id);
        builtImages.remove(id);
      } catch (BenchError left) {
        // cleanup() tries again and reports what stays
      }
    });
  }

  /**
   * Removes what this run made: containers first (they hold images), then built images, then
   * intermediate images of stages the final image does not rest on, then anything else carrying
   * the run's label. With {@code keep}, built images stay and only containers are removed.
   */
  public BenchEvent.Cleaned cleanup() {
    int images = 0;
    int removedContainers = 0;
    List<String> containerIds = new ArrayList<>(containers);
    try {
      engine.containers(LABEL + "=" + runId).stream().map(ContainerJson::id).forEach(containerIds::add);
    } catch (BenchError unreachable) {
      // the ids the stream named are still tried
    }
    for (String id : containerIds) {
      try {
        if (engine.removeContainer(id)) {
          removedContainers++;
        }
      } catch (BenchError ignored) {
        // already gone, or the engine is gone
      }
    }
    if (!keep) {
      List<String> imageIds = new ArrayList<>(builtImages);
      List<String> intermediate = new ArrayList<>(layers);
      Collections.reverse(intermediate);
      imageIds.addAll(intermediate);
      try {
        engine.images(LABEL + "=" + runId).stream().map(ImageJson::id).forEach(imageIds::add);
      } catch (BenchError unreachable) {
        // as above
      }
      for (String id : imageIds) {
        try {
          if (engine.image(id).isPresent()) {
            engine.removeImage(id);
            images++;
          }
        } catch (BenchError ignored) {
          // a parent still in use by another image, or already gone
        }
      }
    }
    BenchEvent.Cleaned cleaned = new BenchEvent.Cleaned(images, removedContainers, keep);
    events.accept(cleaned);
    return cleaned;
  }

  private static String slug(String image) {
    String s = image.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_.-]+", "-");
    return s.length() > 100 ? s.substring(0, 100) : s;
  }
}
