package dev.wheelwise.lint.fix;

/**
 * One change to a Dockerfile's text: the characters {@code [start, end)} of {@link
 * dev.wheelwise.dockerfile.Dockerfile#text()} become {@code text} (an insertion when start ==
 * end). {@code code} is the rule it answers (WW1001, DL3042, DL3019) and {@code why} says what it
 * does, for the diff header.
 */
public record Edit(int start, int end, String text, String code, String why) {
  public Edit {
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("bad range " + start + ".." + end);
    }
  }
}
