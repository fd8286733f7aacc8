package dev.wheelwise.dockerfile;

import java.util.Arrays;

/**
 * Maps character indexes of a joined logical line (an instruction with its continuation lines
 * glued together, as BuildKit sees it) back to offsets in the file text. Built from the
 * contiguous pieces the line was assembled from.
 */
public final class OffsetMap {
  private final int[] logicalStarts;
  private final int[] fileStarts;
  private final int length;

  OffsetMap(int[] logicalStarts, int[] fileStarts, int length) {
    this.logicalStarts = logicalStarts;
    this.fileStarts = fileStarts;
    this.length = length;
  }

  /** A map for text that sits in the file unbroken, starting at {@code fileStart}. */
  public static OffsetMap contiguous(int fileStart, int length) {
    return new OffsetMap(new int[] {0}, new int[] {fileStart}, length);
  }

  /** The file offset of logical index {@code index} (clamped to the line). */
  public int fileOffset(int index) {
    if (logicalStarts.length == 0) {
      return 0;
    }
    int i = Math.max(0, Math.min(index, length));
    int piece = Arrays.binarySearch(logicalStarts, i);
    if (piece < 0) {
      piece = -piece - 2;
    }
    piece = Math.max(piece, 0);
    // several pieces may start at the same index when some were empty: take the last
    while (piece + 1 < logicalStarts.length && logicalStarts[piece + 1] == i) {
      piece++;
    }
    return fileStarts[piece] + (i - logicalStarts[piece]);
  }

  /** The map of {@code [from, length)} of this line, re-based to index 0. */
  public OffsetMap slice(int from) {
    return new Shifted(this, from).toMap();
  }

  private record Shifted(OffsetMap base, int from) {
    OffsetMap toMap() {
      int n = base.logicalStarts.length;
      int[] ls = new int[n];
      int[] fs = new int[n];
      int k = 0;
      for (int p = 0; p < n; p++) {
        int start = base.logicalStarts[p];
        int end = p + 1 < n ? base.logicalStarts[p + 1] : base.length;
        if (end <= from) {
          continue;
        }
        int s = Math.max(start, from);
        ls[k] = s - from;
        fs[k] = base.fileStarts[p] + (s - start);
        k++;
      }
      return new OffsetMap(Arrays.copyOf(ls, k), Arrays.copyOf(fs, k), Math.max(0, base.length - from));
    }
  }
}
