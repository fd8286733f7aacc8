package dev.wheelwise.pep440;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wheelwise.testing.CorpusStrings;
import dev.wheelwise.testing.PythonOracle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every version and specifier string in the shared lock corpus parses to the same normalized
 * text (or is rejected by both) under packaging 26.2, 21.3 and 23.0, each with the matching
 * profile.
 */
class CorpusSpecifierDifferentialTest {

  private static CorpusStrings.Harvest harvest;

  @BeforeAll
  static void harvest() {
    harvest = CorpusStrings.lockfiles();
  }

  static PipProfile profileOf(PythonOracle oracle) {
    return PipProfile.forPackaging(Version.tryParse(oracle.expectedVersion()));
  }

  @ParameterizedTest
  @EnumSource(PythonOracle.class)
  void versionsParseTheSame(PythonOracle oracle) {
    List<String> cases = new ArrayList<>(harvest.versions());
    List<JsonNode> answers = oracle.run("version.py", cases);
    List<String> mismatches = new ArrayList<>();
    for (int i = 0; i < cases.size(); i++) {
      Version ours = Version.tryParse(cases.get(i), profileOf(oracle));
      String theirs = answers.get(i).isNull() ? null : answers.get(i).asText();
      String mine = ours == null ? null : ours.toString();
      if (!java.util.Objects.equals(mine, theirs)) {
        mismatches.add(cases.get(i) + " -> ours " + mine + ", packaging " + theirs);
      }
    }
    System.out.println("corpus versions compared with " + oracle + ": " + cases.size());
    assertThat(mismatches).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(PythonOracle.class)
  void specifiersParseAndPrintTheSame(PythonOracle oracle) {
    PipProfile profile = profileOf(oracle);
    List<Map<String, Object>> cases = new ArrayList<>();
    harvest.specifiers().forEach(s -> cases.add(Map.of("op", "parse", "spec", s)));
    List<JsonNode> answers = oracle.run("specifier.py", cases);
    List<String> mismatches = new ArrayList<>();
    int valid = 0;
    for (int i = 0; i < cases.size(); i++) {
      String text = (String) cases.get(i).get("spec");
      String mine;
      try {
        mine = SpecifierSet.parse(text, profile).toString(profile);
        valid++;
      } catch (InvalidSpecifier e) {
        mine = null;
      }
      String theirs = answers.get(i).isNull() ? null : answers.get(i).asText();
      if (!java.util.Objects.equals(mine, theirs)) {
        mismatches.add("'" + text + "' -> ours " + mine + ", packaging " + theirs);
      }
    }
    System.out.println("corpus specifiers compared with " + oracle + ": " + cases.size() + " (" + valid + " valid)");
    assertThat(mismatches).isEmpty();
  }
}
