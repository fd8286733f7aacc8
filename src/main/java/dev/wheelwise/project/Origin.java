package dev.wheelwise.project;

import java.util.Objects;

/** Where a requirement came from: the file and its 1-based line. */
public record Origin(String file, int line) {

  public Origin {
    Objects.requireNonNull(file, "file");
  }

  @Override
  public String toString() {
    return file + ":" + line;
  }
}
