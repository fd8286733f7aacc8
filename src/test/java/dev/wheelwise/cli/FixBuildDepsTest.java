package dev.wheelwise.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelwise.dockerfile.Dockerfile;
import dev.wheelwise.dockerfile.DockerfileModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * WW1003's fixes end to end on the 2020 article's Alpine Dockerfile (offline, 2020-01-29): the
 * {@code --virtual .build-deps} group in one RUN, the builder stage when a COPY sits between,
 * and fix obeying lint's ignores.
 */
class FixBuildDepsTest {
  private static final Path REQUIREMENTS = Path.of("examples/alpine-article/pinned/requirements.txt");

  private static Path project(Path dir, String dockerfile) throws Exception {
    Files.copy(REQUIREMENTS, dir.resolve("requirements.txt"));
    Path file = dir.resolve("Dockerfile");
    Files.writeString(file, dockerfile);
    return file;
  }

  @Test
  void theArticleKeptOnAlpineGetsAVirtualGroupDeletedInTheInstallLayer(@TempDir Path dir) throws Exception {
    // the article's second Dockerfile: build packages in one RUN, the install in the next
    Path file = project(dir, "FROM python:3.8-alpine\n"
        + "RUN apk --update add gcc build-base freetype-dev libpng-dev openblas-dev\n"
        + "RUN pip install --no-cache-dir matplotlib pandas\n");
    CliRun r = CliRun.of("fix", "--write", "--keep-base", "--offline", "--as-of", "2020-01-29", file.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(Files.readString(file)).isEqualTo("FROM python:3.8-alpine\n"
        + "RUN apk add --no-cache libgcc libstdc++ freetype libpng openblas && apk --update add --no-cache --virtual .build-deps "
        + "gcc build-base freetype-dev libpng-dev openblas-dev \\\n"
        + " && pip install --no-cache-dir matplotlib pandas && apk del .build-deps\n");
    assertThat(r.err()).contains("fixed WW1003");
    CliRun lint = CliRun.of("lint", "--offline", "--as-of", "2020-01-29", "--format", "json", "--no-shellcheck", file.toString());
    assertThat(lint.out()).doesNotContain("WW1003").doesNotContain("DL3019");
    CliRun again = CliRun.of("fix", "--keep-base", "--offline", "--as-of", "2020-01-29", file.toString());
    assertThat(again.out()).isEmpty();
  }

  @Test
  void aNonBuildPackageInTheSameRunLeavesTheGroupAndCrlfStays(@TempDir Path dir) throws Exception {
    Path file = project(dir, "FROM python:3.8-alpine\r\nCOPY requirements.txt .\r\n"
        + "RUN apk add --virtual .deps curl gcc musl-dev \\\r\n    && pip install -r requirements.txt\r\n");
    CliRun r = CliRun.of("fix", "--write", "--no-wheels", file.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(Files.readString(file)).isEqualTo("FROM python:3.8-alpine\r\nCOPY requirements.txt .\r\n"
        + "RUN apk add --no-cache curl libgcc && apk add --no-cache --virtual .deps gcc musl-dev \\\r\n"
        + "    && pip install --no-cache-dir -r requirements.txt && apk del .deps\r\n");
  }

  @Test
  void buildPackagesRunsAwayFromTheInstallGoToABuilderStage(@TempDir Path dir) throws Exception {
    String before = "# syntax=docker/dockerfile:1\n"
        + "FROM python:3.8-alpine AS app\n"
        + "WORKDIR /app\n"
        + "# build deps\n"
        + "RUN apk add --no-cache gcc musl-dev libffi-dev curl\n"
        + "COPY requirements.txt .\n"
        + "RUN pip install -r requirements.txt\n"
        + "COPY . .\n"
        + "CMD [\"python\", \"app.py\"]\n";
    Path file = project(dir, before);
    CliRun r = CliRun.of("fix", "--write", "--keep-base", "--offline", "--as-of", "2020-01-29", file.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    String after = Files.readString(file);
    assertThat(after).isEqualTo("# syntax=docker/dockerfile:1\n"
        + "# wheelwise fix (WW1003): the build packages stay in this stage; only /opt/venv goes to the image\n"
        + "FROM python:3.8-alpine AS ww-builder\n"
        + "RUN python -m venv /opt/venv\n"
        + "ENV PATH=\"/opt/venv/bin:$PATH\"\n"
        + "WORKDIR /app\n"
        + "# build deps\n"
        + "RUN apk add --no-cache gcc musl-dev libffi-dev curl\n"
        + "COPY requirements.txt .\n"
        + "RUN pip install -r requirements.txt\n"
        + "\n"
        + "FROM python:3.8-alpine AS app\n"
        + "WORKDIR /app\n"
        + "# build deps\n"
        + "RUN apk add --no-cache libgcc libffi curl\n"
        + "COPY requirements.txt .\n"
        + "COPY --from=ww-builder /opt/venv /opt/venv\n"
        + "ENV PATH=\"/opt/venv/bin:$PATH\"\n"
        + "COPY . .\n"
        + "CMD [\"python\", \"app.py\"]\n");
    DockerfileModel model = DockerfileModel.of(Dockerfile.parse(file.toString(), Files.readAllBytes(file)), Map.of(), dir);
    assertThat(model.stages()).extracting(s -> s.name()).containsExactly("ww-builder", "app");
    assertThat(model.finalStage().pythonInstalls()).isEmpty();
    CliRun check = CliRun.of("check", "--offline", "--as-of", "2020-01-29", "--format", "json", file.toString());
    assertThat(check.exit()).as(check.err()).isIn(0, 1);
    assertThat(check.out()).contains("\"python:3.8-alpine\"");
    CliRun lint = CliRun.of("lint", "--offline", "--as-of", "2020-01-29", "--format", "json", "--no-shellcheck", file.toString());
    assertThat(lint.out()).doesNotContain("WW1003");
  }

  @Test
  void installsSpreadOverSeveralRunsAllMoveToTheBuilderStageAndNoEmptyContinuationLineStays(@TempDir Path dir) throws Exception {
    // the shape of jgoerner's apistar service (corpus): a word-per-line apk list, then a pip install RUN per group
    String before = "FROM python:3.8-alpine\n"
        + "WORKDIR /usr/src/app\n"
        + "\n"
        + "RUN apk add --no-cache \\\n"
        + "    gcc \\\n"
        + "    musl-dev libffi-dev \\\n"
        + "    # the client\n"
        + "    curl \\\n"
        + "  && rm -rf /var/cache/apk/*\n"
        + "\n"
        + "COPY requirements.txt .\n"
        + "RUN pip install --no-cache-dir -r requirements.txt\n"
        + "\n"
        + "RUN pip install --no-cache-dir matplotlib\n"
        + "\n"
        + "COPY . .\n"
        + "RUN pip install --no-cache-dir --no-deps \\\n"
        + "  pandas\n"
        + "\n"
        + "EXPOSE 8000\n";
    Path file = project(dir, before);
    CliRun r = CliRun.of("fix", "--write", "--keep-base", "--offline", "--as-of", "2020-01-29", file.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(Files.readString(file)).isEqualTo("# wheelwise fix (WW1003): the build packages stay in this stage; only /opt/venv goes to the image\n"
        + "FROM python:3.8-alpine AS ww-builder\n"
        + "RUN python -m venv /opt/venv\n"
        + "ENV PATH=\"/opt/venv/bin:$PATH\"\n"
        + before.substring(before.indexOf("WORKDIR"), before.indexOf("\n\nEXPOSE")) + "\n"
        + "\n"
        + "FROM python:3.8-alpine\n"
        + "WORKDIR /usr/src/app\n"
        + "\n"
        + "RUN apk add --no-cache \\\n"
        + "    libgcc libffi \\\n"
        + "    # the client\n"
        + "    curl \\\n"
        + "  && rm -rf /var/cache/apk/*\n"
        + "\n"
        + "COPY requirements.txt .\n"
        + "\n"
        + "COPY . .\n"
        + "COPY --from=ww-builder /opt/venv /opt/venv\n"
        + "ENV PATH=\"/opt/venv/bin:$PATH\"\n"
        + "\n"
        + "EXPOSE 8000\n");
    DockerfileModel model = DockerfileModel.of(Dockerfile.parse(file.toString(), Files.readAllBytes(file)), Map.of(), dir);
    assertThat(model.finalStage().pythonInstalls()).isEmpty();
    assertThat(model.stages().get(0).pythonInstalls()).hasSize(3);
    CliRun lint = CliRun.of("lint", "--offline", "--as-of", "2020-01-29", "--format", "json", "--no-shellcheck", file.toString());
    assertThat(lint.out()).doesNotContain("WW1003");
    assertThat(CliRun.of("fix", "--keep-base", "--offline", "--as-of", "2020-01-29", file.toString()).out()).isEmpty();
  }

  @Test
  void uvPipInstallsMoveToTheBuilderStageWithItsVirtualEnvSet(@TempDir Path dir) throws Exception {
    String before = "FROM python:3.8-alpine\n"
        + "COPY --from=ghcr.io/astral-sh/uv:0.5.4 /uv /bin/uv\n"
        + "RUN apk add --no-cache gcc musl-dev libffi-dev\n"
        + "COPY requirements.txt .\n"
        + "RUN uv pip install --no-cache -r requirements.txt\n"
        + "COPY . .\n"
        + "RUN uv pip install --no-cache --no-deps .\n"
        + "CMD [\"python\", \"-m\", \"app\"]\n";
    Path file = project(dir, before);
    CliRun r = CliRun.of("fix", "--write", "--no-wheels", file.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(Files.readString(file)).isEqualTo("# wheelwise fix (WW1003): the build packages stay in this stage; only /opt/venv goes to the image\n"
        + "FROM python:3.8-alpine AS ww-builder\n"
        + "RUN python -m venv /opt/venv\n"
        + "ENV PATH=\"/opt/venv/bin:$PATH\"\n"
        + "ENV VIRTUAL_ENV=/opt/venv\n"
        + before.substring(before.indexOf("COPY --from"), before.indexOf("CMD"))
        + "\n"
        + "FROM python:3.8-alpine\n"
        + "COPY --from=ghcr.io/astral-sh/uv:0.5.4 /uv /bin/uv\n"
        + "RUN apk add --no-cache libgcc libffi\n"
        + "COPY requirements.txt .\n"
        + "COPY . .\n"
        + "COPY --from=ww-builder /opt/venv /opt/venv\n"
        + "ENV PATH=\"/opt/venv/bin:$PATH\"\n"
        + "CMD [\"python\", \"-m\", \"app\"]\n");
    // uv pip install --system, or with VIRTUAL_ENV already set, installs elsewhere than the venv the COPY takes
    Files.writeString(file, before.replace("uv pip install --no-cache -r", "uv pip install --system --no-cache -r"));
    r = CliRun.of("fix", "--no-wheels", file.toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains(":5: uv pip install --system installs outside the venv the builder stage copies");
    Files.writeString(file, before.replace("COPY requirements.txt .\n", "COPY requirements.txt .\nENV VIRTUAL_ENV=/venv\n"));
    r = CliRun.of("fix", "--no-wheels", file.toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains(":6: VIRTUAL_ENV is set for uv pip install");
  }

  @Test
  void installsOverSeveralRunsAreRefusedWhereTheOutcomeCannotBeJudged(@TempDir Path dir) throws Exception {
    // hCaptcha's telegram bot (corpus): pipenv makes a virtualenv of its own, which the builder's /opt/venv would not hold
    Path file = project(dir, "FROM python:3.8-alpine\nRUN apk add gcc musl-dev libffi-dev\n"
        + "RUN pip3 install pip -U && pip3 install pipenv\nCOPY Pipfile* /app/\nRUN pipenv install --dev\n");
    CliRun r = CliRun.of("fix", "--no-wheels", file.toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("refused WW1003 at " + file + ":5: only `pip install` and `uv pip install` are moved into a builder "
        + "stage, not `pipenv "
        + "install`, which installs into a virtualenv of its own");
    // a RUN between two install RUNs would run in the final image before the packages are copied in
    Files.writeString(file, "FROM python:3.8-alpine\nRUN apk add gcc musl-dev\nCOPY requirements.txt .\n"
        + "RUN pip install -r requirements.txt\nRUN python -m compileall /usr/local/lib\nRUN pip install pandas\n");
    r = CliRun.of("fix", "--no-wheels", file.toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("refused WW1003 at " + file + ":5: this RUN sits between the Python installs of lines 4 and 6");
    // OctoPrint's shape (corpus): a compile left in the final stage would miss the compilers the builder stage takes
    Files.writeString(file, "FROM python:3.8-alpine\nRUN apk add gcc musl-dev make\nCOPY . /src\n"
        + "RUN pip install /src\nWORKDIR /src/ext\nRUN make\n");
    r = CliRun.of("fix", "--no-wheels", file.toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("refused WW1003 at " + file + ":6: `make` stays in the final stage and may need the build packages");
    Files.writeString(file, "FROM python:3.8-alpine\nRUN apk add gcc musl-dev\nCOPY . /src\n"
        + "RUN pip install -r /src/requirements.txt\nRUN cd /src/ext && python3 setup.py build_ext --inplace\n");
    r = CliRun.of("fix", "--no-wheels", file.toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("refused WW1003 at " + file + ":5: `python3 setup.py` stays in the final stage");
    assertThat(r.out()).doesNotContain("ww-builder");
  }

  @Test
  void aKeptPackageAloneOnItsLineTakesTheLineKeepingCommentsAndCrlf(@TempDir Path dir) throws Exception {
    Path file = project(dir, "FROM python:3.8-alpine\r\nCOPY requirements.txt .\r\n"
        + "RUN apk add --no-cache --virtual .deps \\\r\n    curl \\\r\n# the compilers\r\n    gcc \\\r\n    musl-dev \\\r\n"
        + "    && pip install --no-cache-dir -r requirements.txt\r\n");
    CliRun r = CliRun.of("fix", "--write", "--no-wheels", file.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(Files.readString(file)).isEqualTo("FROM python:3.8-alpine\r\nCOPY requirements.txt .\r\n"
        + "RUN apk add --no-cache curl libgcc && apk add --no-cache --virtual .deps \\\r\n# the compilers\r\n    gcc \\\r\n"
        + "    musl-dev \\\r\n    && pip install --no-cache-dir -r requirements.txt && apk del .deps\r\n");
  }

  @Test
  void aRunMixingTheInstallWithOtherCommandsIsRefusedWithTheReason(@TempDir Path dir) throws Exception {
    Path file = project(dir, "FROM python:3.8-alpine\nRUN apk add gcc musl-dev\nCOPY requirements.txt .\n"
        + "RUN pip install -r requirements.txt && python -c 'import this'\n");
    CliRun r = CliRun.of("fix", "--no-wheels", file.toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("refused WW1003", ":4:", "also runs other commands");
    assertThat(r.out()).contains("+RUN apk add --no-cache gcc musl-dev").doesNotContain("ww-builder");
  }

  @Test
  void ignoredRulesAreNotFixedAndTheSkipIsNamed(@TempDir Path dir) throws Exception {
    Path file = project(dir, "FROM python:3.8-alpine\nCOPY requirements.txt .\n"
        + "# hadolint ignore=DL3042\n"
        + "RUN apk add gcc musl-dev && pip install -r requirements.txt\n");
    Path yaml = dir.resolve("hadolint.yaml");
    Files.writeString(yaml, "ignored:\n  - WW1003\n");
    CliRun r = CliRun.of("fix", "--no-wheels", "--config", yaml.toString(), file.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("+RUN apk add --no-cache gcc musl-dev && pip install -r requirements.txt")
        .doesNotContain("--no-cache-dir").doesNotContain(".build-deps");
    assertThat(r.err()).contains("skipped WW1003", "the rule is ignored", "skipped DL3042", ":4:", "inline");
    CliRun flag = CliRun.of("fix", "--no-wheels", "--ignore", "DL3019", "--config", yaml.toString(), file.toString());
    assertThat(flag.out()).isEmpty();
    assertThat(flag.err()).contains("skipped DL3019");
  }
}
