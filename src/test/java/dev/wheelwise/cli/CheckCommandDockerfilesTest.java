package dev.wheelwise.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wheelwise.testing.Shared;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Every Dockerfile context of the corpus (MANIFEST.tsv) through {@code check CONTEXT -f
 * DOCKERFILE --offline --format json}: no run fails; what is not understood is reported as
 * unknown (verdict, install or a skipped entry), and nothing is called a wheel without a file.
 */
class CheckCommandDockerfilesTest {

  @Test
  void everyCorpusDockerfileChecksOfflineWithoutError() throws Exception {
    Path dir = Shared.require("corpus/dockerfiles");
    List<String> rows = Files.readAllLines(dir.resolve("MANIFEST.tsv"));
    List<String> errors = new ArrayList<>();
    Map<String, Integer> verdicts = new TreeMap<>();
    Map<String, Integer> installs = new TreeMap<>();
    int cases = 0;
    for (String row : rows.subList(1, rows.size())) {
      String[] cols = row.split("\t");
      Path context = dir.resolve(cols[0]);
      // The corpus keeps repository paths, except where a templated folder name was dropped
      // ({{cookiecutter.project_name}}/docker/…): take the longest tail of the path that exists.
      Path written = Path.of(cols[3]);
      String dockerfile = cols[3];
      for (int i = 0; i < written.getNameCount() && !Files.isRegularFile(context.resolve(dockerfile)); i++) {
        dockerfile = written.subpath(i, written.getNameCount()).toString();
      }
      cases++;
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      int code = Main.execute(new String[] {"check", context.toString(), "-f", dockerfile, "--offline", "--format", "json"},
          new PrintWriter(out), new PrintWriter(err));
      if (code != 0) {
        errors.add(cols[0] + ": exit " + code + ": " + err.toString().strip());
        continue;
      }
      JsonNode root = new ObjectMapper().readTree(out.toString());
      assertThat(root.get("schema").asText()).isEqualTo("wheelwise.check/1");
      for (JsonNode image : root.get("images")) {
        verdicts.merge(image.get("verdict").asText(), 1, Integer::sum);
        if (image.get("verdict").asText().equals("wheels") && image.get("packages").isEmpty()) {
          errors.add(cols[0] + ": " + image.get("image").asText() + " is 'wheels' with nothing compared (" + image.get("skipped") + ")");
        }
        for (JsonNode p : image.get("packages")) {
          String install = p.get("install").asText();
          installs.merge(install, 1, Integer::sum);
          if (install.equals("wheel")) {
            assertThat(p.get("file").asText()).as(cols[0]).endsWith(".whl");
          }
        }
      }
    }
    System.err.printf("CheckCommandDockerfilesTest: %d Dockerfile contexts, %d errors; verdicts %s; installs %s%n",
        cases, errors.size(), verdicts, installs);
    assertThat(errors).isEmpty();
    assertThat(cases).isGreaterThan(100);
    assertThat(installs).containsKeys("wheel", "unknown");
    assertThat(verdicts).isNotEmpty();
  }
}
