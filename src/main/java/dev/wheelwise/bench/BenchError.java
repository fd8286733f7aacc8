package dev.wheelwise.bench;

import java.util.Objects;

/** Why bench (or describing an image) could not do its work; {@link Kind} says which failure. */
public final class BenchError extends Exception {

  /** One value per failure, as a person would act on it. */
  public enum Kind {
    /** No engine answers where DOCKER_HOST, the context or the default socket points. */
    NO_ENGINE,
    /** The engine is reached in a way this version does not speak (TLS, ssh). */
    UNSUPPORTED_ENGINE,
    /** The engine answered a request with an error (other than a build's own failure). */
    ENGINE_ERROR,
    /** The image to describe or build on is not on the engine (bench never pulls unasked). */
    NO_SUCH_IMAGE,
    /** A build or a container did not finish in time. */
    TIMEOUT
  }

  private final Kind kind;

  public BenchError(Kind kind, String message) {
    super(message);
    this.kind = Objects.requireNonNull(kind, "kind");
  }

  public BenchError(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = Objects.requireNonNull(kind, "kind");
  }

  public Kind kind() {
    return kind;
  }
}
