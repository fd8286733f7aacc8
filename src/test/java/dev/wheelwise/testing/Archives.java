package dev.wheelwise.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Small archives built in memory: ustar (image layers, sdists), gzip and zip (wheels). */
public final class Archives {
  private Archives() {}

  /** One file or directory of an archive; {@code link} non-null makes a symlink (tar only). */
  public record Entry(String path, String content, String link, boolean dir) {
    public static Entry file(String path, String content) {
      return new Entry(path, content, null, false);
    }

    public static Entry symlink(String path, String target) {
      return new Entry(path, "", target, false);
    }

    public static Entry dir(String path) {
      return new Entry(path, "", null, true);
    }
  }

  /** A ustar archive, as {@code tar --format=ustar} writes it. */
  public static byte[] tar(List<Entry> entries) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Entry e : entries) {
      byte[] data = e.dir() || e.link() != null ? new byte[0] : e.content().getBytes(StandardCharsets.UTF_8);
      byte[] h = new byte[512];
      put(h, 0, e.path() + (e.dir() ? "/" : ""));
      put(h, 100, e.dir() ? "0000755" : "0000644");
      put(h, 108, "0000000");
      put(h, 116, "0000000");
      put(h, 124, String.format("%011o", data.length));
      put(h, 136, String.format("%011o", 1_700_000_000L));
      h[156] = (byte) (e.dir() ? '5' : e.link() != null ? '2' : '0');
      if (e.link() != null) {
        put(h, 157, e.link());
      }
      put(h, 257, "ustar");
      put(h, 263, "00");
      for (int i = 148; i < 156; i++) {
        h[i] = ' ';
      }
      int sum = 0;
      for (byte b : h) {
        sum += b & 0xff;
      }
      put(h, 148, String.format("%06o", sum));
      h[154] = 0;
      out.writeBytes(h);
      out.writeBytes(data);
      out.writeBytes(new byte[(512 - data.length % 512) % 512]);
    }
    out.writeBytes(new byte[1024]);
    return out.toByteArray();
  }

  public static byte[] gzip(byte[] bytes) {
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      out.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return gz.toByteArray();
  }

  /** bzip2, for {@code .tar.bz2} sdists (commons-compress, already a dependency for reading them). */
  public static byte[] bzip2(byte[] bytes) {
    ByteArrayOutputStream bz = new ByteArrayOutputStream();
    try (var out = new org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream(bz)) {
      out.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bz.toByteArray();
  }

  /** A zip of the files among {@code entries} (wheels, {@code .zip} sdists). */
  public static byte[] zip(List<Entry> entries) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (Entry e : entries) {
        if (e.dir() || e.link() != null) {
          throw new IllegalArgumentException("zip entries here are plain files: " + e.path());
        }
        zip.putNextEntry(new ZipEntry(e.path()));
        zip.write(e.content().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static void put(byte[] h, int offset, String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    System.arraycopy(b, 0, h, offset, b.length);
  }
}
