package dev.wheelwise.advise;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelwise.pep440.Version;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link Ranking}, a row per step of the documented order: each row is two plans that differ in
 * that step only (and in later ones, the wrong way round), and the first must rank before the
 * second whichever order they are given in; {@link Why#over} names that step.
 */
class RankingTest {

  /** A plan's facts that the ranking reads. */
  record P(String image, String python, Verdict verdict, List<BuildNeed> builds, int pitfalls, Optional<Range> size) {}

  private static final BuildNeed PURE = new BuildNeed(true, List.of(), List.of(), false, Optional.empty());
  private static final BuildNeed C = new BuildNeed(true, List.of("c"), List.of("gcc", "libc6-dev"), true, Optional.empty());
  private static final BuildNeed UNKNOWN_NEEDS = BuildNeed.unknown("no build-deps knowledge");
  private static final Optional<Range> MB150 = Optional.of(Range.of(150_000_000, 150_000_000));

  record Row(String step, P better, P worse, String why) {
    @Override
    public String toString() {
      return step;
    }
  }

  static Stream<Arguments> rows() {
    return Stream.of(
        new Row("installs before unknown", new P("a", "3.12.1", Verdict.WHEELS, List.of(), 3, Optional.empty()),
            new P("b", "3.13.1", Verdict.UNKNOWN, List.of(), 0, MB150), "the next, b, is unknown"),
        new Row("fails for known system packages installs (with the line) before unknown",
            new P("a", "3.12.1", Verdict.FAILS, List.of(C), 0, MB150), new P("b", "3.13.1", Verdict.UNKNOWN, List.of(), 0, MB150),
            "the next, b, is unknown"),
        new Row("fails with unknown needs after unknown, before unavailable",
            new P("a", "3.12.1", Verdict.FAILS, List.of(UNKNOWN_NEEDS), 0, MB150),
            new P("b", "3.13.1", Verdict.UNAVAILABLE, List.of(), 0, MB150), "the next, b, is unavailable"),
        new Row("no compiler needed before a compiled build", new P("a", "3.12.1", Verdict.BUILDS, List.of(PURE, PURE), 1, MB150),
            new P("b", "3.13.1", Verdict.BUILDS, List.of(C), 0, MB150), "needs no compiler"),
        new Row("fewer builds", new P("a", "3.12.1", Verdict.BUILDS, List.of(C), 1, MB150),
            new P("b", "3.13.1", Verdict.BUILDS, List.of(C, C), 0, MB150), "fewer source builds than b (1 against 2)"),
        new Row("fewer musl pitfalls", new P("a", "3.12.1", Verdict.WHEELS, List.of(), 0, Optional.of(Range.of(400_000_000, 400_000_000))),
            new P("b", "3.13.1", Verdict.WHEELS, List.of(), 2, MB150), "fewer musl runtime pitfalls than b"),
        new Row("smaller", new P("a", "3.12.1", Verdict.WHEELS, List.of(), 0, MB150),
            new P("b", "3.13.1", Verdict.WHEELS, List.of(), 0, Optional.of(Range.of(400_000_000, 400_000_000))),
            "smaller than b (estimated 150 MB against 400 MB)"),
        new Row("a bounded size before an open-ended one", new P("a", "3.12.1", Verdict.WHEELS, List.of(), 0, Optional.of(Range.of(900_000_000, 900_000_000))),
            new P("b", "3.13.1", Verdict.WHEELS, List.of(), 0, Optional.of(Range.atLeast(100_000_000))), "smaller than b"),
        new Row("neither size recorded: a slim variant before a full one",
            new P("python:3.12-slim-trixie", "3.12.1", Verdict.WHEELS, List.of(), 0, Optional.empty()),
            new P("python:3.13-trixie", "3.13.1", Verdict.WHEELS, List.of(), 0, Optional.empty()),
            "a slim variant, smaller than python:3.13-trixie by construction (the full variants add compilers and headers; "
                + "neither size is recorded)"),
        new Row("estimates within 10 %: a slim variant before a full one",
            new P("python:3.12-slim-trixie", "3.12.1", Verdict.WHEELS, List.of(), 0, Optional.of(Range.of(155_000_000, 155_000_000))),
            new P("python:3.13-trixie", "3.13.1", Verdict.WHEELS, List.of(), 0, MB150),
            "a slim variant, smaller than python:3.13-trixie by construction (the full variants add compilers and headers; "
                + "the estimates are within 10 %)"),
        new Row("within 10 % the newer Python", new P("a", "3.13.1", Verdict.WHEELS, List.of(), 0, Optional.of(Range.of(155_000_000, 155_000_000))),
            new P("b", "3.12.1", Verdict.WHEELS, List.of(), 0, MB150), "a newer Python than b (3.13.1 against 3.12.1)"))
        .map(Arguments::of);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void ranksInTheDocumentedOrder(Row row) {
    ImagePlan better = plan(row.better());
    ImagePlan worse = plan(row.worse());
    assertThat(Ranking.rank(List.of(worse, better))).containsExactly(better, worse);
    assertThat(Ranking.rank(List.of(better, worse))).containsExactly(better, worse);
    assertThat(Why.over(better, List.of(better, worse))).contains(row.why());
  }

  static ImagePlan plan(P p) {
    ImageCandidate image = new ImageCandidate(p.image(), "linux/amd64", p.python(), "glibc", Optional.of("2.41"), Optional.of("apt"),
        Set.of(), Set.of(), true, OptionalLong.empty(), List.of(), Optional.empty(), List.of(), List.of(),
        p.image().contains("-slim") ? "slim-trixie" : "trixie");
    List<PackagePlan> packages = new ArrayList<>();
    for (int i = 0; i < p.builds().size(); i++) {
      CandidateFile sdist = new CandidateFile("pkg" + i, Version.tryParse("1.0"), "pkg" + i + "-1.0.tar.gz", OptionalLong.of(1000),
          Optional.empty(), false, Optional.empty());
      packages.add(new PackagePlan("pkg" + i, Optional.of("1.0"), new Choice.Sdist(sdist), Optional.of(p.builds().get(i)), true,
          Optional.empty()));
    }
    List<String> pitfalls = new ArrayList<>();
    for (int i = 0; i < p.pitfalls(); i++) {
      pitfalls.add("musl-pitfall-" + i);
    }
    ImagePlan.Summary summary = new ImagePlan.Summary(packages.size(), 0, packages.size(), 0, 0, 0, p.size(),
        Optional.of(Range.of(60L * packages.size(), 60L * packages.size())), List.of(), pitfalls, List.of(), List.of(), List.of(),
        List.of(), List.of(), 0);
    return new ImagePlan(image, packages, p.verdict(), Optional.empty(), Optional.empty(), List.of(), summary);
  }
}
