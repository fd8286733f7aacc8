package dev.wheelwise.cost;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelwise.testing.Shared;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The committed resources equal a fresh generation from ../shared/knowledge. With
 * {@code -Dwheelwise.updateSnapshots=true} the test rewrites them instead.
 */
class KnowledgeResourcesTest {

  @Test
  void committedResourcesEqualAFreshGeneration() throws IOException {
    Path knowledge = Shared.require("knowledge/build-deps.tsv").getParent();
    Map<String, String> fresh = KnowledgeGenerator.generate(knowledge);
    boolean update = Boolean.getBoolean("wheelwise.updateSnapshots");
    for (Map.Entry<String, String> e : fresh.entrySet()) {
      Path committed = KnowledgeGenerator.RESOURCE_DIR.resolve(e.getKey());
      if (update) {
        Files.writeString(committed, e.getValue(), StandardCharsets.UTF_8);
      }
      assertThat(committed).as("generated resource %s (regenerate with -Dwheelwise.updateSnapshots=true)", committed).exists();
      String[] was = Files.readString(committed, StandardCharsets.UTF_8).split("\n", -1);
      String[] now = e.getValue().split("\n", -1);
      for (int i = 0; i < Math.min(was.length, now.length); i++) {
        assertThat(was[i])
            .as("%s:%d is stale: regenerate with -Dwheelwise.updateSnapshots=true", committed, i + 1)
            .isEqualTo(now[i]);
      }
      assertThat(was.length).as("%s line count", committed).isEqualTo(now.length);
    }
  }
}
