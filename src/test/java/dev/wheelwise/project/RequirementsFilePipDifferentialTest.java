package dev.wheelwise.project;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wheelwise.testing.PythonOracle;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every requirements file of the corpus read as pip 23.2 reads it ({@code oracle/pip_req_file.py}
 * calls pip's own {@code parse_requirements}, one process for all files): the same requirements
 * and constraints in the same order, from the same file and line, with the same editables and
 * hashes; the same indexes, find-links, binary rules, --pre, --prefer-binary and trusted hosts.
 */
class RequirementsFilePipDifferentialTest {

  @Test
  void readsAsPipDoes() throws Exception {
    List<Path> files = InstallSetOracle.corpusFiles(p -> CorpusReadTest.isDependencyFile(p)
        && ProjectInputs.kindOf(p).orElse(null) == InputKind.REQUIREMENTS, false);
    // pip's ${VAR} expansion reads the process environment; the oracle inherits this one.
    RequirementsFileReader reader = new RequirementsFileReader(System.getenv());
    List<String> paths = files.stream().map(Path::toString).toList();
    List<JsonNode> answers = PythonOracle.PACKAGING_21.run("pip_req_file.py", paths);
    List<String> mismatches = new ArrayList<>();
    int requirements = 0;
    for (int i = 0; i < files.size(); i++) {
      JsonNode pip = answers.get(i);
      String label = files.get(i).toString();
      RequirementSet ours;
      try {
        ours = reader.read(files.get(i));
      } catch (InputParseError e) {
        mismatches.add(label + ": Java refused (" + e.getMessage() + "), pip answered " + (pip.has("error") ? pip.get("error") : "ok"));
        continue;
      }
      if (pip.has("error")) {
        mismatches.add(label + ": pip refused: " + pip.get("error").asText());
        continue;
      }
      List<String> theirs = new ArrayList<>();
      // pip keeps the spaces a continuation leaves before a trailing option; they mean nothing.
      pip.get("requirements").forEach(r -> theirs.add(row(r.get(0).asText().strip(), r.get(1).asBoolean(), r.get(2).toString(),
          r.get(3).asBoolean(), Path.of(r.get(4).asText()).normalize().toString(), r.get(5).asInt())));
      List<String> mine = new ArrayList<>();
      for (LooseRequirement r : ours.requirements()) {
        mine.add(row(r, false));
      }
      for (LooseRequirement r : ours.constraints()) {
        mine.add(row(r, true));
      }
      // pip yields in file order with includes in place; constraints come in that order too.
      if (!new TreeSet<>(mine).equals(new TreeSet<>(theirs)) || mine.size() != theirs.size()) {
        List<String> onlyOurs = new ArrayList<>(mine);
        onlyOurs.removeAll(theirs);
        List<String> onlyPip = new ArrayList<>(theirs);
        onlyPip.removeAll(mine);
        mismatches.add(label + ": only Java " + onlyOurs + ", only pip " + onlyPip);
      }
      requirements += theirs.size();
      IndexOptions o = ours.options();
      List<String> indexes = new ArrayList<>();
      if (!o.noIndex()) {
        indexes.add(o.indexUrl().orElse("https://pypi.org/simple"));
        indexes.addAll(o.extraIndexUrls());
      }
      expect(mismatches, label, "index urls", indexes, texts(pip.get("index_urls")));
      expect(mismatches, label, "find-links", o.findLinks(), texts(pip.get("find_links")));
      expect(mismatches, label, "no-binary", new TreeSet<>(o.noBinary()), new TreeSet<>(texts(pip.get("no_binary"))));
      expect(mismatches, label, "only-binary", new TreeSet<>(o.onlyBinary()), new TreeSet<>(texts(pip.get("only_binary"))));
      expect(mismatches, label, "--pre", o.pre(), pip.get("pre").asBoolean());
      expect(mismatches, label, "--prefer-binary", o.preferBinary(), pip.get("prefer_binary").asBoolean());
      expect(mismatches, label, "trusted hosts", o.trustedHosts(), texts(pip.get("trusted_hosts")));
      boolean anyHash = ours.requirements().stream().anyMatch(r -> !r.hashes().isEmpty());
      expect(mismatches, label, "require-hashes", o.requireHashes(), pip.get("require_hashes").asBoolean() || anyHash);
    }
    System.out.println("RequirementsFilePipDifferentialTest: " + files.size() + " requirements files, " + requirements
        + " requirements compared with pip 23.2's parse_requirements, " + mismatches.size() + " mismatches");
    assertThat(mismatches).isEmpty();
    assertThat(requirements).isGreaterThan(3000);
  }

  private static String row(LooseRequirement r, boolean constraint) {
    List<String> hashes = new ArrayList<>(new TreeSet<>(r.hashes()));
    StringBuilder json = new StringBuilder("[");
    for (int i = 0; i < hashes.size(); i++) {
      json.append(i == 0 ? "" : ",").append('"').append(hashes.get(i)).append('"');
    }
    json.append(']');
    return row(r.text(), r.editable(), json.toString(), constraint, Path.of(r.origin().file()).toAbsolutePath().normalize().toString(),
        r.origin().line());
  }

  private static String row(String text, boolean editable, String hashes, boolean constraint, String file, int line) {
    return (constraint ? "-c " : "") + (editable ? "-e " : "") + text + " " + hashes + " @" + file + ":" + line;
  }

  private static List<String> texts(JsonNode list) {
    List<String> out = new ArrayList<>();
    list.forEach(n -> out.add(n.asText()));
    return out;
  }

  private static void expect(List<String> mismatches, String label, String what, Object ours, Object pips) {
    if (!ours.equals(pips)) {
      mismatches.add(label + ": " + what + " Java " + ours + ", pip " + pips);
    }
  }
}
