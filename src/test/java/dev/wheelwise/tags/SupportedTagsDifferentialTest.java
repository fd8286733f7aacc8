package dev.wheelwise.tags;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wheelwise.pep440.PipProfile;
import dev.wheelwise.pep440.Version;
import dev.wheelwise.testing.PythonOracle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The ordered tag list equals what packaging computes for a simulated image (see
 * {@code oracle/tags_list.py} for exactly what is simulated), for every target of the matrix,
 * under each oracle's packaging version. One batched oracle process per packaging version.
 */
class SupportedTagsDifferentialTest {

  static final int[] MINORS = {8, 9, 10, 11, 12, 13, 14};
  static final Libc[] LIBCS = {
    Libc.glibc(2, 17), Libc.glibc(2, 28), Libc.glibc(2, 31), Libc.glibc(2, 36), Libc.glibc(2, 39), Libc.glibc(2, 41),
    Libc.musl(1, 1), Libc.musl(1, 2),
  };

  /** Every architecture with every libc (cycling CPython 3.8–3.14), free-threaded 3.13t/3.14t per arch, all minors on one image. */
  static List<Target> targets() {
    List<Target> targets = new ArrayList<>();
    int i = 0;
    for (Arch arch : Arch.values()) {
      for (Libc libc : LIBCS) {
        targets.add(new Target(3, MINORS[i++ % MINORS.length], -1, false, libc, arch));
      }
      targets.add(new Target(3, 13, -1, true, Libc.glibc(2, 36), arch));
      targets.add(new Target(3, 14, -1, true, Libc.musl(1, 2), arch));
    }
    for (int minor : MINORS) {
      targets.add(new Target(3, minor, -1, false, Libc.glibc(2, 36), Arch.X86_64));
    }
    return targets;
  }

  @ParameterizedTest
  @EnumSource(PythonOracle.class)
  void tagListsEqualPackagings(PythonOracle oracle) {
    List<Target> targets = targets();
    List<Map<String, Object>> cases = new ArrayList<>();
    for (Target t : targets) {
      Map<String, Object> c = new LinkedHashMap<>();
      c.put("python", List.of(t.pythonMajor(), t.pythonMinor()));
      c.put("freeThreaded", t.freeThreaded());
      c.put("libc", t.libc().family().lower());
      c.put("libcVersion", List.of(t.libc().major(), t.libc().minor()));
      c.put("arch", t.arch().tagName());
      cases.add(c);
    }
    List<JsonNode> answers = oracle.run("tags_list.py", cases);
    PipProfile profile = PipProfile.forPackaging(Version.tryParse(oracle.expectedVersion()));
    long tags = 0;
    for (int i = 0; i < targets.size(); i++) {
      List<String> theirs = new ArrayList<>();
      answers.get(i).forEach(n -> theirs.add(n.asText()));
      List<String> ours = SupportedTags.of(targets.get(i), profile).ordered().stream().map(Tag::toString).toList();
      assertThat(ours).as("%s under %s", targets.get(i), profile).containsExactlyElementsOf(theirs);
      tags += theirs.size();
    }
    System.out.printf("SupportedTagsDifferentialTest[%s]: %d targets, %d tags compared, all equal%n",
        oracle.expectedVersion(), targets.size(), tags);
  }
}
