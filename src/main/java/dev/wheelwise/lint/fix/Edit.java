package dev.wheelwise.lint.fix;

/**
 * One change to a Dockerfile's text: the characters {@code [start, end)} of {@link
 * dev.wheelwise.dockerfile.Dockerfile#text()} become {@code text} (an insertion when start ==
 * end). {@code code} is the rule it answers (WW1001, DL3042, DL3019, WW1003), {@code why} says
 * what it does, for the diff header, and {@code finding} is the line of the finding it answers
 * (0: the line the edit starts on; an edit of a multi-line rewrite, such as the {@code apk del}
 * after the pip install, names the line of the {@code apk add} it completes).
 */
public record Edit(int start, int end, String text, String code, String why, int finding) {
  public Edit {
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("bad range " + start + ".." + end);
    }
  }

  public Edit(int start, int end, String text, String code, String why) {
    this(start, end, text, code, why, 0);
  }
}
