package dev.wheelwise.pep508;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import dev.wheelwise.pep440.PipProfile;
import dev.wheelwise.testing.FuzzContract;
import dev.wheelwise.testing.LineOracle;
import java.util.ArrayList;
import java.util.List;

/**
 * Any text as a PEP 508 requirement: a requirement whose marker evaluates (or fails with
 * {@link MarkerEvaluationError}), or {@link InvalidRequirement} with a span on the text;
 * packaging 26.2 accepts the same texts and reads the same name, extras, specifier, URL and
 * marker (the fields {@link OracleComparison#requirements} compares).
 */
class RequirementFuzzTest {

  @FuzzTest(maxDuration = "10s")
  void parse(byte[] data) {
    String text = FuzzContract.text(data);
    String ours = null;
    try {
      Requirement r = Requirement.parse(text, "<fuzz>", 1, PipProfile.DEFAULT);
      ours = String.join("|", r.name(), r.extras().toString(), r.specifier().toString(PipProfile.DEFAULT),
          String.valueOf(r.url().orElse(null)),
          String.valueOf(r.marker().map(m -> m.toString(PipProfile.DEFAULT)).orElse(null)));
      r.marker().ifPresent(MarkerFuzzTest::evaluates);
    } catch (InvalidRequirement e) {
      FuzzContract.spanInLine(e, text);
    }
    String mine = ours;
    LineOracle.get().flatMap(o -> o.ask("requirement", text))
        .ifPresent(answer -> assertThat(mine).as("requirement [%s] against packaging", text)
        .isEqualTo(theirs(answer)));
  }

  private static String theirs(JsonNode a) {
    if (a.isNull()) {
      return null;
    }
    List<String> extras = new ArrayList<>();
    a.get("extras").forEach(n -> extras.add(n.asText()));
    return String.join("|", a.get("name").asText(), extras.toString(), a.get("specifier").asText(),
        a.get("url").isNull() ? "null" : a.get("url").asText(), a.get("marker").isNull() ? "null" : a.get("marker").asText());
  }
}
