package dev.wheelwise.lint.fix;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.wheelwise.Finding;
import dev.wheelwise.dockerfile.Dockerfile;
import dev.wheelwise.dockerfile.DockerfileModel;
import dev.wheelwise.dockerfile.DockerfileParseError;
import dev.wheelwise.lint.LintConfig;
import dev.wheelwise.lint.Linter;
import dev.wheelwise.lint.Rules;
import dev.wheelwise.lint.Subject;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Generated Dockerfiles through lint and fix (the rules that need no index, so each input takes
 * milliseconds): lint throws nothing but the parse error; fix's output is sound ({@link
 * FixAssertions#assertSound}: it parses again, lines outside its edits are byte-identical,
 * each edit answers a finding of its rule).
 * Half the inputs are raw bytes, half are lines drawn from the shapes fix rewrites (apk adds of
 * build packages, pip installs, joins, heredocs, CRLF), so the fuzzer reaches the rewrites fast.
 * Under plain {@code mvn test} Jazzer replays the seeds in FixFuzzTestInputs/.
 */
class FixFuzzTest {
  private static final List<String> LINES = List.of(
      "FROM python:3.8-alpine", "FROM python:3.12-alpine AS app", "FROM python:3.11-slim", "FROM alpine:3.19 AS base",
      "FROM app", "# escape=`", "# hadolint ignore=WW1003", "# wheelwise ignore=DL3042", "# a comment", "",
      "RUN apk add gcc musl-dev", "RUN apk --update add build-base freetype-dev libpng-dev openblas-dev curl",
      "RUN apk add --no-cache --virtual .deps gcc libffi-dev", "RUN apk add gcc \\", "    musl-dev libffi-dev \\",
      " && pip install -r requirements.txt", "RUN pip install --no-cache-dir numpy", "RUN pip install -r requirements.txt",
      "RUN python -m pip install --user x", "RUN apk add gcc && pip install x", "RUN apk add gcc; pip install x",
      "RUN apk add unknown-dev && pip install x", "RUN cd /tmp && apk add gcc", "RUN apk add \"gcc\" musl-dev",
      "RUN apk del gcc", "RUN apk add $PKGS", "RUN pip install x || true", "RUN <<EOF", "apk add gcc", "pip install y", "EOF",
      "COPY requirements.txt .", "COPY --from=0 /a /b", "WORKDIR /app", "ENV PIP_NO_CACHE_DIR=1", "ARG V=1",
      "RUN --mount=type=cache,target=/root/.cache pip install z", "RUN [\"pip\", \"install\", \"q\"]", "CMD [\"python\"]",
      "RUN apk add gcc # comment", "RUN apt-get install -y gcc && pip install x");

  @FuzzTest(maxDuration = "30s")
  void lintThrowsOnlyParseErrorsAndFixOutputParsesWithTracedEdits(FuzzedDataProvider data) throws Exception {
    boolean generated = data.consumeBoolean();
    String eol = data.consumeBoolean() ? "\r\n" : "\n";
    byte[] bytes;
    if (generated) {
      StringBuilder text = new StringBuilder();
      int lines = data.consumeInt(1, 12);
      for (int i = 0; i < lines; i++) {
        text.append(data.pickValue(LINES)).append(eol);
      }
      bytes = text.toString().getBytes(Charset.forName("UTF-8"));
    } else {
      bytes = data.consumeRemainingAsBytes();
    }
    Dockerfile file;
    try {
      file = Dockerfile.parse("<fuzz>", bytes);
    } catch (DockerfileParseError expected) {
      return;
    }
    DockerfileModel model = DockerfileModel.of(file, Map.of(), null);
    Subject subject = new Subject(file, model, Set.of(), Optional.empty(), Set.of());
    List<Finding> findings = new Linter(Rules.ALL, LintConfig.EMPTY, false).lint(subject, List.of());
    Plan plan = Fixer.plan(subject, findings, ApkToApt.standard(), true);
    Fixer.Outcome outcome = Fixer.judge(file, Optional.empty(), plan, Optional.empty());
    FixAssertions.assertSound("<fuzz>", file, findings, outcome);
  }
}
