package dev.wheelwise.index;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The central directory of a zip (PKWARE APPNOTE 4.3), read from its end: the end of central
 * directory record (zip64 too), then the directory itself, nothing else. A wheel is a zip
 * (PEP 427); both its {@code METADATA} ({@link WheelMetadata}) and its installed size
 * ({@link #installedBytes}) come from here.
 */
final class ZipDirectory {
  private ZipDirectory() {}

  /** Bytes of one file by offset: a local file, a whole body, or byte ranges of a URL. */
  interface Bytes {
    long size();

    byte[] read(long offset, int length) throws IOException, IndexError;
  }

  /** One member as the directory lists it; sizes and offset with their zip64 values applied. */
  record Entry(String name, int method, long crc, long compressedSize, long size, long offset) {}

  private static final int EOCD = 0x06054b50;
  private static final int ZIP64_LOCATOR = 0x07064b50;
  private static final int ZIP64_EOCD = 0x06064b50;
  private static final int CENTRAL = 0x02014b50;
  static final long FFFFFFFF = 0xFFFFFFFFL;
  /** The end of central directory record with the longest comment: where a reader starts. */
  static final int TAIL = 22 + 0xFFFF;

  /**
   * The directory's entries, in order.
   *
   * @param where the file's URL or path, for messages
   * @param maxDirectoryBytes a directory larger than this is refused, unread
   */
  static List<Entry> read(Bytes file, String where, long maxDirectoryBytes) throws IOException, IndexError {
    long size = file.size();
    int tailLength = (int) Math.min(size, TAIL);
    byte[] tail = file.read(size - tailLength, tailLength);
    int eocd = -1;
    for (int i = tailLength - 22; i >= 0 && eocd < 0; i--) {
      if (le32(tail, i) == EOCD) {
        eocd = i;
      }
    }
    if (eocd < 0) {
      throw bad(where, "no end of central directory record");
    }
    long cdSize = le32u(tail, eocd + 12);
    long cdOffset = le32u(tail, eocd + 16);
    if (cdSize == FFFFFFFF || cdOffset == FFFFFFFF || le16(tail, eocd + 10) == 0xFFFF) {
      int locator = eocd - 20;
      if (locator < 0 || le32(tail, locator) != ZIP64_LOCATOR) {
        throw bad(where, "zip64 end record announced but not found");
      }
      byte[] record = file.read(le64(tail, locator + 8), 56);
      if (le32(record, 0) != ZIP64_EOCD) {
        throw bad(where, "zip64 end of central directory record not found");
      }
      cdSize = le64(record, 40);
      cdOffset = le64(record, 48);
    }
    if (cdSize > maxDirectoryBytes) {
      throw bad(where, "central directory of " + cdSize + " bytes, more than the " + maxDirectoryBytes
          + " read at most (wheelwise's limit; no option raises it)");
    }
    if (cdOffset < 0 || cdOffset + cdSize > size) {
      throw bad(where, "central directory of " + cdSize + " bytes at " + cdOffset + " does not fit the file");
    }
    return entries(file.read(cdOffset, (int) cdSize));
  }

  /**
   * What installing the wheel writes: the sum of its members' uncompressed sizes, as Python's
   * {@code sum(i.file_size for i in ZipFile(f).infolist())} gives it.
   */
  static long installedBytes(List<Entry> entries) {
    return entries.stream().mapToLong(Entry::size).sum();
  }

  private static List<Entry> entries(byte[] cd) {
    List<Entry> out = new ArrayList<>();
    int p = 0;
    while (p + 46 <= cd.length && le32(cd, p) == CENTRAL) {
      int nameLength = le16(cd, p + 28);
      int extraLength = le16(cd, p + 30);
      int commentLength = le16(cd, p + 32);
      if (p + 46 + nameLength + extraLength > cd.length) {
        break;
      }
      String name = new String(cd, p + 46, nameLength, StandardCharsets.UTF_8);
      long[] zip64 = zip64(cd, p + 46 + nameLength, extraLength, le32u(cd, p + 24), le32u(cd, p + 20), le32u(cd, p + 42));
      out.add(new Entry(name, le16(cd, p + 10), le32u(cd, p + 16), zip64[1], zip64[0], zip64[2]));
      p += 46 + nameLength + extraLength + commentLength;
    }
    return out;
  }

  /** The zip64 extended information field (0x0001) supplies, in order, whichever of size, compressed size, offset were 0xFFFFFFFF. */
  private static long[] zip64(byte[] cd, int extra, int extraLength, long size, long compressed, long offset) {
    long[] out = {size, compressed, offset};
    int q = extra;
    while (q + 4 <= extra + extraLength) {
      int id = le16(cd, q);
      int length = le16(cd, q + 2);
      if (id == 1) {
        int r = q + 4;
        // A field's own length may claim more than the extra block holds (fuzzing found one): read only inside both.
        int end = Math.min(q + 4 + length, extra + extraLength);
        for (int i = 0; i < 3 && r + 8 <= end; i++) {
          if (out[i] == FFFFFFFF) {
            out[i] = le64(cd, r);
            r += 8;
          }
        }
      }
      q += 4 + length;
    }
    return out;
  }

  static IndexError bad(String where, String why) {
    return new IndexError(where, "not a readable wheel: " + why);
  }

  static int le16(byte[] b, int i) {
    return (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8;
  }

  static int le32(byte[] b, int i) {
    return le16(b, i) | le16(b, i + 2) << 16;
  }

  private static long le32u(byte[] b, int i) {
    return le32(b, i) & FFFFFFFF;
  }

  private static long le64(byte[] b, int i) {
    return le32u(b, i) | le32u(b, i + 4) << 32;
  }
}
