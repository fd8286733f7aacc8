package dev.wheelwise.bench;

import java.util.List;
import java.util.Objects;

/**
 * A bench run for the renderers ({@code wheelwise.bench/1}): where it ran, where packages came
 * from, and the predicted-versus-measured rows, disagreements first.
 *
 * @param runId the label value every image and container of the run carried
 * @param engine the engine's address and version
 * @param cores the engine's CPU count, as it reports it
 * @param index where check's prediction read the files
 * @param repeat builds per image
 */
public record BenchReport(String runId, String engine, int cores, String index, int repeat, List<Comparison.Row> rows) {
  public BenchReport {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(engine, "engine");
    Objects.requireNonNull(index, "index");
    rows = List.copyOf(rows);
  }
}
