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
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
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

  /** Not simulated: the real pip of python3 on this real host, as {@code pip debug --verbose} lists. */
  @Test
  void hostPipAgrees() {
    JsonNode host = PythonOracle.PACKAGING_21.run("host_pip_tags.py", List.of("host")).get(0);
    Optional<Arch> arch = Arch.parse(host.get("machine").asText());
    if (host.get("glibc").isNull() || arch.isEmpty()) {
      String message = "SKIPPED: host is not glibc Linux on a known architecture (" + host.get("machine") + ")";
      System.err.println(message);
      Assumptions.abort(message);
    }
    String[] glibc = host.get("glibc").asText().split("\\.");
    Target target = new Target(host.get("python").get(0).asInt(), host.get("python").get(1).asInt(), -1,
        host.get("freeThreaded").asBoolean(), Libc.glibc(Integer.parseInt(glibc[0]), Integer.parseInt(glibc[1])), arch.get());
    PipProfile profile = PipProfile.forPip(Version.tryParse(host.get("pip").asText()));
    List<String> theirs = new ArrayList<>();
    host.get("tags").forEach(n -> theirs.add(n.asText()));
    assertThat(SupportedTags.of(target, profile).ordered().stream().map(Tag::toString).toList())
        .as("%s under %s", target, profile).containsExactlyElementsOf(theirs);
    System.out.printf("SupportedTagsDifferentialTest[host]: real pip %s on %s: %d tags compared, all equal%n",
        host.get("pip").asText(), target, theirs.size());
  }
}
