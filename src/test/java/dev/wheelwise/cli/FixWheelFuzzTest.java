package dev.wheelwise.cli;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.wheelwise.Finding;
import dev.wheelwise.ParseError;
import dev.wheelwise.dockerfile.Dockerfile;
import dev.wheelwise.dockerfile.DockerfileModel;
import dev.wheelwise.dockerfile.DockerfileParseError;
import dev.wheelwise.lint.LintConfig;
import dev.wheelwise.lint.Linter;
import dev.wheelwise.lint.Rules;
import dev.wheelwise.lint.Subject;
import dev.wheelwise.lint.Wheels;
import dev.wheelwise.lint.fix.ApkToApt;
import dev.wheelwise.lint.fix.FixAssertions;
import dev.wheelwise.lint.fix.Fixer;
import dev.wheelwise.lint.fix.Plan;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Generated Dockerfiles through lint and fix with the wheel-aware rules on, as {@code fix
 * --offline --as-of 2020-01-29} runs them (the article's date: python:3.8-alpine compiles
 * matplotlib, pandas and numpy, python:3.8-slim-buster has wheels), so WW1001's base switch
 * (apk lines translated to apt through apk-to-apt.tsv) and WW1003's virtual group or builder
 * stage are planned, and judged by check again. Lint and fix throw nothing but the input's parse
 * error (check's own refusals, a base it cannot place, are fix's "no base-image switch" note);
 * fix's output is {@link FixAssertions#assertSound}.
 *
 * <p>Half the inputs are raw bytes (a seed in FixWheelFuzzTestInputs/ is a Dockerfile and two
 * bytes: the last, a newline (even), picks the raw path; the one before says whether fix keeps
 * the base, as {@code --keep-base}: a newline no, {@code k} (odd) yes), half are built from the bytes:
 * stages on python:3.X-alpine variants, {@code apk add} of the names in apk-to-apt.tsv and
 * apk-runtime.tsv and unknown ones (pinned, quoted, options, {@code --virtual}), pip installs of
 * packages the snapshot knows, chained with {@code &&}/{@code ;}/{@code ||}/{@code |}, split by
 * continuations with comments between, heredocs, the escape directive, CRLF, and raw bytes.
 * The snapshot, catalog and session are loaded once per JVM: each input costs one to three
 * checks.
 */
class FixWheelFuzzTest {
  /** The build context: the article's pinned project (read only; requirements.txt is what -r reads). */
  private static final Path CONTEXT = Path.of("examples/alpine-article/pinned");
  private static final Path DOCKERFILE = CONTEXT.resolve("Dockerfile");
  private static final WheelCheckOptions.Session SESSION = session();

  // the article's base most often: check's plans for it have source builds and a slim image of wheels
  private static final List<String> IMAGES = List.of("python:3.8-alpine", "python:3.8-alpine", "python:3.8-alpine",
      "python:3.8-alpine", "python:3.8-alpine", "python:3.8-alpine", "python:3.8-alpine3.11", "python:3.8-alpine3.10",
      "python:3.7-alpine", "python:3.6-alpine", "python:3.9-alpine", "python:3.8-slim", "python:3.8", "alpine:3.11", "python:alpine",
      "${BASE}", "build");
  private static final List<String> APK_NAMES = apkNames();
  // mostly pins of releases the snapshot has by 2020-01-29 (a check of unpinned matplotlib+pandas costs ten times one
  // of a pin); psycopg2 and cffi have none by then, no-such-project-ww none at all
  private static final List<String> PIP_NAMES = List.of("numpy==1.18.1", "numpy==1.18.1", "lxml==4.4.2", "markupsafe==1.1.1",
      "kiwisolver==1.1.0", "pillow==6.2.1", "pyyaml==5.2", "six==1.14.0", "six", "pandas==0.25.3", "psycopg2", "cffi",
      "matplotlib", "no-such-project-ww", "-r requirements.txt", ".", "/wheels/*");
  private static final List<String> PIP_COMMANDS = List.of("pip install", "pip install", "pip3 install", "python -m pip install",
      "python3 -m pip install", "pip install --user", "pip install --prefix=/install", "uv pip install --system", "pip wheel -w /wheels",
      "pip install --no-index --find-links /wheels");
  private static final List<String> PIP_OPTIONS = List.of("--no-cache-dir", "--upgrade", "-U", "--no-deps", "--break-system-packages");
  private static final List<String> OTHER_COMMANDS = List.of("adduser -D app", "addgroup -S app", "cd /app", "echo ok", "true",
      "rm -rf /tmp/*", "mkdir -p /wheels", "apt-get update", "apt-get install -y gcc", "apk upgrade", "apk update", "apk del .build-deps",
      "apk del gcc musl-dev", "apk --no-cache del .deps", "export X=1", "if [ -f x ]; then apk add gcc; fi", "apk info", "pip --version");
  private static final List<String> OTHER_LINES = List.of("COPY requirements.txt .", "COPY requirements.txt /app/", "COPY . .",
      "COPY . /app", "COPY --from=build /wheels /wheels", "COPY --from=0 /usr/local /usr/local", "ADD . /src", "WORKDIR /app",
      "ENV PIP_NO_CACHE_DIR=1", "ENV PYTHONDONTWRITEBYTECODE=1", "ARG BASE=python:3.8-alpine", "ARG PKGS=gcc",
      "SHELL [\"/bin/ash\", \"-eo\", \"pipefail\", \"-c\"]", "SHELL [\"pwsh\", \"-c\"]", "USER app", "CMD [\"python\", \"app.py\"]",
      "ENTRYPOINT python app.py", "# a comment", "", "# hadolint ignore=WW1003", "# wheelwise ignore=WW1001,DL3018", "EXPOSE 8000",
      "RUN [\"pip\", \"install\", \"numpy\"]", "RUN --mount=type=cache,target=/root/.cache/pip pip install pandas", "LABEL a=b",
      "ONBUILD RUN apk add gcc", "HEALTHCHECK CMD true");
  private static final List<String> SEPARATORS = List.of(" && ", " && ", " && ", "; ", " || ", " | ", " &&", "&& ", " & ");

  @FuzzTest(maxDuration = "60s")
  void lintAndFixWithWheelsThrowNothingButParseErrorsAndFixOutputIsSound(FuzzedDataProvider data) throws Exception {
    byte[] bytes;
    boolean keepBase;
    if (!data.consumeBoolean()) {
      keepBase = data.consumeBoolean();
      bytes = data.consumeRemainingAsBytes();
    } else {
      keepBase = data.consumeInt(0, 3) == 0;
      bytes = new Generator(data).file();
    }
    Dockerfile file;
    try {
      file = Dockerfile.parse("<fuzz>", bytes);
    } catch (DockerfileParseError expected) {
      return;
    }
    // as FixCommand: check on the Dockerfile, the rules with its answer, the plan, then the judgment by check again
    DockerfileModel model = DockerfileModel.of(file, Map.of(), CONTEXT);
    Optional<Wheels> facts = Optional.empty();
    // fix checks whenever there is a stage; without a Python install check compares nothing that a
    // wheel-aware rule or fix could use (WW1003 needs an install too), so that check is skipped for speed
    if (model.finalStage() != null && model.stages().stream().anyMatch(s -> !s.pythonInstalls().isEmpty())) {
      try {
        facts = Optional.of(SESSION.check(model, DOCKERFILE, CONTEXT));
      } catch (UsageException | ParseError noSwitch) {
        // fix's "note: no base-image switch": a base the catalog cannot place, an install input check cannot read
      }
    }
    Subject subject = new Subject(file, model, Set.of(), facts, Set.of());
    List<Finding> findings = new Linter(Rules.ALL, LintConfig.EMPTY, true).lint(subject, List.of());
    Plan plan = Fixer.plan(subject, findings, ApkToApt.standard(), keepBase);
    Fixer.Outcome outcome = Fixer.judge(file, facts, plan,
        Optional.of(after -> SESSION.check(DockerfileModel.of(after, Map.of(), CONTEXT), DOCKERFILE, CONTEXT)));
    FixAssertions.assertSound("<fuzz>", file, findings, outcome);
  }

  private static WheelCheckOptions.Session session() {
    WheelCheckOptions options = new WheelCheckOptions();
    options.offline = true;
    options.asOf = "2020-01-29";
    return options.open(new PrintWriter(Writer.nullWriter()));
  }

  /** The first column of the two tables fix reads, and names neither has. */
  private static List<String> apkNames() {
    Set<String> names = new TreeSet<>(List.of("curl", "bash", "tini", "git", "postgresql-libs", "py3-numpy", "unknown-dev"));
    for (String table : List.of("apk-to-apt.tsv", "apk-runtime.tsv")) {
      try (InputStream in = ApkToApt.class.getResourceAsStream(table)) {
        new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank() && !l.startsWith("#"))
            .forEach(l -> names.add(l.split("\t")[0]));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return List.copyOf(names);
  }

  /** A Dockerfile built from the fuzzer's bytes; every choice is bounded, so running out of bytes ends it. */
  private static final class Generator {
    private final FuzzedDataProvider data;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final String eol;
    private final char escape;

    Generator(FuzzedDataProvider data) {
      this.data = data;
      this.eol = data.consumeInt(0, 3) == 0 ? "\r\n" : "\n";
      this.escape = data.consumeInt(0, 7) == 0 ? '`' : '\\';
    }

    byte[] file() {
      if (data.consumeBoolean()) {
        line("# syntax=docker/dockerfile:1");
      }
      if (escape == '`' || data.consumeInt(0, 7) == 0) {
        line("# escape=" + escape);
      }
      int stages = data.consumeInt(1, 3);
      for (int s = 0; s < stages; s++) {
        String image = data.pickValue(IMAGES);
        if (image.startsWith("$")) {
          line("ARG BASE=python:3.8-alpine");
        }
        String as = s + 1 < stages && data.consumeBoolean() ? " AS " + data.pickValue(List.of("build", "builder", "base")) : "";
        line("FROM " + image + as);
        int instructions = data.consumeInt(1, 6);
        for (int i = 0; i < instructions; i++) {
          instruction();
        }
      }
      return out.toByteArray();
    }

    private void instruction() {
      switch (data.consumeInt(0, 7)) {
        case 0, 1, 2 -> run();
        case 3 -> heredoc();
        case 4 -> raw();
        default -> line(data.pickValue(OTHER_LINES));
      }
    }

    /** RUN with commands chained by separators, continuations (with comment lines) between them. */
    private void run() {
      StringBuilder run = new StringBuilder("RUN ");
      if (data.consumeInt(0, 5) == 0) {
        run.append("--mount=type=cache,target=/root/.cache ");
      }
      int commands = data.consumeInt(1, 4);
      for (int c = 0; c < commands; c++) {
        if (c > 0) {
          String separator = data.pickValue(SEPARATORS);
          run.append(separator.stripTrailing());
          if (data.consumeBoolean()) {
            run.append(continuation());
          }
          run.append(separator.endsWith(" ") ? " " : "");
        }
        run.append(command());
      }
      line(run.toString());
    }

    private String command() {
      return switch (data.consumeInt(0, 5)) {
        case 0, 1 -> apkAdd();
        case 2, 3 -> pip();
        default -> data.pickValue(OTHER_COMMANDS);
      };
    }

    private String apkAdd() {
      StringBuilder c = new StringBuilder("apk");
      if (data.consumeInt(0, 3) == 0) {
        c.append(data.pickValue(List.of(" --update", " --no-cache", " -U", " --update-cache")));
      }
      c.append(" add");
      int options = data.consumeInt(0, 2);
      for (int o = 0; o < options; o++) {
        c.append(' ').append(data.pickValue(List.of("--no-cache", "--virtual .build-deps", "-t .deps", "--virtual=.x", "--update",
            "--repository http://dl-cdn.alpinelinux.org/alpine/edge/testing", "-X x", "--allow-untrusted", "--no-progress")));
      }
      int packages = data.consumeInt(0, 7);
      for (int p = 0; p < packages; p++) {
        c.append(data.consumeInt(0, 4) == 0 ? continuation() : " ");
        String name = data.pickValue(APK_NAMES);
        c.append(switch (data.consumeInt(0, 11)) {
          case 0 -> name + "=1.2.3-r0";
          case 1 -> name + "~3";
          case 2 -> "\"" + name + "\"";
          case 3 -> "$PKGS";
          default -> name;
        });
      }
      return c.toString();
    }

    private String pip() {
      StringBuilder c = new StringBuilder(data.pickValue(PIP_COMMANDS));
      if (data.consumeBoolean()) {
        c.append(' ').append(data.pickValue(PIP_OPTIONS));
      }
      int packages = data.consumeInt(1, 4);
      for (int p = 0; p < packages; p++) {
        c.append(data.consumeInt(0, 5) == 0 ? continuation() : " ").append(data.pickValue(PIP_NAMES));
      }
      return c.toString();
    }

    /** escape, line end, then maybe comment or blank lines (Docker drops them inside a continuation), then an indent. */
    private String continuation() {
      StringBuilder c = new StringBuilder(data.consumeBoolean() ? " " : "").append(escape).append(eol());
      int between = data.consumeInt(0, 3) == 0 ? data.consumeInt(1, 2) : 0;
      for (int i = 0; i < between; i++) {
        c.append(data.pickValue(List.of("# a comment", "    # indented", "", "#"))).append(eol());
      }
      return c.append(data.pickValue(List.of("    ", " ", "\t", "", "  "))).toString();
    }

    private void heredoc() {
      String tag = data.pickValue(List.of("EOF", "EOT"));
      String opener = data.pickValue(List.of("<<", "<<-", "<<'", "<<\""));
      String quote = opener.endsWith("'") || opener.endsWith("\"") ? opener.substring(opener.length() - 1) : "";
      line("RUN " + opener + tag + quote + (data.consumeInt(0, 3) == 0 ? " && " + command() : ""));
      int lines = data.consumeInt(0, 3);
      for (int i = 0; i < lines; i++) {
        line((opener.equals("<<-") ? "\t" : "") + command());
      }
      line(tag);
    }

    /** Raw bytes: a line of their own, or the tail of a RUN. */
    private void raw() {
      byte[] bytes = data.consumeBytes(data.consumeInt(0, 24));
      if (data.consumeBoolean()) {
        write("RUN apk add gcc ");
      }
      out.writeBytes(bytes);
      write(eol());
    }

    private String eol() {
      return data.consumeInt(0, 15) == 0 ? (eol.equals("\n") ? "\r\n" : "\n") : eol;
    }

    private void line(String text) {
      write(text + eol());
    }

    private void write(String text) {
      out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
  }
}
