package dev.wheelwise;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Local input files (lock files, requirements, pyproject.toml, Dockerfiles, pip.conf, netrc,
 * lint configuration) are read whole, so each is bounded: a larger one is refused before it is
 * read, naming the limit and {@code --max-file-size}, the option that raises it. No real input
 * comes near the default; a hostile or mistaken one (a log, a disk image) must not exhaust
 * memory.
 */
public final class LocalFiles {
  /** The default bound, 64 MiB. */
  public static final long DEFAULT_MAX_BYTES = 64L << 20;

  // One value per process run: the CLI sets it from --max-file-size before a command runs (a
  // run reads its inputs on one thread at start; threading it through every reader would put
  // an option into every parser's signature).
  private static volatile long maxBytes = DEFAULT_MAX_BYTES;

  private LocalFiles() {}

  /** Sets the bound for this run. */
  public static void limit(long bytes) {
    if (bytes < 1) {
      throw new IllegalArgumentException("--max-file-size takes a number of bytes of at least 1, got " + bytes);
    }
    maxBytes = bytes;
  }

  public static long limit() {
    return maxBytes;
  }

  /** A file too large to read; an input error (exit 2). The message starts with the file's name. */
  public static final class TooLarge extends IOException {
    private final String reason;

    /** {@code size} is -1 for a stream, whose size is known only to exceed the limit. */
    TooLarge(String file, long size, long limit) {
      this(file, (size >= 0 ? size + " bytes, more than" : "more than") + " the limit of " + limit
          + " bytes on an input file; raise it with --max-file-size");
    }

    private TooLarge(String file, String reason) {
      super(file + ": " + reason);
      this.reason = reason;
    }

    /** The message without the file's name. */
    public String reason() {
      return reason;
    }
  }

  /** The file's bytes, if it is within the bound. */
  public static byte[] read(Path path) throws IOException {
    long limit = maxBytes;
    if (Files.isRegularFile(path) && Files.size(path) > limit) {
      throw new TooLarge(path.toString(), Files.size(path), limit);
    }
    // A pipe or a file that grows while read is bounded as it is read.
    try (InputStream in = Files.newInputStream(path)) {
      return read(in, path.toString());
    }
  }

  /** The stream's bytes (standard input), if they are within the bound; {@code name} names it in the error. */
  public static byte[] read(InputStream in, String name) throws IOException {
    long limit = maxBytes;
    byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
    if (bytes.length > limit) {
      throw new TooLarge(name, -1, limit);
    }
    return bytes;
  }

  /** The file as UTF-8 text, if it is within the bound; malformed UTF-8 is an error, as {@link Files#readString} has it. */
  public static String readString(Path path) throws IOException {
    return java.nio.charset.StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
        .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
        .decode(java.nio.ByteBuffer.wrap(read(path))).toString();
  }
}
