package dev.wheelwise.lint.rules;

import dev.wheelwise.Finding.Severity;
import dev.wheelwise.dockerfile.Stage;
import dev.wheelwise.lint.Report;
import dev.wheelwise.lint.Subject;
import java.util.Optional;

/** DL3026: only registries listed in trustedRegistries. */
public final class TrustedRegistry extends Described {
  public TrustedRegistry() {
    super("DL3026", Severity.ERROR, "Use only an allowed registry in the FROM image.",
        "As hadolint's DL3026: active only when `trustedRegistries` (.hadolint.yaml) or `trusted-registries` "
            + "(pyproject.toml) or `--trusted-registry` lists some; Docker Hub is `docker.io` (also accepted as "
            + "`hub.docker.com`). ARG defaults are resolved first.");
  }

  @Override
  public void check(Subject subject, Report out) {
    if (subject.trustedRegistries().isEmpty()) {
      return;
    }
    for (Stage stage : subject.model().stages()) {
      BaseRef.of(stage).filter(r -> !allowed(subject, r.registry())).ifPresent(r ->
          out.at(subject.from(stage), "Use only an allowed registry in the FROM image: " + r.registry() + " is not in "
              + String.join(", ", subject.trustedRegistries().stream().sorted().toList()) + ".", Optional.empty()));
    }
  }

  private static boolean allowed(Subject subject, String registry) {
    return subject.trustedRegistries().contains(registry)
        || (registry.equals("docker.io") && subject.trustedRegistries().contains("hub.docker.com"));
  }
}
