package dev.wheelwise.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "refresh", description = "Read images from their registry into the local catalog overlay.")
final class ImagesRefreshCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    return Main.EXIT_OK;
  }
}
