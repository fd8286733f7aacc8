package dev.wheelwise.index;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * The {@code METADATA} of a wheel read from the wheel itself, as pip reads it when an index
 * offers no metadata file (PEP 658). A wheel is a zip (PEP 427) with one top-level
 * {@code NAME-VERSION.dist-info} folder; only the bytes needed are read: the end of central
 * directory record (zip64 too), the central directory, then the one entry's local header and
 * data (PKWARE APPNOTE 4.3), checked against the entry's CRC-32. Over HTTP these are byte
 * ranges, as pip's "lazy wheel" reads them; a wheel's dist-info is written last, so its
 * METADATA usually lies in that first tail and one request does.
 */
final class WheelMetadata {
  private WheelMetadata() {}

  /** Bytes of one file by offset: a local file, a whole body, or byte ranges of a URL. */
  interface Bytes {
    long size();

    byte[] read(long offset, int length) throws IOException, IndexError;
  }

  private static final int EOCD = 0x06054b50;
  private static final int ZIP64_LOCATOR = 0x07064b50;
  private static final int ZIP64_EOCD = 0x06064b50;
  private static final int CENTRAL = 0x02014b50;
  private static final int LOCAL = 0x04034b50;
  private static final long FFFFFFFF = 0xFFFFFFFFL;
  /** The end of central directory record with the longest comment: where a reader starts. */
  static final int TAIL = 22 + 0xFFFF;
  /** Central directories and METADATA beyond this are refused: real ones are far smaller. */
  private static final long MAX_PART = 64L << 20;

  /**
   * Reads and parses the wheel's {@code METADATA}.
   *
   * @param where the file's URL or path, for messages
   * @throws IndexError when the file is not a readable wheel or its bytes cannot be fetched
   */
  static CoreMetadata read(Bytes file, String where) throws IndexError {
    try {
      return CoreMetadata.parse(new String(metadataBytes(file, where), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IndexError(where, "cannot read the wheel: " + e.getMessage(), e);
    }
  }

  /** The wheel's {@code METADATA}, from a local file (a find-links folder). */
  static CoreMetadata read(Path wheel) throws IndexError {
    try (FileChannel channel = FileChannel.open(wheel)) {
      long size = channel.size();
      return read(new Bytes() {
        @Override
        public long size() {
          return size;
        }

        @Override
        public byte[] read(long offset, int length) throws IOException {
          ByteBuffer buffer = ByteBuffer.allocate(length);
          while (buffer.hasRemaining() && channel.read(buffer, offset + buffer.position()) >= 0) {
            // until the buffer is full or the file ends
          }
          if (buffer.hasRemaining()) {
            throw new EOFException("the file ends before byte " + (offset + length));
          }
          return buffer.array();
        }
      }, wheel.toString());
    } catch (IOException e) {
      throw new IndexError(wheel.toString(), "cannot read the wheel: " + e.getMessage(), e);
    }
  }

  private static byte[] metadataBytes(Bytes file, String where) throws IOException, IndexError {
    long size = file.size();
    int tailLength = (int) Math.min(size, TAIL);
    long tailStart = size - tailLength;
    byte[] tail = file.read(tailStart, tailLength);
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
    if (cdSize > MAX_PART || cdOffset < 0 || cdOffset + cdSize > size) {
      throw bad(where, "central directory of " + cdSize + " bytes at " + cdOffset + " does not fit the file");
    }
    Entry metadata = find(file.read(cdOffset, (int) cdSize), where);
    byte[] header = file.read(metadata.offset(), 30);
    if (le32(header, 0) != LOCAL) {
      throw bad(where, "no local header for " + metadata.name());
    }
    long dataOffset = metadata.offset() + 30 + le16(header, 26) + le16(header, 28);
    byte[] data = file.read(dataOffset, (int) metadata.compressedSize());
    byte[] out = switch (metadata.method()) {
      case 0 -> data;
      case 8 -> inflate(data, metadata.size(), where);
      default -> throw bad(where, metadata.name() + " uses zip compression method " + metadata.method() + ", which pip cannot read either");
    };
    CRC32 crc = new CRC32();
    crc.update(out);
    if (out.length != metadata.size() || crc.getValue() != metadata.crc()) {
      throw bad(where, metadata.name() + " does not match its CRC-32 and size in the central directory");
    }
    return out;
  }

  private record Entry(String name, int method, long crc, long compressedSize, long size, long offset) {}

  /** pip's {@code wheel_dist_info_dir}: exactly one top-level {@code .dist-info} folder, and its METADATA. */
  private static Entry find(byte[] cd, String where) throws IndexError {
    Set<String> infoDirs = new LinkedHashSet<>();
    Map<String, Entry> metadata = new java.util.HashMap<>();
    int p = 0;
    while (p + 46 <= cd.length && le32(cd, p) == CENTRAL) {
      int nameLength = le16(cd, p + 28);
      int extraLength = le16(cd, p + 30);
      int commentLength = le16(cd, p + 32);
      if (p + 46 + nameLength + extraLength > cd.length) {
        break;
      }
      String name = new String(cd, p + 46, nameLength, StandardCharsets.UTF_8);
      int slash = name.indexOf('/');
      if (slash > 0 && name.substring(0, slash).endsWith(".dist-info")) {
        infoDirs.add(name.substring(0, slash));
        if (name.substring(slash + 1).equals("METADATA")) {
          long[] zip64 = zip64(cd, p + 46 + nameLength, extraLength, le32u(cd, p + 24), le32u(cd, p + 20), le32u(cd, p + 42));
          metadata.put(name.substring(0, slash), new Entry(name, le16(cd, p + 10), le32u(cd, p + 16), zip64[1], zip64[0], zip64[2]));
        }
      }
      p += 46 + nameLength + extraLength + commentLength;
    }
    if (infoDirs.size() != 1) {
      throw bad(where, infoDirs.isEmpty() ? "no .dist-info folder" : "several .dist-info folders " + infoDirs);
    }
    Entry e = metadata.get(infoDirs.iterator().next());
    if (e == null) {
      throw bad(where, "no METADATA in " + infoDirs.iterator().next());
    }
    if (e.compressedSize() > MAX_PART || e.size() > MAX_PART) {
      throw bad(where, e.name() + " is " + e.size() + " bytes, more than any real METADATA");
    }
    return e;
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
        for (int i = 0; i < 3 && r + 8 <= q + 4 + length; i++) {
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

  private static byte[] inflate(byte[] data, long size, String where) throws IndexError {
    Inflater inflater = new Inflater(true);
    try {
      inflater.setInput(data);
      byte[] out = new byte[(int) size];
      int n = 0;
      while (n < out.length && !inflater.finished()) {
        int k = inflater.inflate(out, n, out.length - n);
        if (k == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
          break;
        }
        n += k;
      }
      return n == out.length ? out : java.util.Arrays.copyOf(out, n);
    } catch (DataFormatException e) {
      throw bad(where, "METADATA does not inflate: " + e.getMessage());
    } finally {
      inflater.end();
    }
  }

  private static IndexError bad(String where, String why) {
    return new IndexError(where, "not a readable wheel: " + why);
  }

  private static int le16(byte[] b, int i) {
    return (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8;
  }

  private static int le32(byte[] b, int i) {
    return le16(b, i) | le16(b, i + 2) << 16;
  }

  private static long le32u(byte[] b, int i) {
    return le32(b, i) & FFFFFFFF;
  }

  private static long le64(byte[] b, int i) {
    return le32u(b, i) | le32u(b, i + 4) << 32;
  }
}
