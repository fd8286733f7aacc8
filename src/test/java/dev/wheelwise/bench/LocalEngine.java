package dev.wheelwise.bench;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * The engine the tests use: wherever DOCKER_HOST or the default socket points (CI's .ci/run
 * starts dockerd and builds the two local bases). Tests skip, saying why, when none answers or a
 * base is missing.
 */
final class LocalEngine {
  /** Debian bookworm with python3 3.11, pip and venv, no compiler (.ci/docker-bases.sh). */
  static final String BASE = "wheelwise-ci/bookworm-python";
  /** The same with build-essential and python3-dev. */
  static final String BASE_GCC = "wheelwise-ci/bookworm-python-gcc";

  private LocalEngine() {}

  static EngineClient require() {
    try {
      EngineClient client = EngineClient.connect(EngineHost.find(System.getenv(), Path.of(System.getProperty("user.home")), Optional.empty()));
      client.version();
      return client;
    } catch (BenchError e) {
      Assumptions.abort("no container engine answers (" + e.getMessage() + "); .ci/run starts one");
      throw new IllegalStateException(e);
    }
  }

  static EngineClient requireImages(String... images) {
    EngineClient client = require();
    for (String image : images) {
      try {
        if (client.image(image).isEmpty()) {
          Assumptions.abort(image + " is not on the engine; .ci/docker-bases.sh builds it");
        }
      } catch (BenchError e) {
        Assumptions.abort("the engine did not answer for " + image + ": " + e.getMessage());
      }
    }
    return client;
  }
}
