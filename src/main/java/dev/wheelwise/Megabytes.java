package dev.wheelwise;

/**
 * Megabytes (10^6 bytes, rounded to whole MB) as every size total and range is printed: the
 * table, Markdown, HTML and the recommendation's prose share these, so one estimate never reads
 * as two numbers a megabyte apart. (File sizes in pip's own style, "5.4 MB" / "59 kB", are
 * another scale and stay with the sdist notes.)
 */
public final class Megabytes {
  private Megabytes() {}

  /** "363 MB". */
  public static String of(long bytes) {
    return whole(bytes) + " MB";
  }

  /** "282–537 MB", or one value when both ends round alike. */
  public static String range(long low, long high) {
    return whole(low) == whole(high) ? of(low) : whole(low) + "–" + of(high);
  }

  /** The whole number of MB, rounded half up. */
  public static long whole(long bytes) {
    return Math.round(bytes / 1_000_000.0);
  }
}
