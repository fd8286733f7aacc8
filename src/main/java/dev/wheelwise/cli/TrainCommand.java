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
 * Hidden: the launcher runs this once after a build with {@code -XX:ArchiveClassesAtExit} so
 * the class-data-sharing archive holds the classes a typical run loads. It exercises the
 * common paths (parsing, the {@code tags} command end to end, wheel ranking) and prints nothing.
 */
@Command(name = "__train", hidden = true)
final class TrainCommand implements Callable<Integer> {
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
    try (var walk = java.nio.file.Files.walk(scratch)) {
      walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
    return Main.EXIT_OK;
  }
}
