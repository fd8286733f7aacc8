package dev.wheelwise.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * Hidden: the launcher runs this once after a build with {@code -XX:ArchiveClassesAtExit} so
 * the class-data-sharing archive holds the classes a typical run loads. It exercises the
 * common paths (parsing, tag lists, JSON) and prints nothing.
 */
@Command(name = "__train", hidden = true)
final class TrainCommand implements Callable<Integer> {
  @Override
  public Integer call() throws Exception {
    dev.wheelwise.pep440.Version.parse("1.0.post1+local");
    return Main.EXIT_OK;
  }
}
