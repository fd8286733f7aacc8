package dev.wheelwise.dockerfile;

import java.util.Arrays;

/** Turns character offsets of a file into 1-based line and column (columns in code points). */
final class LineIndex {
  private final String text;
  private final int[] lineStarts;

  LineIndex(String text) {
    this.text = text;
    int count = 1;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        count++;
      }
    }
    lineStarts = new int[count];
    int k = 1;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        lineStarts[k++] = i + 1;
      }
    }
  }

  int line(int offset) {
    int at = Arrays.binarySearch(lineStarts, Math.max(0, Math.min(offset, text.length())));
    return at >= 0 ? at + 1 : -at - 1;
  }

  int column(int offset) {
    int clamped = Math.max(0, Math.min(offset, text.length()));
    int start = lineStarts[line(clamped) - 1];
    return text.codePointCount(start, clamped) + 1;
  }
}
