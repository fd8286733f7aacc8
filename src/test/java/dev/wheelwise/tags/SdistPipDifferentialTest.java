package dev.wheelwise.tags;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wheelwise.pep440.Version;
import dev.wheelwise.testing.PythonOracle;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@link SdistFilename#pipExtension} and {@link SdistFilename#parseForPip} against pip's own
 * code, in one batched process: the extension pip reads ({@code splitext}, then
 * SUPPORTED_EXTENSIONS) and, where the name splits, that the version pip extracts after the
 * project name is the one parsed here.
 */
class SdistPipDifferentialTest {

  static final List<String> STEMS = List.of("foo-1.0", "Foo_Bar-2.0rc1", "foo-bar-1.0", "foo", "foo-", "-1.0", "foo.tar-1.0",
      "zope.interface-5.4.0", "foo-1.0.post1.dev2", "foo-1!2.0");
  static final List<String> EXTENSIONS = List.of(".tar.gz", ".tgz", ".tar", ".zip", ".tar.bz2", ".tbz", ".tar.xz", ".txz",
      ".tlz", ".tar.lz", ".tar.lzma", ".whl", ".egg", ".exe", ".tar.zst", ".tbz2", ".rpm", ".ZIP", ".TAR.GZ", ".Tar.bz2",
      ".tar.Gz", ".TAR.xz", ".gz", ".bz2", ".xz", "", ".tar.gz.asc");
  static final List<String> ODD = List.of(".tar.gz", ".tar", "..tar.gz", ".zip", "foo.tar.gz", "foo.TAR.gz", "foo-1.0.tar.tar.gz",
      "foo-1.0.tar.gz.tar", "foo-1.0.", "foo-1.0.tar.gz/", "foo-1.0 .tar.gz");

  @Test
  void sourceArchivesAreThoseTheImagesPipInstalls() {
    List<String> names = new ArrayList<>();
    for (String stem : STEMS) {
      for (String ext : EXTENSIONS) {
        names.add(stem + ext);
      }
    }
    names.addAll(ODD);
    List<JsonNode> answers = PythonOracle.PACKAGING_21.run("pip_sdists.py", names);
    List<String> mismatches = new ArrayList<>();
    int accepted = 0;
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
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
      try {
        ourVersion = Optional.of(SdistFilename.parseForPip(name).version().toString());
      } catch (InvalidSdistFilename e) {
        ourVersion = Optional.empty();
      }
      // pip keeps the text after the name; it reads as the same version where both have one.
      Optional<String> pipVersion = pip.get("version").isNull() ? Optional.empty()
          : Optional.ofNullable(Version.tryParse(pip.get("version").asText())).map(Object::toString);
      if (!Objects.equals(ourVersion, pipVersion)) {
        mismatches.add(name + ": version ours " + ourVersion + ", pip " + pipVersion);
      }
    }
    assertThat(mismatches).as("sdist names read differently from pip").isEmpty();
    assertThat(accepted).as("pip accepts the 11 source archive formats for each name").isGreaterThan(STEMS.size() * 10);
    System.out.printf("SdistPipDifferentialTest: %d names compared with pip, %d accepted as source archives, all equal%n",
        names.size(), accepted);
  }
}
