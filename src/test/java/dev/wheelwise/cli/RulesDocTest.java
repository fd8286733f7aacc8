package dev.wheelwise.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelwise.lint.Rules;
import dev.wheelwise.report.RulesDoc;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/rules.md is what {@link RulesDoc} makes of {@link Rules#ALL}; rewritten with -Dwheelwise.updateSnapshots=true. */
class RulesDocTest {
  @Test
  void docsRulesIsUpToDate() throws IOException {
    Path doc = Path.of("docs/rules.md");
    String expected = RulesDoc.render(Rules.ALL);
    if (Boolean.getBoolean("wheelwise.updateSnapshots")) {
      Files.writeString(doc, expected, StandardCharsets.UTF_8);
    }
    assertThat(Files.readString(doc, StandardCharsets.UTF_8)).as("docs/rules.md is stale: rerun with -Dwheelwise.updateSnapshots=true")
        .isEqualTo(expected);
  }
}
