package dev.wheelwise.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code wheelwise fix} on WW1003 for apt: the build packages purged after the pip install in the
 * same RUN, the runtime libraries of the base's Debian release kept by name, and refusals when
 * the release or a package's runtime libraries are not known.
 */
class FixAptBuildDepsTest {

  private static Path dockerfile(Path dir, String text) throws Exception {
    Files.writeString(dir.resolve("requirements.txt"), "psycopg2==2.9.9\n");
    Path file = dir.resolve("Dockerfile");
    Files.writeString(file, text);
    return file;
  }

  @Test
  void bookwormKeepsLibpq5AndPurgesTheBuildPackagesBeforeTheListsGo(@TempDir Path dir) throws Exception {
    Path file = dockerfile(dir, "FROM python:3.12-slim-bookworm\n"
        + "# the database driver\n"
        + "RUN apt-get update && apt-get install -y --no-install-recommends build-essential libpq-dev \\\n"
        + "    && pip install --no-cache-dir psycopg2==2.9.9 \\\n"
        + "    && rm -rf /var/lib/apt/lists/*\n"
        + "CMD [\"python\"]\n");
    // --offline: the fix goes through judge's check on the result (no worse than before)
    CliRun diff = CliRun.of("fix", "--offline", file.toString());
    assertThat(diff.exit()).as(diff.err()).isZero();
    assertThat(diff.out()).contains("# WW1003 line 3: runtime libraries installed by name, so the purge keeps them: libpq5 "
        + "(debian 12 (bookworm): ", "--- a/Dockerfile\n+++ b/Dockerfile\n@@ -1,6 +1,6 @@\n"
        + " FROM python:3.12-slim-bookworm\n"
        + " # the database driver\n"
        + "-RUN apt-get update && apt-get install -y --no-install-recommends build-essential libpq-dev \\\n"
        + "-    && pip install --no-cache-dir psycopg2==2.9.9 \\\n"
        + "+RUN apt-get update && apt-get install -y --no-install-recommends build-essential libpq-dev libpq5 \\\n"
        + "+    && pip install --no-cache-dir psycopg2==2.9.9 && apt-get purge -y --auto-remove build-essential libpq-dev \\\n"
        + "     && rm -rf /var/lib/apt/lists/*\n"
        + " CMD [\"python\"]\n");
    CliRun written = CliRun.of("fix", "--write", "--no-wheels", file.toString());
    assertThat(written.exit()).as(written.err()).isZero();
    CliRun lint = CliRun.of("lint", "--no-wheels", "--format", "json", file.toString());
    assertThat(lint.out()).as("WW1003 is answered").doesNotContain("WW1003");
    assertThat(CliRun.of("fix", "--no-wheels", file.toString()).out()).isEmpty();
  }

  @Test
  void bullseyeKeepsLibssl11WhereBookwormKeepsLibssl3AndTheNextRunIsJoinedKeepingCrlf(@TempDir Path dir) throws Exception {
    String run = "RUN apt-get update && apt-get install -y gcc libssl-dev=1.1.1w-0+deb11u1 libffi-dev git\r\n"
        + "RUN pip install --no-cache-dir cryptography==3.3\r\n";
    Path file = dockerfile(dir, "FROM python:3.9-slim-bullseye\r\n" + run);
    CliRun r = CliRun.of("fix", "--write", "--no-wheels", file.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(Files.readString(file)).isEqualTo("FROM python:3.9-slim-bullseye\r\n"
        + "RUN apt-get update && apt-get install -y gcc libssl-dev=1.1.1w-0+deb11u1 libffi-dev git libssl1.1 libffi7 \\\r\n"
        + " && pip install --no-cache-dir cryptography==3.3 && apt-get purge -y --auto-remove gcc libssl-dev libffi-dev\r\n");
    Files.writeString(file, "FROM python:3.11-slim-bookworm\r\n" + run);
    assertThat(CliRun.of("fix", "--write", "--no-wheels", file.toString()).exit()).isZero();
    assertThat(Files.readString(file)).contains("libffi-dev git libssl3 libffi8 \\\r\n");
    Files.writeString(file, "FROM python:3.13-slim-trixie\r\n" + run);
    assertThat(CliRun.of("fix", "--write", "--no-wheels", file.toString()).exit()).isZero();
    assertThat(Files.readString(file)).contains("libffi-dev git libssl3t64 libffi8 \\\r\n");
  }

  @Test
  void aReleaseWithoutATableOrNotKnownAtAllIsRefused(@TempDir Path dir) throws Exception {
    String run = "RUN apt-get update && apt-get install -y gcc libpq-dev && pip install --no-cache-dir psycopg2==2.9.9\n";
    Path file = dockerfile(dir, "FROM python:3.8-slim-buster\n" + run);
    CliRun buster = CliRun.of("fix", "--no-wheels", file.toString());
    assertThat(buster.exit()).isEqualTo(1);
    assertThat(buster.err()).contains("fix: refused WW1003 at " + file + ":2: the runtime packages of debian 10 (buster) are not known "
        + "to wheelwise");
    assertThat(buster.out()).isEmpty();
    Files.writeString(file, "FROM registry.example.com/team/python:stable\n" + run);
    CliRun unknown = CliRun.of("fix", "--no-wheels", file.toString());
    assertThat(unknown.exit()).isEqualTo(1);
    assertThat(unknown.err()).contains("refused WW1003 at " + file + ":1: the Debian/Ubuntu release of "
        + "registry.example.com/team/python:stable decides the runtime package names");
    Files.writeString(file, "FROM python:3.7.3-slim\n" + run);
    assertThat(CliRun.of("fix", "--no-wheels", file.toString()).err()).contains("refused WW1003", "the catalog only assumes it");
  }

  @Test
  void aReleaseNamedInAnotherImagesTagIsUsed(@TempDir Path dir) throws Exception {
    Path file = dockerfile(dir, "FROM nvidia/cuda:11.8.0-base-ubuntu22.04\n"
        + "RUN apt-get update && apt-get install -y python3-pip gcc libpq-dev && pip install --no-cache-dir psycopg2==2.9.9\n");
    CliRun r = CliRun.of("fix", "--write", "--no-wheels", file.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.err()).contains("libpq5 (ubuntu 22.04 (jammy): named by the tag of nvidia/cuda:11.8.0-base-ubuntu22.04)");
    assertThat(Files.readString(file)).isEqualTo("FROM nvidia/cuda:11.8.0-base-ubuntu22.04\n"
        + "RUN apt-get update && apt-get install -y python3-pip gcc libpq-dev libpq5 && pip install --no-cache-dir psycopg2==2.9.9"
        + " && apt-get purge -y --auto-remove gcc libpq-dev\n");
  }

  @Test
  void anInstallRunsAwayMovesToABuilderStageKeepingTheRuntimeLibraries(@TempDir Path dir) throws Exception {
    Path file = dockerfile(dir, "FROM python:3.12-slim-bookworm\n"
        + "RUN apt-get update && apt-get install -y --no-install-recommends gcc libpq-dev && rm -rf /var/lib/apt/lists/*\n"
        + "COPY requirements.txt .\n"
        + "RUN pip install --no-cache-dir -r requirements.txt\n");
    CliRun r = CliRun.of("fix", "--write", "--no-wheels", file.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(Files.readString(file)).isEqualTo("# wheelwise fix (WW1003): the build packages stay in this stage; only /opt/venv goes to the image\n"
        + "FROM python:3.12-slim-bookworm AS ww-builder\n"
        + "RUN python -m venv /opt/venv\n"
        + "ENV PATH=\"/opt/venv/bin:$PATH\"\n"
        + "RUN apt-get update && apt-get install -y --no-install-recommends gcc libpq-dev && rm -rf /var/lib/apt/lists/*\n"
        + "COPY requirements.txt .\n"
        + "RUN pip install --no-cache-dir -r requirements.txt\n"
        + "\n"
        + "FROM python:3.12-slim-bookworm\n"
        + "RUN apt-get update && apt-get install -y --no-install-recommends libpq5 && rm -rf /var/lib/apt/lists/*\n"
        + "COPY requirements.txt .\n"
        + "COPY --from=ww-builder /opt/venv /opt/venv\n"
        + "ENV PATH=\"/opt/venv/bin:$PATH\"\n");
  }

  @Test
  void aWordPerLineInstallListLosesTheBuildPackagesLinesWhole(@TempDir Path dir) throws Exception {
    // OctoPrint's shape (corpus): one package per continuation line; no `  \\` line may stay where one went
    String install = "RUN apt-get update && apt-get install -y --no-install-recommends \\\n"
        + "  build-essential \\\n"
        + "  curl \\\n"
        + "  libpq-dev \\\n"
        + "  && rm -rf /var/lib/apt/lists/*\n";
    Path file = dockerfile(dir, "FROM python:3.12-slim-bookworm\n" + install
        + "COPY requirements.txt .\n"
        + "RUN pip install --no-cache-dir -r requirements.txt\n"
        + "COPY . .\n"
        + "RUN pip install --no-cache-dir --no-deps .\n");
    CliRun r = CliRun.of("fix", "--write", "--no-wheels", file.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(Files.readString(file)).isEqualTo("# wheelwise fix (WW1003): the build packages stay in this stage; only /opt/venv goes to the image\n"
        + "FROM python:3.12-slim-bookworm AS ww-builder\n"
        + "RUN python -m venv /opt/venv\n"
        + "ENV PATH=\"/opt/venv/bin:$PATH\"\n"
        + install
        + "COPY requirements.txt .\n"
        + "RUN pip install --no-cache-dir -r requirements.txt\n"
        + "COPY . .\n"
        + "RUN pip install --no-cache-dir --no-deps .\n"
        + "\n"
        + "FROM python:3.12-slim-bookworm\n"
        + "RUN apt-get update && apt-get install -y --no-install-recommends \\\n"
        + "  libpq5 \\\n"
        + "  curl \\\n"
        + "  && rm -rf /var/lib/apt/lists/*\n"
        + "COPY requirements.txt .\n"
        + "COPY . .\n"
        + "COPY --from=ww-builder /opt/venv /opt/venv\n"
        + "ENV PATH=\"/opt/venv/bin:$PATH\"\n");
  }

  @Test
  void aBuildPackageMissingFromTheTableIsRefusedByName(@TempDir Path dir) throws Exception {
    Path file = dockerfile(dir, "FROM ubuntu:22.04\n"
        + "RUN apt-get update && apt-get install -y python3-pip gcc libwheelwise-nonesuch-dev && pip install --no-cache-dir psycopg2==2.9.9\n");
    CliRun r = CliRun.of("fix", "--no-wheels", file.toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("refused WW1003 at " + file + ":2: build package libwheelwise-nonesuch-dev is not in "
        + "apt-runtime-ubuntu-22.04.tsv (ubuntu 22.04 (jammy))");
    assertThat(r.out()).doesNotContain("purge");
  }

  @Test
  void aCompileAfterTheLastInstallRefusesTheSameRunPurge(@TempDir Path dir) throws Exception {
    Path file = dockerfile(dir, "FROM python:3.12-slim-bookworm\n"
        + "RUN apt-get update && apt-get install -y gcc && pip install --no-cache-dir psycopg2==2.9.9 && make -C ext\n");
    CliRun r = CliRun.of("fix", "--no-wheels", file.toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("refused WW1003", "`make` runs after the last Python install");
  }
}
