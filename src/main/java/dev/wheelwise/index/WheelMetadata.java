package dev.wheelwise.index;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * The {@code METADATA} of a wheel read from the wheel itself, as pip reads it when an index
 * offers no metadata file (PEP 658). A wheel is a zip (PEP 427) with one top-level
 * {@code NAME-VERSION.dist-info} folder; only the bytes needed are read: the central directory
 * ({@link ZipDirectory}), then the one entry's local header and data (PKWARE APPNOTE 4.3),
 * checked against the entry's CRC-32. Over HTTP these are byte ranges, as pip's "lazy wheel"
 * reads them; a wheel's dist-info is written last, so its METADATA usually lies in that first
 * tail and one request does.
 */
final class WheelMetadata {
  private WheelMetadata() {}

  private static final int LOCAL = 0x04034b50;
  /** Central directories and METADATA beyond this are refused: real ones are far smaller. */
  private static final long MAX_PART = 64L << 20;

  /** The wheel's METADATA and, from the same central directory, its installed size. */
  record Read(CoreMetadata metadata, long installedBytes) {}

  /**
   * Reads and parses the wheel's {@code METADATA}.
   *
   * @param where the file's URL or path, for messages
   * @throws IndexError when the file is not a readable wheel or its bytes cannot be fetched
   */
  static Read read(ZipDirectory.Bytes file, String where) throws IndexError {
    try {
      List<ZipDirectory.Entry> entries = ZipDirectory.read(file, where, MAX_PART);
      return new Read(CoreMetadata.parse(new String(metadataBytes(file, entries, where), StandardCharsets.UTF_8)),
          ZipDirectory.installedBytes(entries));
    } catch (IOException e) {
      throw new IndexError(where, "cannot read the wheel: " + e.getMessage(), e);
    }
  }

  /** The wheel's {@code METADATA}, from a local file (a find-links folder). */
  static CoreMetadata read(Path wheel) throws IndexError {
    return readLocal(wheel).metadata();
  }

  /** The wheel's {@code METADATA} and installed size, from a local file (a find-links folder, a file: index). */
  static Read readLocal(Path wheel) throws IndexError {
    try (FileChannel channel = FileChannel.open(wheel)) {
      long size = channel.size();
      return read(new ZipDirectory.Bytes() {
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

  private static byte[] metadataBytes(ZipDirectory.Bytes file, List<ZipDirectory.Entry> entries, String where)
      throws IOException, IndexError {
    ZipDirectory.Entry metadata = find(entries, where);
    byte[] header = file.read(metadata.offset(), 30);
    if (ZipDirectory.le32(header, 0) != LOCAL) {
      throw bad(where, "no local header for " + metadata.name());
    }
    long dataOffset = metadata.offset() + 30 + ZipDirectory.le16(header, 26) + ZipDirectory.le16(header, 28);
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

  /** pip's {@code wheel_dist_info_dir}: exactly one top-level {@code .dist-info} folder, and its METADATA. */
  private static ZipDirectory.Entry find(List<ZipDirectory.Entry> entries, String where) throws IndexError {
    Set<String> infoDirs = new LinkedHashSet<>();
    Map<String, ZipDirectory.Entry> metadata = new java.util.HashMap<>();
    for (ZipDirectory.Entry entry : entries) {
      String name = entry.name();
      int slash = name.indexOf('/');
      if (slash > 0 && name.substring(0, slash).endsWith(".dist-info")) {
        infoDirs.add(name.substring(0, slash));
        if (name.substring(slash + 1).equals("METADATA")) {
          metadata.put(name.substring(0, slash), entry);
        }
      }
    }
    if (infoDirs.size() != 1) {
      throw bad(where, infoDirs.isEmpty() ? "no .dist-info folder" : "several .dist-info folders " + infoDirs);
    }
    ZipDirectory.Entry e = metadata.get(infoDirs.iterator().next());
    if (e == null) {
      throw bad(where, "no METADATA in " + infoDirs.iterator().next());
    }
    if (e.compressedSize() > MAX_PART || e.size() > MAX_PART) {
      throw bad(where, e.name() + " is " + e.size() + " bytes, more than any real METADATA (wheelwise's limit of " + MAX_PART
          + " bytes; no option raises it)");
    }
    return e;
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
    return ZipDirectory.bad(where, why);
  }
}
