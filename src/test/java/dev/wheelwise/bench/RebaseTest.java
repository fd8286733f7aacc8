package dev.wheelwise.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelwise.dockerfile.Dockerfile;
import dev.wheelwise.dockerfile.DockerfileModel;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The base is replaced where pip runs, followed through stages and ARGs; the rest stays byte for byte. */
class RebaseTest {

  private static BuildRecipe rebase(String text, String image) throws Exception {
    Dockerfile file = Dockerfile.parse("Dockerfile", text);
    return Rebase.of(file, DockerfileModel.of(file, Map.of(), null), null, image);
  }

  @Test
  void replacesTheRootOfThePipStageThroughAnArgAndKeepsOtherStages() throws Exception {
    String text = String.join("\n",
        "ARG PY=3.11",
        "FROM node:20 AS web",
        "RUN npm ci",
        "FROM --platform=$BUILDPLATFORM python:${PY}-slim AS build",
        "RUN pip install --no-cache-dir flask==3.0.0",
        "FROM build AS final",
        "COPY --from=web /app /app",
        "");
    BuildRecipe recipe = rebase(text, "wheelwise-ci/bookworm-python");
    assertThat(recipe.dockerfile()).isEqualTo(text.replace("python:${PY}-slim", "wheelwise-ci/bookworm-python"));
    // steps count every instruction, the ARG before FROM included: the pip RUN is the fifth
    assertThat(recipe.dependencySteps()).containsExactly(5);
  }

  @Test
  void aFromSplitOverLinesIsReplacedInPlace() throws Exception {
    String text = "FROM \\\n    python:3.12-alpine \\\n    AS app\nRUN pip install pyyaml\n";
    assertThat(rebase(text, "python:3.12-slim").dockerfile()).isEqualTo("FROM \\\n    python:3.12-slim \\\n    AS app\nRUN pip install pyyaml\n");
  }

  @Test
  void withoutAPythonInstallTheFinalStageIsRebased() throws Exception {
    String text = "FROM alpine:3.20 AS tools\nFROM python:3.12\nCOPY . /app\n";
    BuildRecipe recipe = rebase(text, "python:3.12-slim");
    assertThat(recipe.dockerfile()).isEqualTo("FROM alpine:3.20 AS tools\nFROM python:3.12-slim\nCOPY . /app\n");
    assertThat(recipe.dependencySteps()).isEmpty();
  }
}
