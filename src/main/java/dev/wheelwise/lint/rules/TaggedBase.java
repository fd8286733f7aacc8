package dev.wheelwise.lint.rules;

import dev.wheelwise.Finding.Severity;
import dev.wheelwise.dockerfile.Stage;
import dev.wheelwise.lint.Report;
import dev.wheelwise.lint.Subject;
import java.util.Optional;

/** DL3006: tag the base image. */
public final class TaggedBase extends Described {
  public TaggedBase() {
    super("DL3006", Severity.WARNING, "Always tag the version of an image explicitly.",
        "As hadolint's DL3006: `FROM python` builds on whatever `latest` is that day. ARG defaults are resolved first "
            + "(`ARG PY=3.12` … `FROM python:${PY}-slim` is tagged; hadolint#219, #339), a digest counts as a pin, and "
            + "`scratch` and earlier stages are not images.");
  }

  @Override
  public void check(Subject subject, Report out) {
    for (Stage stage : subject.model().stages()) {
      BaseRef.of(stage).filter(r -> r.tag().isEmpty() && r.digest().isEmpty()).ifPresent(r ->
          out.at(subject.from(stage), "Always tag the version of an image explicitly: " + stage.base() + " has no tag.",
              Optional.empty()));
    }
  }
}
