package dev.wheelwise.bench;

import java.util.Objects;

/** Why bench (or describing an image) could not do its work; {@link Kind} says which failure. */
public final class BenchError extends Exception {

  /** One value per failure, as a person would act on it. */
  public enum Kind {
    /** No engine answers where DOCKER_HOST, the context or the default socket points (over ssh: no login, no docker there). */
    NO_ENGINE,
    /** The engine is named in a way this machine cannot speak (an unknown scheme, ssh:// with no ssh client); exit 2. */
    UNSUPPORTED_ENGINE,
    /** What names the engine is wrong: a context that cannot be read, TLS files missing or malformed; exit 2. */
    BAD_ENGINE_CONFIG,
    /** The build context cannot be made as docker would (a malformed .dockerignore); exit 2. */
    BAD_CONTEXT,
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

  /** Whether the user's input is at fault (exit 2) rather than the engine (exit 3). */
  public boolean isUsage() {
    return kind == Kind.UNSUPPORTED_ENGINE || kind == Kind.BAD_ENGINE_CONFIG || kind == Kind.BAD_CONTEXT;
  }
}
