package dev.wheelwise.lint;

import dev.wheelwise.lint.rules.AptAssumeYes;
import dev.wheelwise.lint.rules.AptListsRemoved;
import dev.wheelwise.lint.rules.AptNoRecommends;
import dev.wheelwise.lint.rules.ApkNoCache;
import dev.wheelwise.lint.rules.BuildDepsShipped;
import dev.wheelwise.lint.rules.ConsecutiveRun;
import dev.wheelwise.lint.rules.CopyBeforeInstall;
import dev.wheelwise.lint.rules.LockfileUnused;
import dev.wheelwise.lint.rules.MissingBuildDeps;
import dev.wheelwise.lint.rules.MuslPitfalls;
import dev.wheelwise.lint.rules.NoPipCache;
import dev.wheelwise.lint.rules.NotLatest;
import dev.wheelwise.lint.rules.PinApkVersions;
import dev.wheelwise.lint.rules.PinAptVersions;
import dev.wheelwise.lint.rules.PinPipVersions;
import dev.wheelwise.lint.rules.Pipefail;
import dev.wheelwise.lint.rules.SourceBuild;
import dev.wheelwise.lint.rules.SystemPython;
import dev.wheelwise.lint.rules.TaggedBase;
import dev.wheelwise.lint.rules.TrustedRegistry;
import java.util.List;
import java.util.Optional;

/** Every rule, in the order docs/rules.md lists them: ours first, then hadolint's codes. */
public final class Rules {
  private Rules() {}

  public static final List<Rule> ALL = List.of(
      new SourceBuild(),
      new MissingBuildDeps(),
      new BuildDepsShipped(),
      new SystemPython(),
      new CopyBeforeInstall(),
      new LockfileUnused(),
      new MuslPitfalls(),
      new TaggedBase(),
      new NotLatest(),
      new PinAptVersions(),
      new AptListsRemoved(),
      new PinPipVersions(),
      new AptAssumeYes(),
      new AptNoRecommends(),
      new PinApkVersions(),
      new ApkNoCache(),
      new TrustedRegistry(),
      new NoPipCache(),
      new ConsecutiveRun(),
      new Pipefail());

  public static Optional<Rule> byCode(String code) {
    return ALL.stream().filter(r -> r.code().equalsIgnoreCase(code)).findFirst();
  }
}
