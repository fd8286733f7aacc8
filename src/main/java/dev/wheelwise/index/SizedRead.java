package dev.wheelwise.index;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads a stream whose length is stated beforehand (a jar entry's size, a gzip trailer's ISIZE)
 * into one array of that length. {@code readAllBytes} grows chunk by chunk and copies at the end,
 * allocating the snapshot's ~9 MB twice, which on a short run is a young collection of its own.
 * The stated length is a hint, not trusted: a stream that is shorter or longer is still read whole.
 */
final class SizedRead {
  private SizedRead() {}

  static byte[] readAll(InputStream in, long stated) throws IOException {
    if (stated < 0 || stated > Integer.MAX_VALUE - 8) {
      return in.readAllBytes();
    }
    byte[] head = new byte[(int) stated];
    int n = in.readNBytes(head, 0, head.length);
    byte[] rest = n < head.length ? new byte[0] : in.readAllBytes();
    if (n == head.length && rest.length == 0) {
      return head;
    }
    byte[] all = Arrays.copyOf(head, n + rest.length);
    System.arraycopy(rest, 0, all, n, rest.length);
    return all;
  }
}
