package dev.wheelwise.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/**
 * wheel-ratios.json equals a fresh fit on this machine's real wheels (skips visibly where
 * /opt/pypi is absent, as on CI); {@code -Dwheelwise.updateSnapshots=true} rewrites it.
 */
class WheelRatiosTest {

  @Test
  void committedRatiosEqualAFreshFitOnTheLocalWheels() throws Exception {
    assumeTrue(WheelRatioGenerator.wheels().size() > 100 && WheelRatioGenerator.PYTHONS.stream().allMatch(p -> Files.isExecutable(java.nio.file.Path.of(p))),
        "SKIPPED: no local wheel index at /opt/pypi/files or no pyenv python3.8/3.12 (the ratios were fitted on them; see WheelRatioGenerator)");
    String fresh = WheelRatioGenerator.generate();
    if (Boolean.getBoolean("wheelwise.updateSnapshots")) {
      Files.writeString(WheelRatioGenerator.RESOURCE, fresh);
    }
    // The bytecode sample is compiled for real, so a refit can move a ratio in its last digit:
    // numbers agree within 0.5 %, everything else exactly.
    com.fasterxml.jackson.databind.JsonNode committed = new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree(Files.readString(WheelRatioGenerator.RESOURCE));
    com.fasterxml.jackson.databind.JsonNode refit = new com.fasterxml.jackson.databind.ObjectMapper().readTree(fresh);
    assertThat(nearlyEqual(committed, refit)).as("wheel-ratios.json is stale; a fresh fit gives:%n%s", fresh).isTrue();
  }

  @Test
  void bandsAreOrderedAndAPlatformWheelSpansCompiledAndBundled() {
    WheelRatios r = WheelRatios.load();
    for (WheelRatios.Kind k : WheelRatios.Kind.values()) {
      assertThat(r.installed(k).low()).as(k + " low").isGreaterThan(0.9).isLessThan(r.installed(k).high());
    }
    WheelRatios.Band platform = r.installedPerFileByte("numpy-1.18.1-cp38-cp38-manylinux1_x86_64.whl");
    assertThat(platform.low()).isEqualTo(Math.min(r.installed(WheelRatios.Kind.COMPILED).low(), r.installed(WheelRatios.Kind.BUNDLED).low()));
    assertThat(r.installedPerFileByte("six-1.14.0-py2.py3-none-any.whl")).isEqualTo(r.installed(WheelRatios.Kind.PURE));
  }

  private static boolean nearlyEqual(com.fasterxml.jackson.databind.JsonNode a, com.fasterxml.jackson.databind.JsonNode b) {
    if (a.isNumber() && b.isNumber()) {
      double x = a.asDouble();
      double y = b.asDouble();
      return Math.abs(x - y) <= 0.005 * Math.max(Math.abs(x), Math.abs(y)) + 1e-9;
    }
    if (a.isContainerNode() && b.isContainerNode() && a.size() == b.size() && a.getNodeType() == b.getNodeType()) {
      if (a.isArray()) {
        for (int i = 0; i < a.size(); i++) {
          if (!nearlyEqual(a.get(i), b.get(i))) {
            return false;
          }
        }
        return true;
      }
      for (var it = a.fieldNames(); it.hasNext();) {
        String k = it.next();
        if (!b.has(k) || !nearlyEqual(a.get(k), b.get(k))) {
          return false;
        }
      }
      return true;
    }
    return a.equals(b);
  }
}
