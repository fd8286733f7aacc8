package dev.wheelwise.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A build context as the engine takes it: an uncompressed tar (POSIX ustar) of the context folder
 * plus files bench adds (the rebased Dockerfile). {@code .git} is left out; {@code .dockerignore}
 * is not applied yet, so a context with a large virtualenv is sent whole.
 */
final class ContextTar {
  private ContextTar() {}

  static byte[] of(Path folder, Map<String, byte[]> added) throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    if (folder != null) {
      List<Path> paths = new ArrayList<>();
      try (Stream<Path> walk = Files.walk(folder)) {
        walk.filter(Files::isRegularFile).forEach(paths::add);
      }
      for (Path p : paths) {
        String name = folder.relativize(p).toString().replace('\\', '/');
        if (name.equals(".git") || name.startsWith(".git/")) {
          continue;
        }
        files.put(name, Files.readAllBytes(p));
      }
    }
    files.putAll(added);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Map.Entry<String, byte[]> f : files.entrySet()) {
      out.write(header(f.getKey(), f.getValue().length));
      out.write(f.getValue());
      out.write(new byte[(int) ((512 - f.getValue().length % 512) % 512)]);
    }
    out.write(new byte[1024]);
    return out.toByteArray();
  }

  private static byte[] header(String name, long size) {
    byte[] h = new byte[512];
    byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
    String prefix = "";
    if (bytes.length > 100) {
      // ustar splits a long name at a slash: up to 155 bytes of prefix, 100 of name.
      int cut = name.lastIndexOf('/', name.length() - 1);
      while (cut > 0 && name.substring(cut + 1).getBytes(StandardCharsets.UTF_8).length > 100) {
        cut = name.lastIndexOf('/', cut - 1);
      }
      if (cut <= 0 || name.substring(0, cut).getBytes(StandardCharsets.UTF_8).length > 155) {
        throw new IllegalArgumentException("path too long for the build context tar: " + name);
      }
      prefix = name.substring(0, cut);
      bytes = name.substring(cut + 1).getBytes(StandardCharsets.UTF_8);
    }
    System.arraycopy(bytes, 0, h, 0, bytes.length);
    put(h, 100, String.format("%07o", 0644));
    put(h, 108, String.format("%07o", 0));
    put(h, 116, String.format("%07o", 0));
    put(h, 124, String.format("%011o", size));
    put(h, 136, String.format("%011o", 0));
    h[156] = '0';
    put(h, 257, "ustar");
    put(h, 263, "00");
    byte[] p = prefix.getBytes(StandardCharsets.UTF_8);
    System.arraycopy(p, 0, h, 345, p.length);
    for (int i = 148; i < 156; i++) {
      h[i] = ' ';
    }
    long sum = 0;
    for (byte b : h) {
      sum += b & 0xff;
    }
    put(h, 148, String.format("%06o", sum));
    h[154] = 0;
    h[155] = ' ';
    return h;
  }

  private static void put(byte[] h, int at, String text) {
    byte[] b = text.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(b, 0, h, at, b.length);
  }
}
