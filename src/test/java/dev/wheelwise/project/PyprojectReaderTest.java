package dev.wheelwise.project;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.wheelwise.pep508.Requirement;
import dev.wheelwise.testing.PythonOracle;
import dev.wheelwise.testing.Shared;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** pyproject.toml: PEP 735 groups against packaging.dependency_groups, Poetry tables, PEP 621. */
class PyprojectReaderTest {

  @Test
  void dependencyGroupsEqualPackagingExpansion() throws Exception {
    List<Path> files = InstallSetOracle.corpusFiles(p -> p.getFileName().toString().equals("pyproject.toml"));
    List<Map<String, Object>> cases = new ArrayList<>();
    List<List<String>> ours = new ArrayList<>();
    TomlMapper toml = new TomlMapper();
    for (Path file : files) {
      JsonNode table = toml.readTree(file.toFile()).path("dependency-groups");
      if (table.isMissingNode()) {
        continue;
      }
      RequirementSet set = PyprojectReader.read(file);
      var names = table.fieldNames();
      while (names.hasNext()) {
        String group = names.next();
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("file", file.toString());
        c.put("group", group);
        cases.add(c);
        List<String> texts = new ArrayList<>();
        for (LooseRequirement r : set.groups().get(dev.wheelwise.pep508.Names.canonicalize(group))) {
          texts.add(Requirement.parse(r.text(), r.origin().file(), r.origin().line()).toString());
        }
        ours.add(texts);
      }
    }
    List<JsonNode> answers = PythonOracle.PACKAGING_26.run("dependency_groups.py", cases);
    int compared = 0;
    List<String> mismatches = new ArrayList<>();
    for (int i = 0; i < cases.size(); i++) {
      List<String> theirs = new ArrayList<>();
      answers.get(i).forEach(n -> theirs.add(n.asText()));
      if (!theirs.equals(ours.get(i))) {
        mismatches.add(cases.get(i) + ": Java " + ours.get(i) + ", packaging " + answers.get(i));
      }
      compared += theirs.size();
    }
    System.out.println("PyprojectReaderTest: " + cases.size() + " dependency groups expanded, " + compared
        + " requirements compared with packaging.dependency_groups, " + mismatches.size() + " mismatches");
    assertThat(mismatches).isEmpty();
    assertThat(cases.size()).isGreaterThan(20);
  }

  @Test
  void poetryDependenciesBecomePep508() throws Exception {
    RequirementSet set = PyprojectReader.read(Shared.require("corpus/lockfiles/pyproject/labsyspharm__scimap/pyproject.toml"));
    assertThat(set.requiresPython()).contains(">=3.9,<3.13");
    List<String> texts = set.requirements().stream().map(LooseRequirement::text).toList();
    assertThat(texts).contains("pytest>=7.4.3,<8.0.0", "anndata>=0.10.5.post1,<0.11.0", "scipy>1.11.3,<=1.12.0");
    for (LooseRequirement r : set.requirements()) {
      Requirement.parse(r.text(), r.origin().file(), r.origin().line());
      String line = Files.readAllLines(Path.of(r.origin().file())).get(r.origin().line() - 1);
      String key = line.replaceAll("^\\s*\"?([A-Za-z0-9_.-]+).*$", "$1");
      assertThat(dev.wheelwise.pep508.Names.canonicalize(key)).as("the origin line of " + r.text())
          .isEqualTo(r.text().replaceAll("[^A-Za-z0-9_.-].*", ""));
    }
  }

  @Test
  void pep621DependenciesExtrasAndOrigins() throws Exception {
    // bentoml's pyproject has both dependencies and optional-dependencies (packaging's has none).
    Path file = Shared.require("corpus/lockfiles/pyproject/bentoml__BentoML/pyproject.toml");
    RequirementSet set = PyprojectReader.read(file);
    assertThat(set.projectName()).contains("bentoml");
    assertThat(set.kind()).isEqualTo(InputKind.PYPROJECT);
    assertThat(set.requirements()).isNotEmpty();
    assertThat(set.extras()).containsKey("all");
    assertThat(set.extras().get("all")).extracting(LooseRequirement::text)
        .containsExactly("bentoml[aws,io,grpc,grpc-reflection,grpc-channelz,tracing,monitor-otlp]");
    // Each origin is the line the string is written on (TOML escapes read back: \" is ").
    List<String> lines = Files.readAllLines(file).stream().map(l -> l.replace("\\\"", "\"")).toList();
    for (LooseRequirement r : set.requirements()) {
      assertThat(lines.get(r.origin().line() - 1)).contains(r.text());
    }
    for (LooseRequirement r : set.extras().get("all")) {
      assertThat(lines.get(r.origin().line() - 1)).contains(r.text());
    }
  }
}
