package dev.wheelwise.advise;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelwise.image.Catalog;
import dev.wheelwise.image.Platform;
import dev.wheelwise.pep440.Version;
import dev.wheelwise.tags.Libc;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link CandidateSearch} on the bundled catalog, a row per rule: the minors a requires-python
 * admits, --as-of, --python narrowing, the Dockerfile's base first and in use, platforms, named
 * images, and the refusals that become exit 2.
 */
class CandidateSearchTest {

  private static final Catalog CATALOG = Catalog.bundled();

  /** One search and what it must give: the candidates' image names in order (each once), the in-use set. */
  record Row(String rule, Optional<String> requiresPython, Optional<String> asOf, Optional<String> base, List<String> named,
      List<String> platforms, Optional<String> python, int candidates, List<String> firstImages, List<String> inUse) {
    @Override
    public String toString() {
      return rule;
    }
  }

  static Stream<Arguments> rows() {
    return Stream.of(
        new Row("requires-python >=3.11,<3.15: four minors, newest first, six variants each",
            Optional.of(">=3.11, <3.15"), Optional.empty(), Optional.empty(), List.of(), List.of(), Optional.empty(), 24,
            List.of("python:3.14-slim", "python:3.14", "python:3.14-slim-bookworm", "python:3.14-bookworm", "python:3.14-alpine",
                "python:3.14-alpine3.23", "python:3.13-slim"), List.of()),
        new Row("--python 3.12 narrows the minors to one",
            Optional.of(">=3.11, <3.15"), Optional.empty(), Optional.empty(), List.of(), List.of(), Optional.of("3.12"), 6,
            List.of("python:3.12-slim", "python:3.12", "python:3.12-slim-bookworm", "python:3.12-bookworm", "python:3.12-alpine",
                "python:3.12-alpine3.23"), List.of()),
        new Row("two platforms double the targets", Optional.of("==3.13.*"), Optional.empty(), Optional.empty(), List.of(),
            List.of("linux/amd64", "linux/arm64"), Optional.empty(), 12, List.of("python:3.13-slim", "python:3.13-slim"), List.of()),
        new Row("--as-of 2020-01-29: only the records in force then (Python 3.8.1 on buster, Alpine 3.11 and 3.10)",
            Optional.empty(), Optional.of("2020-01-29"), Optional.empty(), List.of(), List.of(), Optional.empty(), 4,
            List.of("python:3.8-slim", "python:3.8", "python:3.8-alpine", "python:3.8-alpine3.10"), List.of()),
        new Row("a Dockerfile's base comes first with its siblings, and is in use",
            Optional.empty(), Optional.of("2020-01-29"), Optional.of("python:3.8-alpine"), List.of(), List.of(), Optional.empty(), 4,
            List.of("python:3.8-alpine", "python:3.8-buster", "python:3.8-slim-buster", "python:3.8-alpine3.10"),
            List.of("python:3.8-alpine")),
        new Row("a base the catalog cannot place is shown as unknown beside the search",
            Optional.of("==3.13.*"), Optional.empty(), Optional.of("registry.example/corp/base:1"), List.of(), List.of(),
            Optional.empty(), 7, List.of("registry.example/corp/base:1", "python:3.13-slim"), List.of("registry.example/corp/base:1")),
        new Row("a requires-python no catalogued Python meets: the newest Python's images, to say why",
            Optional.of("<3"), Optional.empty(), Optional.empty(), List.of(), List.of(), Optional.empty(), 3,
            List.of("python:3.14-slim"), List.of()),
        new Row("named images replace the search", Optional.of(">=3.11"), Optional.empty(), Optional.empty(),
            List.of("python:3.12-alpine", "python:3.8-slim"), List.of(), Optional.empty(), 2,
            List.of("python:3.12-alpine", "python:3.8-slim"), List.of()))
        .map(Arguments::of);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void searches(Row row) throws Exception {
    List<Platform> platforms = row.platforms().isEmpty() ? List.of() : row.platforms().stream().map(CandidateSearchTest::platform).toList();
    CandidateSearch.Outcome outcome = CandidateSearch.search(new CandidateSearch.Request(CATALOG, row.asOf().map(LocalDate::parse),
        row.requiresPython(), row.base(), row.named(), platforms, row.python().map(Version::tryParse), Optional.empty(), Optional.empty()));
    assertThat(outcome).isInstanceOf(CandidateSearch.Placed.class);
    CandidateSearch.Placed placed = (CandidateSearch.Placed) outcome;
    assertThat(placed.candidates()).hasSize(row.candidates());
    assertThat(placed.candidates().stream().map(ImageCandidate::image).limit(row.firstImages().size()).toList())
        .containsExactlyElementsOf(row.firstImages());
    assertThat(placed.inUse()).containsAll(row.inUse());
    if (row.inUse().isEmpty()) {
      assertThat(placed.inUse()).isEmpty();
    }
    // Every searched python image is in its row and column: its minor and its OS release.
    placed.candidates().stream().filter(c -> c.image().startsWith("python:") && c.target().isPresent())
        .forEach(c -> assertThat(c.image()).startsWith("python:" + c.minor()));
  }

  record Refusal(String rule, List<String> named, List<String> platforms, Optional<String> python, Optional<String> libc,
      String reason) {
    @Override
    public String toString() {
      return rule;
    }
  }

  static Stream<Arguments> refusals() {
    return Stream.of(
        new Refusal("a named image the catalog cannot place", List.of("registry.example/corp/base:1"), List.of(), Optional.empty(),
            Optional.empty(), "cannot place registry.example/corp/base:1"),
        new Refusal("a named image not published for the platform", List.of("python:3.12-slim-bookworm"), List.of("linux/s390x"),
            Optional.empty(), Optional.empty(), "not published for linux/s390x"),
        new Refusal("--libc without --python cannot describe an image", List.of("registry.example/corp/base:1"), List.of(),
            Optional.empty(), Optional.of("musl-1.2"), "give both"))
        .map(Arguments::of);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusals")
  void refuses(Refusal row) {
    CandidateSearch.Outcome outcome = CandidateSearch.search(new CandidateSearch.Request(CATALOG, Optional.empty(), Optional.empty(),
        Optional.empty(), row.named(), row.platforms().stream().map(CandidateSearchTest::platform).toList(),
        row.python().map(Version::tryParse), row.libc().flatMap(Libc::parse), Optional.empty()));
    assertThat(outcome).isInstanceOfSatisfying(CandidateSearch.Unplaced.class,
        u -> assertThat(u.reason()).contains(row.reason()));
  }

  private static Platform platform(String text) {
    try {
      return Platform.parse(text);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
