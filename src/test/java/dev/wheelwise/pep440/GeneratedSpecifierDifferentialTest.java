package dev.wheelwise.pep440;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wheelwise.testing.PythonOracle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Generated versions and specifier sets (jqwik generators, {@link Pep440Arbitraries}): ordering,
 * {@code contains} and {@code filter} agree with each packaging release under its profile. Each
 * test draws its whole batch first and asks the oracle once.
 */
class GeneratedSpecifierDifferentialTest {

  private static final int CONTAINS_CASES = 6000;
  private static final int FILTER_CASES = 1500;
  private static final int ORDER_CASES = 3000;
  private static final int NORMALIZE_CASES = 3000;

  private static final Arbitrary<Optional<Boolean>> PRE = Arbitraries.frequencyOf(
      net.jqwik.api.Tuple.of(3, Arbitraries.just(Optional.<Boolean>empty())),
      net.jqwik.api.Tuple.of(1, Arbitraries.just(Optional.of(true))),
      net.jqwik.api.Tuple.of(1, Arbitraries.just(Optional.of(false))));

  private static Map<String, Object> contains(String spec, String version, Optional<Boolean> pre) {
    Map<String, Object> c = new HashMap<>();
    c.put("op", "contains");
    c.put("spec", spec);
    c.put("version", version);
    c.put("pre", pre.orElse(null));
    return c;
  }

  @ParameterizedTest
  @EnumSource(PythonOracle.class)
  void containsAgrees(PythonOracle oracle) {
    PipProfile profile = CorpusSpecifierDifferentialTest.profileOf(oracle);
    List<Map<String, Object>> cases = Combinators
        .combine(Pep440Arbitraries.specifierSet(), Pep440Arbitraries.version(), PRE)
        .as(GeneratedSpecifierDifferentialTest::contains)
        .sampleStream().limit(CONTAINS_CASES).toList();
    List<JsonNode> answers = oracle.run("specifier.py", cases);
    List<String> mismatches = new ArrayList<>();
    for (int i = 0; i < cases.size(); i++) {
      Map<String, Object> c = cases.get(i);
      Object mine = ourContains((String) c.get("spec"), (String) c.get("version"),
          Optional.ofNullable((Boolean) c.get("pre")), profile);
      Object theirs = answers.get(i).isBoolean() ? answers.get(i).asBoolean() : answers.get(i).asText();
      if (!Objects.equals(mine, theirs)) {
        mismatches.add(c + " -> ours " + mine + ", packaging " + theirs);
      }
    }
    System.out.println("generated contains cases compared with " + oracle + ": " + cases.size());
    assertThat(mismatches).isEmpty();
  }

  private static Object ourContains(String spec, String version, Optional<Boolean> pre, PipProfile profile) {
    SpecifierSet set;
    try {
      set = SpecifierSet.parse(spec, profile);
    } catch (InvalidSpecifier e) {
      return "invalid";
    }
    Version v = Version.tryParse(version, profile);
    return v == null ? "invalid" : set.contains(v, profile, pre);
  }

  @ParameterizedTest
  @EnumSource(PythonOracle.class)
  void filterAgrees(PythonOracle oracle) {
    PipProfile profile = CorpusSpecifierDifferentialTest.profileOf(oracle);
    List<Map<String, Object>> cases = Combinators
        .combine(Pep440Arbitraries.specifierSet(), Pep440Arbitraries.version().list().ofMinSize(0).ofMaxSize(8), PRE)
        .as((spec, versions, pre) -> {
          Map<String, Object> c = contains(spec, null, pre);
          c.put("op", "filter");
          c.remove("version");
          c.put("versions", versions);
          return c;
        })
        .sampleStream().limit(FILTER_CASES).toList();
    List<JsonNode> answers = oracle.run("specifier.py", cases);
    List<String> mismatches = new ArrayList<>();
    for (int i = 0; i < cases.size(); i++) {
      Map<String, Object> c = cases.get(i);
      @SuppressWarnings("unchecked")
      List<String> versions = (List<String>) c.get("versions");
      Object mine;
      try {
        SpecifierSet set = SpecifierSet.parse((String) c.get("spec"), profile);
        List<Version> parsed = versions.stream().map(v -> Version.tryParse(v, profile)).toList();
        mine = set.filter(parsed, profile, Optional.ofNullable((Boolean) c.get("pre"))).stream()
            .map(Version::toString).toList();
      } catch (InvalidSpecifier e) {
        mine = "invalid";
      }
      Object theirs;
      if (answers.get(i).isArray()) {
        List<String> list = new ArrayList<>();
        answers.get(i).forEach(n -> list.add(n.asText()));
        theirs = list;
      } else {
        theirs = answers.get(i).asText();
      }
      if (!Objects.equals(mine, theirs)) {
        mismatches.add(c + " -> ours " + mine + ", packaging " + theirs);
      }
    }
    System.out.println("generated filter cases compared with " + oracle + ": " + cases.size());
    assertThat(mismatches).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(PythonOracle.class)
  void normalizationAgrees(PythonOracle oracle) {
    PipProfile profile = CorpusSpecifierDifferentialTest.profileOf(oracle);
    List<String> cases = Pep440Arbitraries.versionOrNearMiss().sampleStream().limit(NORMALIZE_CASES).toList();
    List<JsonNode> answers = oracle.run("version.py", cases);
    List<String> mismatches = new ArrayList<>();
    int valid = 0;
    for (int i = 0; i < cases.size(); i++) {
      Version v = Version.tryParse(cases.get(i), profile);
      String mine = v == null ? null : v.toString();
      valid += v == null ? 0 : 1;
      String theirs = answers.get(i).isNull() ? null : answers.get(i).asText();
      if (!Objects.equals(mine, theirs)) {
        mismatches.add("[" + cases.get(i) + "] -> ours " + mine + ", packaging " + theirs);
      }
    }
    System.out.println("generated version strings compared with " + oracle + ": " + cases.size() + " (" + valid + " valid)");
    assertThat(mismatches).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(PythonOracle.class)
  void orderingAgrees(PythonOracle oracle) {
    PipProfile profile = CorpusSpecifierDifferentialTest.profileOf(oracle);
    List<Map<String, Object>> cases = Combinators
        .combine(Pep440Arbitraries.version(), Pep440Arbitraries.version())
        .as((a, b) -> Map.<String, Object>of("op", "compare", "a", a, "b", b))
        .sampleStream().limit(ORDER_CASES).toList();
    List<JsonNode> answers = oracle.run("specifier.py", cases);
    List<String> mismatches = new ArrayList<>();
    for (int i = 0; i < cases.size(); i++) {
      Version a = Version.tryParse((String) cases.get(i).get("a"), profile);
      Version b = Version.tryParse((String) cases.get(i).get("b"), profile);
      Integer mine = a == null || b == null ? null : Integer.signum(a.compareTo(b));
      Integer theirs = answers.get(i).isNull() ? null : answers.get(i).asInt();
      if (!Objects.equals(mine, theirs)) {
        mismatches.add(cases.get(i) + " -> ours " + mine + ", packaging " + theirs);
      }
    }
    System.out.println("generated ordering cases compared with " + oracle + ": " + cases.size());
    assertThat(mismatches).isEmpty();
  }
}
