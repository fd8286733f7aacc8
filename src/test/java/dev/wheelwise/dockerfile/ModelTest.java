package dev.wheelwise.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stages, ARG expansion, recognizers and tracing on small hand-written Dockerfiles. */
class ModelTest {

  private static DockerfileModel model(String text, Map<String, String> buildArgs) throws DockerfileParseError {
    return DockerfileModel.of(Dockerfile.parse("Dockerfile", text), buildArgs, null);
  }

  @Test
  void argsBeforeFromResolveBasesWithBuildArgOverrides() throws Exception {
    String text = "ARG PY=3.12\nARG VARIANT\nARG REG=docker.io/library\nFROM ${REG}/python:${PY}-${VARIANT:-slim} AS Build\n"
        + "FROM build\nFROM python:${PY}${SUFFIX}\n";
    DockerfileModel plain = model(text, Map.of());
    assertThat(plain.stages().get(0).base()).isEqualTo("docker.io/library/python:3.12-slim");
    assertThat(plain.stages().get(0).name()).isEqualTo("build");
    assertThat(plain.stages().get(1).baseStage()).isEqualTo(0);
    assertThat(plain.stages().get(1).image()).isEqualTo("docker.io/library/python:3.12-slim");
    // SUFFIX was never declared: BuildKit would use "", we say unknown and name it
    assertThat(plain.finalStage().base()).isNull();
    assertThat(plain.finalStage().undefinedArgs()).containsExactly("SUFFIX");
    DockerfileModel overridden = model(text, Map.of("PY", "3.13", "VARIANT", "alpine", "SUFFIX", "-x"));
    assertThat(overridden.stages().get(0).base()).isEqualTo("docker.io/library/python:3.13-alpine");
    assertThat(overridden.finalStage().base()).isNull(); // an undeclared ARG is not a meta arg
    assertThat(overridden.metaArgs()).extracting(MetaArg::name, MetaArg::value, MetaArg::overridden)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("PY", "3.13", true),
            org.assertj.core.groups.Tuple.tuple("VARIANT", "alpine", true),
            org.assertj.core.groups.Tuple.tuple("REG", "docker.io/library", false));
  }

  @Test
  void pipOptionsAndEnvironmentDecideFileSelection() throws Exception {
    String text = "FROM python:3.12\nENV PIP_NO_CACHE_DIR=off PIP_EXTRA_INDEX_URL=\"https://a https://b\"\n"
        + "RUN --mount=type=cache,target=/root/.cache/pip PIP_PREFER_BINARY=1 python3 -m pip install --only-binary=:all: "
        + "--no-binary :none: --pre -i https://idx -f ./wheels -c constraints.txt --user --target /t --break-system-packages "
        + "--require-hashes 'numpy>=2; python_version>\"3.9\"' ./pkg[extra] git+https://x/y.git\n";
    PythonInstall pip = model(text, Map.of()).finalStage().pythonInstalls().get(0);
    assertThat(pip.tool()).isEqualTo("pip");
    assertThat(pip.command()).isEqualTo("python3 -m pip install");
    assertThat(pip.requirements()).containsExactly("numpy>=2; python_version>\"3.9\"", "git+https://x/y.git");
    assertThat(pip.inputs()).extracting(DependencyInput::kind, DependencyInput::containerPath)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("constraints", "/constraints.txt"),
            org.assertj.core.groups.Tuple.tuple("path", "/pkg"));
    FileSelection s = pip.selection();
    assertThat(s.noCache()).as("PIP_NO_CACHE_DIR disables the cache whatever its value").isTrue();
    assertThat(s.cacheMounts()).containsExactly("/root/.cache/pip");
    assertThat(s.indexUrl()).isEqualTo("https://idx");
    assertThat(s.extraIndexUrls()).containsExactly("https://a", "https://b");
    assertThat(s.findLinks()).containsExactly("./wheels");
    assertThat(s.preferBinary()).isTrue();
    assertThat(s.onlyBinary()).containsExactly(":all:");
    assertThat(s.noBinary()).containsExactly(":none:");
    assertThat(s.pre()).isTrue();
    assertThat(s.requireHashes()).isTrue();
    assertThat(s.user()).isTrue();
    assertThat(s.target()).isEqualTo("/t");
    assertThat(s.breakSystemPackages()).isTrue();
    assertThat(pip.line()).isEqualTo(3);
    assertThat(pip.column()).isEqualTo(68); // python3, after the flag and the inline assignment
  }

  @Test
  void copiesFromEarlierStagesAreRecordedByNameOrIndexNotFromImages() throws Exception {
    String text = "FROM python:3.12-slim AS Builder\nENV VENV=/opt/venv\nRUN python -m venv $VENV\n"
        + "FROM python:3.12-slim\nENV VENV=/opt/venv\nCOPY --from=builder $VENV $VENV\nCOPY --from=0 /etc/os-release /tmp/\n"
        + "COPY --from=ghcr.io/astral-sh/uv:0.9 /uv /bin/\nCOPY app.py .\n";
    Stage last = model(text, Map.of()).finalStage();
    assertThat(last.copies()).containsExactly(new StageCopy(0, "/opt/venv", "/opt/venv", 6),
        new StageCopy(0, "/etc/os-release", "/tmp", 7));
    assertThat(model(text, Map.of()).stages().get(0).copies()).isEmpty();
  }

  @Test
  void aCopyThroughAnUnsetVariableTracesNothing() throws Exception {
    // $APP has no value: the file lands somewhere unknown, so /r.txt must not trace to deps/r.txt.
    String text = "FROM python:3.12-slim\nCOPY deps/r.txt $APP/r.txt\nRUN pip install -r /r.txt\n";
    PythonInstall install = model(text, Map.of()).finalStage().pythonInstalls().get(0);
    assertThat(install.inputs()).extracting(DependencyInput::contextPath).containsOnlyNulls();

    String known = "FROM python:3.12-slim\nARG APP=/app\nCOPY deps/r.txt $APP/r.txt\nRUN pip install -r /app/r.txt\n";
    assertThat(model(known, Map.of()).finalStage().pythonInstalls().get(0).inputs())
        .extracting(DependencyInput::contextPath).containsExactly("deps/r.txt");
  }

  @Test
  void aCopySourceNoFileCanBeNamedIsNotInTheBuildContext(@TempDir Path context) throws Exception {
    // A NUL byte in a COPY or bind-mount source threw InvalidPathException out of lint, check and
    // fix when they read the model with the build context (found by FixWheelFuzzTest).
    String text = "FROM python:3.8-alpine\nCOPY req\0s.txt /r.txt\nCOPY sr\0c /src\n"
        + "RUN --mount=type=bind,source=w\0x,target=/w pip install -r /r.txt /src /w\n";
    DockerfileModel m = DockerfileModel.of(Dockerfile.parse("Dockerfile", text), Map.of(), context);
    assertThat(m.finalStage().pythonInstalls().get(0).inputs()).extracting(DependencyInput::contextPath, DependencyInput::inContext)
        .containsExactly(tuple("req\0s.txt", false), tuple("sr\0c", false), tuple("w\0x", false));
  }

  @Test
  void uvPoetryAndExecForms() throws Exception {
    String text = "FROM python:3.12-slim\nENV UV_NO_CACHE=1 UV_INDEX_URL=https://mirror\nWORKDIR /src\n"
        + "COPY sub/pyproject.toml sub/uv.lock /proj/\n"
        + "RUN uv sync --frozen --no-dev --project /proj --group docs --extra fast\n"
        + "RUN [\"uv\", \"pip\", \"install\", \"--system\", \"-r\", \"requirements.txt\"]\n"
        + "RUN [\"/bin/sh\", \"-c\", \"poetry install --only main --no-root\"]\n";
    List<PythonInstall> installs = model(text, Map.of()).finalStage().pythonInstalls();
    assertThat(installs).extracting(PythonInstall::tool).containsExactly("uv-sync", "uv-pip", "poetry");
    PythonInstall sync = installs.get(0);
    assertThat(sync.has("--frozen")).isTrue();
    assertThat(sync.optionValues("--group")).containsExactly("docs");
    assertThat(sync.option("--extra")).contains("fast");
    assertThat(sync.inputs()).extracting(DependencyInput::containerPath, DependencyInput::contextPath)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("/proj/pyproject.toml", "sub/pyproject.toml"),
            org.assertj.core.groups.Tuple.tuple("/proj/uv.lock", "sub/uv.lock"));
    assertThat(sync.selection().noCache()).isTrue();
    assertThat(sync.selection().indexUrl()).isEqualTo("https://mirror");
    assertThat(installs.get(1).inputs().get(0).containerPath()).isEqualTo("/src/requirements.txt");
    assertThat(installs.get(2).optionValues("--only")).containsExactly("main");
    assertThat(installs.get(2).selection().indexUrl()).as("poetry ignores UV_* and PIP_*").isNull();
  }

  @Test
  void uvNamedIndexesAndEmptyIndexVariable() throws Exception {
    String text = "FROM python:3.12-slim\nENV UV_INDEX=\"\"\n"
        + "RUN uv pip install --system --index pytorch=https://download.pytorch.org/whl/cpu torch\n"
        + "RUN UV_INDEX='a=https://a.example/simple https://b.example/simple' uv pip install --system x\n";
    List<PythonInstall> installs = model(text, Map.of()).finalStage().pythonInstalls();
    assertThat(installs.get(0).selection().extraIndexUrls()).containsExactly("https://download.pytorch.org/whl/cpu");
    assertThat(installs.get(1).selection().extraIndexUrls()).containsExactly("https://a.example/simple", "https://b.example/simple");
  }

  @Test
  void packageOperationsBeforeEachInstall() throws Exception {
    String text = "FROM debian:12\nRUN apt-get update && apt-get -o APT::Install-Recommends=false install -y gcc \\\n"
        + "  && pip install --no-cache-dir x && apt-get purge -y gcc && rm -rf /var/lib/apt/lists/*\n"
        + "FROM alpine\nRUN apk add -t .deps -X https://repo gcc && pip install y && apk del .deps\n"
        + "SHELL [\"powershell\", \"-Command\"]\nRUN if ($env:X -eq 'y') { pip install C:\\w\\a.whl `\"x`\" --no-cache-dir }\n"
        + "SHELL [\"python\", \"-c\"]\nRUN import os; pip install not-a-shell\n";
    DockerfileModel m = model(text, Map.of());
    Stage debian = m.stages().get(0);
    PythonInstall x = debian.pythonInstalls().get(0);
    assertThat(debian.packageOpsBefore(x)).extracting(PackageOp::action).containsExactly("update", "install");
    assertThat(debian.packageOpsBefore(x).get(1).noInstallRecommends()).isTrue();
    assertThat(debian.packageOps()).extracting(PackageOp::action).containsExactly("update", "install", "remove", "clean");
    Stage alpine = m.finalStage();
    assertThat(alpine.pythonInstalls()).extracting(PythonInstall::words).containsExactly(
        List.of("pip", "install", "y"),
        List.of("pip", "install", "C:\\w\\a.whl", "\"x\"", "--no-cache-dir"));
    PackageOp add = alpine.packageOpsBefore(alpine.pythonInstalls().get(0)).get(0);
    assertThat(add.virtualName()).isEqualTo(".deps");
    assertThat(add.packages()).containsExactly("gcc");
    assertThat(add.options()).extracting(CommandOption::name).contains("--repository");
    assertThat(alpine.packageOps().get(1).packages()).containsExactly(".deps");
  }

  @Test
  void heredocScriptsAreShellOnlyWhenAShellRunsThem() throws Exception {
    String text = "FROM python:3.12\nRUN <<EOF\npip install a\nEOF\nRUN bash -ex <<EOF\npip install b\nEOF\n"
        + "RUN python3 <<EOF\npip install not-shell\nEOF\nRUN cat <<EOF > /x && pip install c\npip install d\nEOF\n";
    List<PythonInstall> installs = model(text, Map.of()).finalStage().pythonInstalls();
    assertThat(installs).extracting(p -> p.requirements().get(0)).containsExactly("a", "b", "c");
    assertThat(installs).extracting(PythonInstall::line).containsExactly(3, 6, 11);
  }

  @Test
  void knownVariablesExpandUnknownOnesStay() throws Exception {
    String text = "FROM debian\nARG PKGS=\"gcc make\"\nENV EXTRA=libpq-dev\n"
        + "RUN DEPS=\"g++ cmake\" && export MORE=zlib1g-dev && [ -n \"$CI\" ] && DEPS=maybe; "
        + "apt-get install -y $PKGS ${EXTRA} $DEPS $MORE \"$PKGS\" $UNSET\n";
    PackageOp op = model(text, Map.of()).finalStage().packageOps().get(0);
    // DEPS was reassigned behind a test: it may be either value, so it stays unexpanded
    assertThat(op.packages()).containsExactly("gcc", "make", "libpq-dev", "$DEPS", "zlib1g-dev", "$PKGS", "$UNSET");
    assertThat(op.conditional()).isFalse();
  }

  @Test
  void stepsThatMayNotRunAreConditional() throws Exception {
    String text = "FROM python:3.12\n"
        + "RUN for i in 1 2; do pip install a && break; done; for f in req/*.txt; do pip install -r $f; done\n"
        + "RUN [ -f x ] && pip install b; true || pip install c; if [ -n \"$X\" ]; then \\\n  pip install d; \\\nfi; pip install e\n"
        + "RUN bash -c 'pip install f' || sh -c 'pip install g'\n";
    List<PythonInstall> installs = model(text, Map.of()).finalStage().pythonInstalls();
    assertThat(installs).extracting(p -> p.words().get(p.words().size() - 1), PythonInstall::conditional)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("a", false),
            org.assertj.core.groups.Tuple.tuple("$f", true),
            org.assertj.core.groups.Tuple.tuple("b", true),
            org.assertj.core.groups.Tuple.tuple("c", true),
            org.assertj.core.groups.Tuple.tuple("d", true),
            org.assertj.core.groups.Tuple.tuple("e", false),
            org.assertj.core.groups.Tuple.tuple("f", false),
            org.assertj.core.groups.Tuple.tuple("g", true));
  }

  @Test
  void fromExpansionFollowsShellParameterForms() throws Exception {
    String text = "ARG V=3.12.7-slim\nARG E\nFROM python:${V%%-*}-${V#*-}${E:+-x}${E-}\nFROM python:${V/slim/alpine}\n";
    DockerfileModel m = model(text, Map.of());
    assertThat(m.stages().get(0).base()).isEqualTo("python:3.12.7-slim");
    assertThat(m.stages().get(1).base()).as("pattern substitution is not evaluated").isNull();
    assertThat(m.stages().get(1).undefinedArgs()).containsExactly("V");
  }
}
