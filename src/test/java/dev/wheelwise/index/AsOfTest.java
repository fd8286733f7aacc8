package dev.wheelwise.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelwise.testing.Shared;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code --as-of} on the corpus facts: the January 2020 case of the classic article. */
class AsOfTest {
  static Snapshot facts;

  @BeforeAll
  static void build() throws IOException {
    facts = SnapshotBuilder.build(List.of(Shared.require("corpus/index-facts"))).snapshot();
  }

  private static Map<AsOf.Status, List<String>> byStatus(String project, String date) {
    AsOf asOf = new AsOf(LocalDate.parse(date), facts.releaseDates());
    return asOf.date(facts.page(project).orElseThrow()).stream()
        .collect(Collectors.groupingBy(AsOf.Dated::status, Collectors.mapping(d -> d.file().filename(), Collectors.toList())));
  }

  @Test
  void pandasInMidJanuary2020Is0253NotYet100() {
    Map<AsOf.Status, List<String>> m = byStatus("pandas", "2020-01-20");
    assertThat(m.get(AsOf.Status.RELEASED_BY_THEN)).contains("pandas-0.25.3-cp38-cp38-manylinux1_x86_64.whl", "pandas-0.25.3.tar.gz")
        .allMatch(f -> f.startsWith("pandas-0.25.3"));
    assertThat(m.get(AsOf.Status.AFTER)).contains("pandas-1.0.0.tar.gz");
    // Files with upload times (uv.lock-era pandas) are decided by them: all after 2020.
    assertThat(m.get(AsOf.Status.AFTER)).anyMatch(f -> f.startsWith("pandas-2."));
    assertThat(m.getOrDefault(AsOf.Status.UPLOADED, List.of())).isEmpty();
  }

  @Test
  void marksSayWhyAndTheCutoffDayIsUncertain() {
    AsOf asOf = new AsOf(LocalDate.parse("2020-01-29"), facts.releaseDates());
    AsOf.Dated d = asOf.date(facts.page("pandas").orElseThrow()).stream()
        .filter(x -> x.file().filename().equals("pandas-1.0.0.tar.gz")).findFirst().orElseThrow();
    assertThat(d.status()).isEqualTo(AsOf.Status.RELEASED_BY_THEN);
    assertThat(d.mark()).isEqualTo("upload time unknown, version released 2020-01-29 (on the cutoff day: uncertain)");
  }

  @Test
  void unknownIsNeverCountedAsOld() {
    // matplotlib 3.1.3's release date is known (2020-02-03); tensorflow's 2026 files have no date and no upload time.
    Map<AsOf.Status, List<String>> tf = byStatus("tensorflow", "2030-01-01");
    assertThat(tf.get(AsOf.Status.UNKNOWN)).isNotEmpty();
    AsOf asOf = new AsOf(LocalDate.parse("2030-01-01"), facts.releaseDates());
    assertThat(asOf.filter(facts.page("tensorflow").orElseThrow()).files())
        .noneMatch(f -> f.uploadTime().isEmpty());
  }

  @Test
  void uploadTimeDecidesToTheDay() {
    Map<AsOf.Status, List<String>> before = byStatus("six", "2024-12-03");
    Map<AsOf.Status, List<String>> on = byStatus("six", "2024-12-04");
    assertThat(before.get(AsOf.Status.AFTER)).contains("six-1.17.0-py2.py3-none-any.whl");
    assertThat(on.get(AsOf.Status.UPLOADED)).containsExactlyInAnyOrder("six-1.17.0-py2.py3-none-any.whl", "six-1.17.0.tar.gz");
    assertThat(on.get(AsOf.Status.RELEASED_BY_THEN)).containsExactlyInAnyOrder("six-1.14.0-py2.py3-none-any.whl", "six-1.14.0.tar.gz");
  }
}
