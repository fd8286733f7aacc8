package dev.wheelwise.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CorpusStringsTest {
  @Test
  void harvestsEveryKindFromTheLockCorpus() {
    CorpusStrings.Harvest h = CorpusStrings.lockfiles();
    System.out.println("corpus harvest: " + CorpusStrings.summary(h));
    if (Boolean.getBoolean("wheelwise.dumpHarvest")) {
      h.specifiers().forEach(s -> System.out.println("S " + s));
      h.markers().forEach(s -> System.out.println("M " + s));
      h.requirements().forEach(s -> System.out.println("R " + s));
      h.versions().forEach(s -> System.out.println("V " + s));
    }
    assertThat(h.versions()).contains("5.3.1");
    assertThat(h.specifiers()).contains(">=3.10", ">=5.0.0,<6.0.0");
    assertThat(h.markers()).contains("python_full_version < '3.11'", "sys_platform == 'win32'",
        "'dev' in dependency_groups", "python_version >= '3.5'");
    assertThat(h.requirements()).contains("graphlib_backport==1.0.3; python_version < '3.9'");
  }
}
