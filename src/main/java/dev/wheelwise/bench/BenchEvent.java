package dev.wheelwise.bench;

/** Progress of a bench run, for the caller to show; the core never prints. */
public sealed interface BenchEvent {

  /** A build starts: which image, which repetition. */
  record Started(String image, int run) implements BenchEvent {}

  /** The engine began a Dockerfile step. */
  record Step(String image, int run, int number, int of, String instruction) implements BenchEvent {}

  /** A build ended. */
  record Finished(Measurement measurement) implements BenchEvent {}

  /** What was left on the engine was removed (or kept with --keep). */
  record Cleaned(int images, int containers, boolean kept) implements BenchEvent {}
}
