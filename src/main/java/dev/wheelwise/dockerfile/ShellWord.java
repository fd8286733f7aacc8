package dev.wheelwise.dockerfile;

/**
 * One shell word after quote removal: {@code value} is what the command receives, except that
 * variable references ({@code $X}, {@code ${X}}, {@code $(…)}) are kept as written, because
 * their values are known only when the image builds. {@code offset} is where the word starts in
 * the Dockerfile text; {@code quoted} says whether any part of it was quoted.
 */
public record ShellWord(String value, int offset, boolean quoted) {
  @Override
  public String toString() {
    return value;
  }
}
