package dev.wheelwise.tags;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wheelwise.testing.PythonOracle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@link SdistFilename#pipExtension} and {@link SdistFilename#parseForPip} against pip's own
 * code, in one batched process: the extension pip reads ({@code splitext}, then
 * SUPPORTED_EXTENSIONS) and, for each name on several projects' pages, the version pip extracts
 * after the project's name ({@code _extract_version_from_fragment}, a {@code -pyX.Y} suffix taken
 * off as {@code LinkEvaluator} does), which must be the one parsed here, or none on both sides
 * (no prefix names the project, or the rest is not PEP 440 under packaging 26.2, so pip 24.1+
 * skips the file).
 */
class SdistPipDifferentialTest {

  static final List<String> STEMS = List.of("foo-1.0", "Foo_Bar-2.0rc1", "foo-bar-1.0", "foo", "foo-", "-1.0", "foo.tar-1.0",
      "zope.interface-5.4.0", "foo-1.0.post1.dev2", "foo-1!2.0", "foo-1.0-2", "foo-1.0-py2.7", "foo-1.0-py3", "foo-bar-1.0-py3.12",
      "foo--1.0", "FOO.bar-1.0", "foo-bar-extras-1.0", "foo-1.0-py2.7-py3");
  static final List<String> PROJECTS = List.of("foo", "Foo-Bar", "zope.interface", "foo.tar");
  static final List<String> EXTENSIONS = List.of(".tar.gz", ".tgz", ".tar", ".zip", ".tar.bz2", ".tbz", ".tar.xz", ".txz",
      ".tlz", ".tar.lz", ".tar.lzma", ".whl", ".egg", ".exe", ".tar.zst", ".tbz2", ".rpm", ".ZIP", ".TAR.GZ", ".Tar.bz2",
      ".tar.Gz", ".TAR.xz", ".gz", ".bz2", ".xz", "", ".tar.gz.asc");
  static final List<String> ODD = List.of(".tar.gz", ".tar", "..tar.gz", ".zip", "foo.tar.gz", "foo.TAR.gz", "foo-1.0.tar.tar.gz",
      "foo-1.0.tar.gz.tar", "foo-1.0.", "foo-1.0.tar.gz/", "foo-1.0 .tar.gz");

  @Test
  void sourceArchivesAreReadAsPipReadsThem() {
    List<String> names = new ArrayList<>();
    for (String stem : STEMS) {
      for (String ext : EXTENSIONS) {
        names.add(stem + ext);
      }
    }
    names.addAll(ODD);
    List<Map<String, String>> cases = new ArrayList<>();
    for (String name : names) {
      for (String project : PROJECTS) {
        cases.add(Map.of("filename", name, "project", project));
      }
    }
    List<JsonNode> answers = PythonOracle.PACKAGING_26.run("pip_sdists.py", cases);
    List<String> mismatches = new ArrayList<>();
    int accepted = 0;
    int versions = 0;
    for (int i = 0; i < cases.size(); i++) {
      String name = cases.get(i).get("filename");
      String project = cases.get(i).get("project");
      JsonNode pip = answers.get(i);
      Optional<String> ours = SdistFilename.pipExtension(name);
      Optional<String> theirs = pip.isNull() ? Optional.empty() : Optional.of(pip.get("extension").asText());
      if (!ours.equals(theirs)) {
        mismatches.add(name + ": extension ours " + ours + ", pip " + theirs);
        continue;
      }
      if (theirs.isEmpty()) {
        continue;
      }
      accepted++;
      Optional<String> ourVersion;
      Optional<String> ourPython;
      try {
        SdistFilename parsed = SdistFilename.parseForPip(name, project);
        ourVersion = Optional.of(parsed.version().toString());
        ourPython = parsed.python();
      } catch (InvalidSdistFilename e) {
        ourVersion = Optional.empty();
        ourPython = Optional.empty();
      }
      Optional<String> pipVersion = pip.get("normalized").isNull() ? Optional.empty() : Optional.of(pip.get("normalized").asText());
      Optional<String> pipPython = pipVersion.isEmpty() || pip.get("python").isNull() ? Optional.empty()
          : Optional.of(pip.get("python").asText());
      if (!Objects.equals(ourVersion, pipVersion) || !Objects.equals(ourPython, pipPython)) {
        mismatches.add(name + " on " + project + "'s page: ours " + ourVersion + " python " + ourPython + ", pip " + pip);
      }
      versions += pipVersion.isPresent() ? 1 : 0;
    }
    assertThat(mismatches).as("sdist names read differently from pip").isEmpty();
    assertThat(accepted).as("pip accepts the 11 source archive formats for each name").isGreaterThan(STEMS.size() * PROJECTS.size() * 10);
    assertThat(versions).as("names where pip finds a version").isGreaterThan(100);
    System.out.printf("SdistPipDifferentialTest: %d name x project cases compared with pip, %d accepted as source archives, "
        + "%d with a version, all equal%n", cases.size(), accepted, versions);
  }
}
