package dev.wheelwise.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code wheelwise fix} end to end: the 2020 article, CRLF and heredocs kept, refusals, stdin. */
class FixCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path ARTICLE = Path.of("examples/alpine-article/pinned");

  private static Path project(Path dir, String dockerfile) throws Exception {
    Files.copy(ARTICLE.resolve("requirements.txt"), dir.resolve("requirements.txt"));
    Path file = dir.resolve("Dockerfile");
    Files.writeString(file, dockerfile);
    return file;
  }

  @Test
  void packagesDebianNeedsNoneOfOnOneLineAreRemovedWithoutOverlap(@TempDir Path dir) throws Exception {
    // musl-dev and libc-dev both map to nothing on Debian: the first, starting its line, took the
    // blanks before the second, and the plan threw "overlapping edits" (a stack trace, exit 1).
    Path file = project(dir, "FROM python:3.8-alpine\nCOPY requirements.txt .\nRUN apk add --no-cache \\\n    musl-dev libc-dev \\\n"
        + "    gcc freetype-dev \\\n && pip install -r requirements.txt\n");
    CliRun r = CliRun.of("fix", "--write", "--offline", "--as-of", "2020-01-29", file.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(Files.readString(file)).isEqualTo("FROM python:3.8-slim-buster\nCOPY requirements.txt .\n"
        + "RUN apt-get update && apt-get install -y --no-install-recommends \\\n     \\\n"
        + "    gcc libfreetype-dev && rm -rf /var/lib/apt/lists/* \\\n && pip install --no-cache-dir -r requirements.txt\n");
    assertThat(CliRun.of("dockerfile", file.toString()).exit()).isZero();
  }

  @Test
  void theArticleMovesToSlimWhereCheckSaysEveryPackageIsAWheel(@TempDir Path dir) throws Exception {
    Path file = project(dir, Files.readString(ARTICLE.resolve("Dockerfile")));
    CliRun diff = CliRun.of("fix", "--offline", "--as-of", "2020-01-29", file.toString());
    assertThat(diff.exit()).as(diff.err()).isZero();
    assertThat(diff.out()).contains("# WW1001 line 1: python:3.8-alpine -> python:3.8-slim-buster", "--- a/Dockerfile",
        "+++ b/Dockerfile", "-FROM python:3.8-alpine\n", "+FROM python:3.8-slim-buster\n", " COPY requirements.txt .\n");
    CliRun written = CliRun.of("fix", "--write", "--offline", "--as-of", "2020-01-29", file.toString());
    assertThat(written.exit()).as(written.err()).isZero();
    assertThat(written.err()).contains("fixed WW1001");
    assertThat(Files.readString(file)).isEqualTo(Files.readString(ARTICLE.resolve("Dockerfile"))
        .replace("FROM python:3.8-alpine", "FROM python:3.8-slim-buster"));
    CliRun check = CliRun.of("check", "--offline", "--as-of", "2020-01-29", "--format", "json", file.toString());
    JsonNode inUse = null;
    for (JsonNode image : JSON.readTree(check.out()).get("images")) {
      inUse = image.get("image").asText().equals("python:3.8-slim-buster") ? image : inUse;
    }
    assertThat(inUse).as(check.out()).isNotNull();
    assertThat(inUse.get("verdict").asText()).isEqualTo("wheels");
    CliRun again = CliRun.of("fix", "--offline", "--as-of", "2020-01-29", file.toString());
    assertThat(again.exit()).isZero();
    assertThat(again.out()).isEmpty();
  }

  @Test
  void apkLinesBecomeAptLinesAndEveryOtherByteStays(@TempDir Path dir) throws Exception {
    String before = "# escape=\\\r\n"
        + "FROM python:3.8-alpine AS app\r\n"
        + "COPY requirements.txt .\r\n"
        + "# deps\r\n"
        + "RUN apk add --update --virtual .deps \\\r\n"
        + "    build-base=1 musl-dev \\\r\n"
        + "    freetype-dev libpng-dev openblas-dev foo-bar \\\r\n"
        + " && pip install -r requirements.txt\r\n"
        + "RUN <<EOF\r\n"
        + "pip install numpy==1.18.1\r\n"
        + "EOF\r\n";
    Path file = project(dir, before);
    CliRun r = CliRun.of("fix", "--write", "--offline", "--as-of", "2020-01-29", file.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    String after = Files.readString(file);
    assertThat(after).isEqualTo("# escape=\\\r\n"
        + "FROM python:3.8-slim-buster AS app\r\n"
        + "COPY requirements.txt .\r\n"
        + "# deps\r\n"
        + "# wheelwise fix (WW1001): no Debian name known for apk package(s) foo-bar; kept as written, check them\r\n"
        + "RUN apt-get update && apt-get install -y --no-install-recommends \\\r\n"
        + "    build-essential \\\r\n"
        + "    libfreetype-dev libpng-dev libopenblas-dev foo-bar && rm -rf /var/lib/apt/lists/* \\\r\n"
        + " && pip install --no-cache-dir -r requirements.txt\r\n"
        + "RUN <<EOF\r\n"
        + "pip install --no-cache-dir numpy==1.18.1\r\n"
        + "EOF\r\n");
    assertThat(r.err()).contains("fixed DL3042", "apk freetype-dev -> apt libfreetype-dev");
  }

  @Test
  void aVirtualGroupAndItsApkDelBecomeAnAptPurgeOfTheSamePackages(@TempDir Path dir) throws Exception {
    Path file = project(dir, "FROM python:3.8-alpine\nCOPY requirements.txt .\n"
        + "RUN apk add --no-cache --virtual .build-deps gcc musl-dev openblas-dev \\\n"
        + "    && pip install --no-cache-dir -r requirements.txt \\\n"
        + "    && apk del .build-deps\n");
    CliRun r = CliRun.of("fix", "--write", "--offline", "--as-of", "2020-01-29", file.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(Files.readString(file)).isEqualTo("FROM python:3.8-slim-buster\nCOPY requirements.txt .\n"
        + "RUN apt-get update && apt-get install -y --no-install-recommends gcc libopenblas-dev && rm -rf /var/lib/apt/lists/* \\\n"
        + "    && pip install --no-cache-dir -r requirements.txt \\\n"
        + "    && apt-get purge -y --auto-remove gcc libopenblas-dev\n");
    Files.writeString(file, "FROM python:3.8-alpine\nCOPY requirements.txt .\nRUN apk add gcc && pip install -r requirements.txt && apk del gcc\n");
    CliRun other = CliRun.of("fix", "--offline", "--as-of", "2020-01-29", file.toString());
    assertThat(other.exit()).isEqualTo(1);
    assertThat(other.err()).contains("refused WW1001", "`apk del gcc` removes no --virtual group");
  }

  @Test
  void aBusyboxCommandRefusesTheSwitchButNotTheCacheFlags(@TempDir Path dir) throws Exception {
    Path file = project(dir, "FROM python:3.8-alpine\nRUN adduser -D app\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\n");
    CliRun r = CliRun.of("fix", "--offline", "--as-of", "2020-01-29", file.toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("refused WW1001", ":2:", "adduser -D", "busybox");
    assertThat(r.out()).contains("+RUN pip install --no-cache-dir -r requirements.txt").doesNotContain("+FROM");
  }

  @Test
  void aStageThatStaysButCopiesFromAMovingOneRefusesTheSwitch(@TempDir Path dir) throws Exception {
    Path file = project(dir, "FROM python:3.8-alpine AS build\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\n"
        + "FROM alpine:3.11\nCOPY --from=build /usr/local /usr/local\n");
    CliRun r = CliRun.of("fix", "--offline", "--as-of", "2020-01-29", file.toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("refused WW1001", ":5:", "copies from stage 0");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void standardInputGivesADiffAndUsageErrorsExitTwo(@TempDir Path dir) throws Exception {
    InputStream saved = System.in;
    try {
      System.setIn(new ByteArrayInputStream("FROM debian:12\nRUN apk add curl\n".getBytes(StandardCharsets.UTF_8)));
      CliRun r = CliRun.of("fix", "--no-wheels", "-");
      assertThat(r.exit()).as(r.err()).isZero();
      assertThat(r.out()).isEqualTo("# DL3019 line 2: add --no-cache\n--- a/Dockerfile\n+++ b/Dockerfile\n@@ -1,2 +1,2 @@\n"
          + " FROM debian:12\n-RUN apk add curl\n+RUN apk add --no-cache curl\n");
    } finally {
      System.setIn(saved);
    }
    assertThat(CliRun.of("fix", "--write", "-").exit()).isEqualTo(2);
    assertThat(CliRun.of("fix", dir.resolve("missing").toString()).exit()).isEqualTo(2);
    Path bad = dir.resolve("Dockerfile");
    Files.writeString(bad, "FROM python\nRUN echo " + "x".repeat(70_000) + "\n");
    CliRun parse = CliRun.of("fix", "--no-wheels", bad.toString());
    assertThat(parse.exit()).as(parse.err()).isEqualTo(2);
    assertThat(parse.err()).contains("line greater than max allowed size");
  }
}
