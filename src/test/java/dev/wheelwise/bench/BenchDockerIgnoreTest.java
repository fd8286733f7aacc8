package dev.wheelwise.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end on the engine: a project whose {@code .dockerignore} leaves out its 8 MB virtualenv
 * is built with {@code COPY . /app} and a RUN step that fails if the folder arrived; without the
 * {@code .dockerignore} the same build fails at that step (the control). A Dockerfile's own
 * {@code <name>.dockerignore} is the file that applies when it exists. Skips without an engine.
 */
class BenchDockerIgnoreTest {

  @Test
  void theEngineNeverSeesWhatDockerignoreExcludes(@TempDir Path project) throws Exception {
    EngineClient engine = LocalEngine.requireImages(LocalEngine.BASE);
    Path venv = Files.createDirectories(project.resolve(".venv/lib"));
    for (int i = 0; i < 8; i++) {
      Files.write(venv.resolve("blob" + i + ".so"), new byte[1 << 20]);
    }
    Files.writeString(project.resolve("app.py"), "print('hi')\n");
    String dockerfile = "FROM " + LocalEngine.BASE + "\nCOPY . /app\nRUN test -f /app/app.py && test ! -e /app/.venv\n";
    BuildRecipe recipe = new BuildRecipe(LocalEngine.BASE, dockerfile, Optional.of(project), Map.of(), Set.of());

    Files.writeString(project.resolve(".dockerignore"), ".venv\n");
    Bench bench = new Bench(engine, UUID.randomUUID().toString().substring(0, 12), false, e -> {});
    try {
      List<Measurement> ignored = bench.run(List.of(recipe), Optional.empty(), 1, 1);
      assertThat(ignored).singleElement().satisfies(m -> assertThat(m.built()).as(m.errorLine().orElse("")).isTrue());

      Files.delete(project.resolve(".dockerignore"));
      List<Measurement> sent = bench.run(List.of(recipe), Optional.empty(), 1, 1);
      assertThat(sent).singleElement().satisfies(m -> {
        assertThat(m.built()).isFalse();
        assertThat(m.failedStep()).hasValueSatisfying(s -> assertThat(s.number()).isEqualTo(3));
      });
    } finally {
      bench.cleanup();
    }
  }

  @Test
  void theDockerfilesOwnIgnoreFileIsTheOneTheEngineSees(@TempDir Path project) throws Exception {
    EngineClient engine = LocalEngine.requireImages(LocalEngine.BASE);
    Files.createDirectories(project.resolve(".venv/lib"));
    Files.write(project.resolve(".venv/lib/blob.so"), new byte[1 << 16]);
    Files.writeString(project.resolve("app.py"), "print('hi')\n");
    Path dockerfile = Files.createDirectories(project.resolve("build")).resolve("app.Dockerfile");
    String text = "FROM " + LocalEngine.BASE + "\nCOPY . /app\nRUN test -f /app/app.py && test ! -e /app/.venv && test -f /app/.dockerignore\n";
    Files.writeString(dockerfile, text);
    // The build passes only if build/app.Dockerfile.dockerignore alone applies: the context's .dockerignore
    // would leave app.py out and send .venv; the Dockerfile's own leaves .venv out and keeps app.py.
    Files.writeString(project.resolve(".dockerignore"), "app.py\n");
    Files.writeString(project.resolve("build/app.Dockerfile.dockerignore"), ".venv\n");
    BuildRecipe recipe = new BuildRecipe(LocalEngine.BASE, text, Optional.of(project), Map.of(), Set.of(), Optional.of(dockerfile));
    Bench bench = new Bench(engine, UUID.randomUUID().toString().substring(0, 12), false, e -> {});
    try {
      List<Measurement> own = bench.run(List.of(recipe), Optional.empty(), 1, 1);
      assertThat(own).singleElement().satisfies(m -> assertThat(m.built()).as(m.errorLine().orElse("")).isTrue());
    } finally {
      bench.cleanup();
    }
  }
}
