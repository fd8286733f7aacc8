package dev.wheelwise.lint.rules;

import dev.wheelwise.Finding.Severity;
import dev.wheelwise.dockerfile.Stage;
import dev.wheelwise.lint.Report;
import dev.wheelwise.lint.Subject;
import java.util.Optional;

/** DL3007: not the latest tag. */
public final class NotLatest extends Described {
  public NotLatest() {
    super("DL3007", Severity.WARNING, "Using latest is prone to errors; pin the version explicitly to a release tag.",
        "As hadolint's DL3007: `FROM python:latest` changes under the Dockerfile (a new Python, a new Debian). ARG defaults "
            + "are resolved first; `latest@sha256:…` is pinned by its digest and accepted.");
  }

  @Override
  public void check(Subject subject, Report out) {
    for (Stage stage : subject.model().stages()) {
      BaseRef.of(stage).filter(r -> r.tag().filter("latest"::equals).isPresent() && r.digest().isEmpty()).ifPresent(r ->
          out.at(subject.from(stage), "Using latest is prone to errors if the image will ever update. Pin the version "
              + "explicitly to a release tag (" + stage.base() + ").", Optional.empty()));
    }
  }
}
