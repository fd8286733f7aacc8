package dev.wheelwise.cli;

import dev.wheelwise.bench.EngineClient;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Ends the engine's connections (over ssh, its processes) when the JVM exits before the command
 * does (SIGINT), after whatever must reach the engine first (bench removing what it made). One
 * hook per command: the JVM runs hooks at the same time, and a second hook closing the engine
 * would cut the first one's cleanup off. {@link #close} at the command's normal end removes it.
 */
final class EngineExitHook implements AutoCloseable {
  private final AtomicReference<Runnable> first = new AtomicReference<>(() -> { });
  private final Thread thread;

  EngineExitHook(EngineClient engine) {
    thread = new Thread(() -> {
      try {
        first.get().run();
      } finally {
        engine.close();
      }
    }, "wheelwise-engine-exit");
    Runtime.getRuntime().addShutdownHook(thread);
  }

  /** What runs before the engine is closed on an early exit (replacing what ran before). */
  void first(Runnable action) {
    first.set(action);
  }

  @Override
  public void close() {
    try {
      Runtime.getRuntime().removeShutdownHook(thread);
    } catch (IllegalStateException shuttingDown) {
      // the JVM is exiting: the hook runs (or ran) anyway
    }
  }
}
