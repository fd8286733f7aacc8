package dev.wheelwise.image;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads an image's layers in order, as a container runtime stacks them (OCI image spec,
 * "Image Layer Filesystem Changeset"): records which paths exist, applies whiteouts ({@code
 * .wh.NAME} deletes, {@code .wh..wh..opq} empties a directory), and keeps the contents of the
 * few files that tell the OS, the libc and the package manager. A minimal ustar/pax/GNU tar
 * reader: enough for image layers, not a general archiver.
 */
final class LayerScanner {

  /** Files whose contents are kept (the last layer's copy wins). */
  static final Set<String> KEPT = Set.of("etc/os-release", "usr/lib/os-release", "lib/apk/db/installed", "var/lib/dpkg/status");
  private static final String DPKG_STATUS_D = "var/lib/dpkg/status.d/";
  private static final int MAX_KEPT = 32 << 20;

  private final Set<String> paths = new HashSet<>();
  private final Map<String, String> contents = new HashMap<>();
  private long bytes;

  /** Reads one uncompressed tar layer from {@code tar}; returns the layer's uncompressed size. */
  long scan(InputStream tar) throws IOException {
    long start = bytes;
    byte[] header = new byte[512];
    String longName = null;
    while (true) {
      if (!readFully(tar, header)) {
        break;
      }
      if (isZero(header)) {
        // End of archive: drain the rest so the uncompressed size counts all of it.
        int r;
        while ((r = tar.read(header)) > 0) {
          bytes += r;
        }
        break;
      }
      char type = (char) header[156];
      long size = size(header);
      String name = longName != null ? longName : name(header);
      longName = null;
      if (type == 'L' || type == 'x') {
        String data = new String(read(tar, size), StandardCharsets.UTF_8);
        longName = type == 'L' ? trimNul(data) : paxPath(data);
        continue;
      }
      if (type == 'g') {
        skip(tar, size);
        continue;
      }
      String path = normalize(name);
      applyEntry(path, type);
      boolean keep = (type == '0' || type == '\0') && (KEPT.contains(path) || path.startsWith(DPKG_STATUS_D)) && size <= MAX_KEPT;
      if (keep) {
        contents.put(path, new String(read(tar, size), StandardCharsets.UTF_8));
      } else {
        skip(tar, size);
      }
    }
    return bytes - start;
  }

  private void applyEntry(String path, char type) {
    int slash = path.lastIndexOf('/');
    String dir = slash < 0 ? "" : path.substring(0, slash + 1);
    String base = path.substring(slash + 1);
    if (base.equals(".wh..wh..opq")) {
      paths.removeIf(p -> p.startsWith(dir) && !p.equals(dir));
      contents.keySet().removeIf(p -> p.startsWith(dir));
      return;
    }
    if (base.startsWith(".wh.")) {
      String gone = dir + base.substring(4);
      paths.removeIf(p -> p.equals(gone) || p.startsWith(gone + "/"));
      contents.keySet().removeIf(p -> p.equals(gone) || p.startsWith(gone + "/"));
      return;
    }
    if (!path.isEmpty()) {
      paths.add(path);
    }
    if (type != '0' && type != '\0') {
      contents.remove(path);
    }
  }

  boolean exists(String path) {
    return paths.contains(path);
  }

  Optional<String> content(String path) {
    return Optional.ofNullable(contents.get(path));
  }

  /** The contents of every file under {@code var/lib/dpkg/status.d/} (distroless images). */
  Map<String, String> dpkgStatusD() {
    Map<String, String> out = new HashMap<>();
    contents.forEach((p, c) -> {
      if (p.startsWith(DPKG_STATUS_D)) {
        out.put(p, c);
      }
    });
    return out;
  }

  static String normalize(String name) {
    String n = name;
    while (n.startsWith("./") || n.startsWith("/")) {
      n = n.startsWith("./") ? n.substring(2) : n.substring(1);
    }
    while (n.endsWith("/")) {
      n = n.substring(0, n.length() - 1);
    }
    return n;
  }

  private static String name(byte[] h) {
    String name = field(h, 0, 100);
    String magic = field(h, 257, 6);
    if (magic.startsWith("ustar")) {
      String prefix = field(h, 345, 155);
      if (!prefix.isEmpty()) {
        return prefix + "/" + name;
      }
    }
    return name;
  }

  private static long size(byte[] h) throws IOException {
    if ((h[124] & 0x80) != 0) {
      long v = 0;
      for (int i = 125; i < 136; i++) {
        v = (v << 8) | (h[i] & 0xff);
      }
      return v;
    }
    String octal = field(h, 124, 12).trim();
    try {
      return octal.isEmpty() ? 0 : Long.parseLong(octal, 8);
    } catch (NumberFormatException e) {
      throw new IOException("not a tar layer: bad size field '" + octal + "'");
    }
  }

  private static String paxPath(String records) {
    String path = null;
    int i = 0;
    while (i < records.length()) {
      int space = records.indexOf(' ', i);
      if (space < 0) {
        break;
      }
      int length = Integer.parseInt(records.substring(i, space));
      String record = records.substring(space + 1, Math.min(records.length(), i + length - 1));
      if (record.startsWith("path=")) {
        path = record.substring(5);
      }
      i += length;
    }
    return path;
  }

  private static String field(byte[] h, int offset, int length) {
    int end = offset;
    while (end < offset + length && h[end] != 0) {
      end++;
    }
    return new String(h, offset, end - offset, StandardCharsets.UTF_8);
  }

  private static String trimNul(String s) {
    int nul = s.indexOf('\0');
    return nul >= 0 ? s.substring(0, nul) : s;
  }

  private static boolean isZero(byte[] block) {
    for (byte b : block) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }

  private boolean readFully(InputStream in, byte[] buf) throws IOException {
    int n = 0;
    while (n < buf.length) {
      int r = in.read(buf, n, buf.length - n);
      if (r < 0) {
        if (n == 0) {
          return false;
        }
        throw new IOException("truncated tar layer");
      }
      n += r;
    }
    bytes += buf.length;
    return true;
  }

  private byte[] read(InputStream in, long size) throws IOException {
    byte[] data = in.readNBytes((int) size);
    if (data.length != size) {
      throw new IOException("truncated tar layer");
    }
    bytes += size;
    skipPadding(in, size);
    return data;
  }

  private void skip(InputStream in, long size) throws IOException {
    long padded = (size + 511) / 512 * 512;
    long left = padded;
    while (left > 0) {
      long skipped = in.skip(left);
      if (skipped <= 0) {
        if (in.read() < 0) {
          throw new IOException("truncated tar layer");
        }
        skipped = 1;
      }
      left -= skipped;
    }
    bytes += padded;
  }

  private void skipPadding(InputStream in, long size) throws IOException {
    long pad = (512 - size % 512) % 512;
    if (pad > 0) {
      in.readNBytes((int) pad);
      bytes += pad;
    }
  }
}
