package dev.wheelwise.cli;

import dev.wheelwise.pep440.PipProfile;
import dev.wheelwise.pep440.Version;
import dev.wheelwise.tags.Arch;
import dev.wheelwise.tags.Libc;
import dev.wheelwise.tags.SupportedTags;
import dev.wheelwise.tags.Target;
import dev.wheelwise.tags.WheelFilename;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * Hidden: the launcher runs this once after a build with {@code -XX:DumpLoadedClassList} so
 * the class-data-sharing archive holds the classes a typical run loads. It exercises the
 * common paths (parsing, the {@code tags} command end to end, wheel ranking, check, lint and
 * fix) and prints nothing.
 */
@Command(name = "__train", hidden = true)
final class TrainCommand implements Callable<Integer> {
  @picocli.CommandLine.Mixin OutputOptions verbosity = new OutputOptions();

  @Override
  public Integer call() throws Exception {
    Version.parse("1.0.post1+local");
    PrintWriter nowhere = new PrintWriter(Writer.nullWriter());
    Main.execute(new String[] {"tags", "--python", "3.12", "--libc", "musl-1.2", "--arch", "aarch64"}, nowhere, nowhere);
    Main.execute(new String[] {"tags", "--python", "3.13", "--free-threaded", "--pip", "23.2"}, nowhere, nowhere);
    Main.execute(new String[] {"tags", "--python", "bogus"}, nowhere, nowhere);
    WheelFilename wheel = WheelFilename.parse("numpy-2.3.4-1-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl");
    SupportedTags.of(new Target(3, 12, -1, false, Libc.glibc(2, 17), Arch.X86_64), PipProfile.DEFAULT).compatibility(wheel);
    SupportedTags.of(new Target(3, 12, -1, false, Libc.musl(1, 2), Arch.X86_64), PipProfile.DEFAULT).compatibility(wheel);
    java.nio.file.Path scratch = java.nio.file.Files.createTempDirectory("wheelwise-train");
    dev.wheelwise.index.IndexTraining.exercise(scratch);
    Main.execute(new String[] {"explain", "six", "--python", "3.12", "--offline", "--as-of", "2025-01-01"}, nowhere, nowhere);
    // check: a Dockerfile with a pinned requirements file, in every output format.
    java.nio.file.Files.writeString(scratch.resolve("requirements.txt"), "six==1.17.0\nnumpy==2.4.4\n");
    java.nio.file.Files.writeString(scratch.resolve("Dockerfile"),
        "FROM python:3.12-alpine\nRUN apk add gcc\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\n");
    for (String format : new String[] {"table", "json", "markdown"}) {
      Main.execute(new String[] {"check", scratch.toString(), "--offline", "--format", format}, nowhere, nowhere);
    }
    // check: a uv.lock (TOML, markers, sdists and wheels) on glibc and musl images, the
    // shape of the largest real lockfiles.
    java.nio.file.Path locked = java.nio.file.Files.createDirectory(scratch.resolve("locked"));
    java.nio.file.Files.writeString(locked.resolve("uv.lock"), TRAINING_LOCK);
    Main.execute(new String[] {"check", locked.resolve("uv.lock").toString(), "--offline",
        "--image", "python:3.12-slim", "--image", "python:3.12-alpine", "--image", "python:3.8-alpine"}, nowhere, nowhere);
    // lint and fix: the rules, the renderers users run in CI, and the fixer's plan (lint's own
    // start-up is most of its run, so its classes belong in the archive too).
    String dockerfile = scratch.resolve("Dockerfile").toString();
    for (String format : new String[] {"tty", "json", "sarif", "checkstyle"}) {
      Main.execute(new String[] {"lint", "--no-wheels", "--no-shellcheck", "--no-fail", "--format", format, dockerfile}, nowhere, nowhere);
    }
    Main.execute(new String[] {"lint", "--offline", "--no-shellcheck", "--no-fail", dockerfile}, nowhere, nowhere);
    // lint where the wheel-aware rules fire (source builds, missing compilers, musl pitfalls):
    // their lambdas are otherwise spun up at run time, which made lint slower than check.
    java.nio.file.Path built = java.nio.file.Files.createDirectory(scratch.resolve("built"));
    java.nio.file.Files.writeString(built.resolve("Dockerfile"),
        "FROM python:3.8-alpine\nRUN pip install --no-cache-dir numpy==1.18.1 six==1.14.0\n");
    Main.execute(new String[] {"lint", "--offline", "--as-of", "2020-01-29", "--no-shellcheck", "--no-fail",
        built.resolve("Dockerfile").toString()}, nowhere, nowhere);
    Main.execute(new String[] {"fix", "--offline", dockerfile}, nowhere, nowhere);
    try (var walk = java.nio.file.Files.walk(scratch)) {
      walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
    return Main.EXIT_OK;
  }

  private static final String TRAINING_LOCK = """
      version = 1
      requires-python = ">=3.8"

      [[package]]
      name = "demo"
      version = "0.1.0"
      source = { editable = "." }
      dependencies = [
          { name = "numpy" },
          { name = "colorama", marker = "sys_platform == 'win32'" },
          { name = "six", marker = "python_full_version >= '3.9' and platform_machine != 'arm64'" },
      ]

      [[package]]
      name = "numpy"
      version = "2.0.2"
      source = { registry = "https://pypi.org/simple" }
      sdist = { url = "https://files.pythonhosted.org/packages/a9/75/numpy-2.0.2.tar.gz", hash = "sha256:0000000000000000000000000000000000000000000000000000000000000000", size = 18902015, upload-time = "2024-08-26T20:19:40.945Z" }
      wheels = [
          { url = "https://files.pythonhosted.org/packages/21/91/numpy-2.0.2-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl", hash = "sha256:0000000000000000000000000000000000000000000000000000000000000000", size = 19252410, upload-time = "2024-08-26T20:08:42.123Z" },
          { url = "https://files.pythonhosted.org/packages/21/92/numpy-2.0.2-cp312-cp312-musllinux_1_1_x86_64.whl", hash = "sha256:0000000000000000000000000000000000000000000000000000000000000000", size = 19000000, upload-time = "2024-08-26T20:08:42.123Z" },
      ]

      [[package]]
      name = "colorama"
      version = "0.4.6"
      source = { registry = "https://pypi.org/simple" }
      wheels = [
          { url = "https://files.pythonhosted.org/packages/d1/d6/colorama-0.4.6-py2.py3-none-any.whl", hash = "sha256:0000000000000000000000000000000000000000000000000000000000000000", size = 25335 },
      ]

      [[package]]
      name = "six"
      version = "1.17.0"
      source = { registry = "https://pypi.org/simple" }
      sdist = { url = "https://files.pythonhosted.org/packages/94/e7/six-1.17.0.tar.gz", hash = "sha256:0000000000000000000000000000000000000000000000000000000000000000", size = 34031 }
      """;
}
