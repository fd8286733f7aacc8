package dev.wheelwise.tags;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wheelwise.ParseError;
import dev.wheelwise.pep440.PipProfile;
import dev.wheelwise.pep440.Version;
import dev.wheelwise.testing.PythonOracle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every wheel and sdist file name in the lock-file corpus parses to the same name, version,
 * build tag and tag set as {@code packaging.utils.parse_wheel_filename} / {@code
 * parse_sdist_filename}, or both reject it; per oracle, one batched process for all names.
 */
class FilenameDifferentialTest {

  static LockfileFilenames corpus;

  /** Hand-made edge cases (research §1.4) compared the same way, besides the corpus. */
  static final List<String> EDGE_WHEELS = List.of(
      "foo-v1.0-py3-none-any.whl", "foo__bar-1.0-py3-none-any.whl", "Foo.Bar_baz-1.0-py3-none-any.whl",
      "foo-1.0-1-py3-none-any.whl", "foo-1.0-1abc-py3-none-any.whl", "foo-1.0-abc-py3-none-any.whl",
      "foo-1.0-\u0661x-py3-none-any.whl", "foo-1.0-00012-py3-none-any.whl", "foo-1.0-py3-none-any.WHL",
      "foo-1.0-py2.py3-none-any.whl", "foo-1.0-py3.-none-any.whl", "-1.0-py3-none-any.whl",
      "foo-1.0-CP312-ABI3-MANYLINUX_2_17_X86_64.whl", "foo-1.0+Local.1-py3-none-any.whl", "foo-1!2.0-py3-none-any.whl",
      "foo-1.0-py3-none.whl", "foo-1.0-1-2-py3-none-any.whl", "f\u00f6\u00f6-1.0-py3-none-any.whl", "foo bar-1.0-py3-none-any.whl",
      "foo-1.0 -py3-none-any.whl", "foo-1.0.x-py3-none-any.whl", "foo-1.0-1\u00e9-py3-none-any.whl", "foo.-1.0-py3-none-any.whl");
  static final List<String> EDGE_SDISTS = List.of(
      "foo-1.0.tar.gz", "foo-bar-1.0.zip", "foo.tar.gz", "foo-1.0.tar.bz2", "Foo_Bar-V1.0RC1.tar.gz", "foo-1.0-.tar.gz",
      "foo--1.0.tar.gz", "-1.0.tar.gz", "foo-1.0.ZIP", "foo-bar.tar.gz");

  @BeforeAll
  static void harvest() {
    corpus = LockfileFilenames.harvest();
  }

  @ParameterizedTest
  @EnumSource(PythonOracle.class)
  void corpusNamesParseAsPackagingDoes(PythonOracle oracle) {
    List<Map<String, String>> cases = new ArrayList<>();
    for (String wheel : corpus.wheels) {
      cases.add(Map.of("kind", "wheel", "filename", wheel));
    }
    for (String sdist : corpus.sdists) {
      cases.add(Map.of("kind", "sdist", "filename", sdist));
    }
    EDGE_WHEELS.forEach(w -> cases.add(Map.of("kind", "wheel", "filename", w)));
    EDGE_SDISTS.forEach(w -> cases.add(Map.of("kind", "sdist", "filename", w)));
    assertThat(corpus.wheels).as("the corpus has wheel names to compare").hasSizeGreaterThan(1000);
    List<JsonNode> answers = oracle.run("filenames.py", cases);
    PipProfile profile = PipProfile.forPackaging(Version.tryParse(oracle.expectedVersion()));
    int rejectedBoth = 0;
    List<String> mismatches = new ArrayList<>();
    for (int i = 0; i < cases.size(); i++) {
      Map<String, String> c = cases.get(i);
      Map<String, Object> ours = ours(c.get("kind"), c.get("filename"), profile);
      Map<String, Object> theirs = theirs(answers.get(i));
      if (ours == null && theirs == null) {
        rejectedBoth++;
      }
      if (!java.util.Objects.equals(ours, theirs)) {
        mismatches.add(c.get("filename") + ": ours " + ours + ", packaging " + theirs);
      }
    }
    assertThat(mismatches).as("file names parsed differently from packaging %s", oracle.expectedVersion()).isEmpty();
    System.out.printf("FilenameDifferentialTest[%s]: %d files read, %d wheel + %d sdist corpus names and %d edge cases compared"
            + " (%d rejected by both), all equal%n",
        oracle.expectedVersion(), corpus.files, corpus.wheels.size(), corpus.sdists.size(),
        EDGE_WHEELS.size() + EDGE_SDISTS.size(), rejectedBoth);
  }

  static Map<String, Object> ours(String kind, String filename, PipProfile profile) {
    Map<String, Object> out = new LinkedHashMap<>();
    try {
      if (kind.equals("wheel")) {
        WheelFilename w = WheelFilename.parse(filename, profile);
        out.put("name", w.name());
        out.put("version", w.version().toString());
        out.put("build", w.build().map(b -> List.of(b.number().toString(), b.suffix())).orElse(List.of()));
        out.put("tags", w.tags().stream().map(Tag::toString).sorted().toList());
      } else {
        SdistFilename s = SdistFilename.parse(filename);
        out.put("name", s.name());
        out.put("version", s.version().toString());
        out.put("build", List.of());
        out.put("tags", List.of());
      }
      return out;
    } catch (ParseError e) {
      return null;
    }
  }

  static Map<String, Object> theirs(JsonNode answer) {
    if (answer.isNull()) {
      return null;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", answer.get("name").asText());
    out.put("version", answer.get("version").asText());
    List<String> build = new ArrayList<>();
    answer.get("build").forEach(n -> build.add(n.asText()));
    out.put("build", build);
    List<String> tags = new ArrayList<>();
    answer.get("tags").forEach(n -> tags.add(n.asText()));
    out.put("tags", tags);
    return out;
  }
}
