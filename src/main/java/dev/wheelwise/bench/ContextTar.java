package dev.wheelwise.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A build context as the engine takes it: an uncompressed tar (POSIX ustar) of the context folder
 * plus files bench adds (the rebased Dockerfile). The ignore file is chosen as BuildKit chooses it:
 * {@code <Dockerfile name>.dockerignore} beside the Dockerfile when there is one (so
 * {@code build/app.Dockerfile} reads {@code build/app.Dockerfile.dockerignore}), else the
 * folder's {@code .dockerignore}; only one of them applies, never both. Its patterns are read as
 * the docker CLI reads them ({@link DockerIgnore}). The added files, and a {@code .dockerignore}
 * that is the one applied, are always sent. Like the CLI, {@code .git} is sent unless the ignore
 * file leaves it out.
 */
final class ContextTar {
  static final String IGNORE_FILE = ".dockerignore";

  private ContextTar() {}

  static byte[] of(Path folder, Optional<Path> dockerfile, Map<String, byte[]> added) throws IOException, BenchError {
    Map<String, byte[]> files = new TreeMap<>();
    if (folder != null) {
      for (Path p : included(folder, dockerfile)) {
        files.put(name(folder, p), Files.readAllBytes(p));
      }
    }
    files.putAll(added);
    return tar(files);
  }

  /** A tar of exactly these files (name to content). */
  static byte[] tar(Map<String, byte[]> files) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Map.Entry<String, byte[]> f : new TreeMap<>(files).entrySet()) {
      out.write(header(f.getKey(), f.getValue().length));
      out.write(f.getValue());
      out.write(new byte[(int) ((512 - f.getValue().length % 512) % 512)]);
    }
    out.write(new byte[1024]);
    return out.toByteArray();
  }

  /**
   * The ignore file that applies to a build of {@code dockerfile} in {@code folder}:
   * {@code <name>.dockerignore} beside the Dockerfile when it exists (even empty), else
   * {@code folder/.dockerignore}, which may not exist (then nothing is ignored).
   */
  static Path ignoreFile(Path folder, Optional<Path> dockerfile) {
    if (dockerfile.isPresent() && dockerfile.get().getFileName() != null) {
      Path own = dockerfile.get().resolveSibling(dockerfile.get().getFileName() + IGNORE_FILE);
      if (Files.isRegularFile(own)) {
        return own;
      }
    }
    return folder.resolve(IGNORE_FILE);
  }

  /** The regular files of {@code folder} docker would send for a build of {@code dockerfile}, in walk order. */
  static List<Path> included(Path folder, Optional<Path> dockerfile) throws IOException, BenchError {
    Path ignoreFile = ignoreFile(folder, dockerfile);
    // The context's own .dockerignore is always sent when it is the file applied (the classic daemon reads it too).
    String exempt = ignoreFile.equals(folder.resolve(IGNORE_FILE)) ? IGNORE_FILE : null;
    DockerIgnore ignore;
    try {
      ignore = DockerIgnore.parse(Files.isRegularFile(ignoreFile) ? Files.readString(ignoreFile, StandardCharsets.UTF_8) : "");
    } catch (IllegalArgumentException e) {
      throw new BenchError(BenchError.Kind.BAD_CONTEXT, ignoreFile + " " + e.getMessage(), e);
    }
    List<Path> paths = new ArrayList<>();
    Files.walkFileTree(folder, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
        // An excluded folder is not read at all unless an exception could bring a file back (as moby's walker does).
        if (!dir.equals(folder) && !ignore.hasExceptions() && ignore.excludes(name(folder, dir))) {
          return FileVisitResult.SKIP_SUBTREE;
        }
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
        String name = name(folder, file);
        if (Files.isRegularFile(file) && (name.equals(exempt) || !ignore.excludes(name))) {
          paths.add(file);
        }
        return FileVisitResult.CONTINUE;
      }
    });
    return paths;
  }

  private static String name(Path folder, Path p) {
    return folder.relativize(p).toString().replace('\\', '/');
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
