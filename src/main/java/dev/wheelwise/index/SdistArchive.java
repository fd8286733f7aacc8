package dev.wheelwise.index;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.ArchiveEntry;
import org.apache.commons.compress.archivers.ArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;

/**
 * The member list of an sdist (tar.gz, tar.bz2, tar, zip) and the text of its build files
 * ({@code pyproject.toml}, {@code setup.py}, {@code setup.cfg} at the top of the project), read
 * as one stream from bytes in memory: nothing is ever written to disk. An archive that tries to
 * escape its folder (an absolute name, a {@code ..} segment, a link pointing out), holds more
 * members than {@link Limits#maxMembers()} or unpacks to more than {@link Limits#maxUnpackedBytes()}
 * is refused, the message naming the limit and the option that raises it.
 */
public final class SdistArchive {

  /** The build files whose text is kept, by name at the project's top. */
  private static final Set<String> BUILD_FILES = Set.of("pyproject.toml", "setup.py", "setup.cfg");
  /** A build file larger than this is not kept (a real setup.py is a few KiB). */
  private static final int MAX_TEXT = 1 << 20;

  /**
   * How much an archive may hold before it is refused.
   *
   * @param maxMembers members (files, folders, links) in the archive
   * @param maxUnpackedBytes bytes all members unpack to
   */
  public record Limits(long maxMembers, long maxUnpackedBytes) {
    /** 50,000 members (numpy's sdist has about 3,000) and 1 GB unpacked (a 20 MB sdist of text unpacks to about 100 MB). */
    public static final Limits DEFAULT = new Limits(50_000, 1_000_000_000L);
  }

  /**
   * What the archive holds.
   *
   * @param members member paths below the archive's top folder ({@code numpy-2.3.4/}), files only
   * @param buildFiles the text of {@code pyproject.toml}, {@code setup.py}, {@code setup.cfg} at the top, by name
   */
  public record Listing(List<String> members, Map<String, String> buildFiles) {
    public Listing {
      members = List.copyOf(members);
      buildFiles = Map.copyOf(buildFiles);
    }
  }

  /** The archive was refused (hostile) or could not be read (corrupt, a format not read). */
  public static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;

    public Refused(String message) {
      super(message);
    }
  }

  private SdistArchive() {}

  /** Whether this file name is an archive format read here. */
  public static boolean readable(String filename) {
    String lower = filename.toLowerCase(Locale.ROOT);
    return lower.endsWith(".tar.gz") || lower.endsWith(".tgz") || lower.endsWith(".tar.bz2") || lower.endsWith(".tbz")
        || lower.endsWith(".tar") || lower.endsWith(".zip");
  }

  /** The listing of {@code bytes}, an sdist named {@code filename}. */
  public static Listing list(String filename, byte[] bytes, Limits limits) throws Refused {
    Objects.requireNonNull(limits, "limits");
    String lower = filename.toLowerCase(Locale.ROOT);
    try (ArchiveInputStream<? extends ArchiveEntry> in = open(lower, new ByteArrayInputStream(bytes))) {
      return read(filename, in, limits);
    } catch (IOException | RuntimeException e) {
      // commons-compress reports corrupt headers as IOException or IllegalArgumentException
      throw new Refused(filename + ": not a readable archive (" + e.getMessage() + ")");
    }
  }

  private static ArchiveInputStream<? extends ArchiveEntry> open(String lower, InputStream raw) throws IOException, Refused {
    if (lower.endsWith(".tar.gz") || lower.endsWith(".tgz")) {
      return new TarArchiveInputStream(new java.io.BufferedInputStream(new GZIPInputStream(raw, 65536), 65536));
    }
    if (lower.endsWith(".tar.bz2") || lower.endsWith(".tbz")) {
      return new TarArchiveInputStream(new BZip2CompressorInputStream(raw));
    }
    if (lower.endsWith(".tar")) {
      return new TarArchiveInputStream(raw);
    }
    if (lower.endsWith(".zip")) {
      return new ZipArchiveInputStream(raw);
    }
    throw new Refused(lower + ": archive format not read (tar.gz, tar.bz2, tar and zip are)");
  }

  private static Listing read(String filename, ArchiveInputStream<? extends ArchiveEntry> in, Limits limits)
      throws IOException, Refused {
    List<String> members = new ArrayList<>();
    Map<String, String> texts = new LinkedHashMap<>();
    long count = 0;
    long unpacked = 0;
    byte[] buffer = new byte[65536];
    ArchiveEntry entry;
    while ((entry = in.getNextEntry()) != null) {
      if (++count > limits.maxMembers()) {
        throw new Refused(filename + ": refused, more than " + limits.maxMembers()
            + " members (a hostile or broken archive; --sdist-max-members raises the limit)");
      }
      String name = entry.getName();
      checkPath(filename, name);
      if (entry instanceof TarArchiveEntry tar && (tar.isSymbolicLink() || tar.isLink())) {
        checkLink(filename, name, tar.getLinkName(), tar.isSymbolicLink());
        continue;
      }
      if (entry.isDirectory()) {
        continue;
      }
      String below = belowTop(name);
      boolean keep = BUILD_FILES.contains(below);
      ByteArrayOutputStream text = keep ? new ByteArrayOutputStream() : null;
      int n;
      // Every member is read through, so the unpacked total is counted, not taken from headers.
      while ((n = in.read(buffer)) > 0) {
        unpacked += n;
        if (unpacked > limits.maxUnpackedBytes()) {
          throw new Refused(filename + ": refused, unpacks to more than " + limits.maxUnpackedBytes()
              + " bytes (a decompression bomb or a huge sdist; --sdist-max-unpacked raises the limit)");
        }
        if (text != null && text.size() + n <= MAX_TEXT) {
          text.write(buffer, 0, n);
        } else {
          text = null;
        }
      }
      members.add(below);
      if (text != null) {
        texts.put(below, text.toString(StandardCharsets.UTF_8));
      }
    }
    return new Listing(members, texts);
  }

  /** The path below the archive's one top folder ({@code pkg-1.0/src/a.c} → {@code src/a.c}). */
  private static String belowTop(String name) {
    String n = name.startsWith("./") ? name.substring(2) : name;
    int slash = n.indexOf('/');
    return slash < 0 ? n : n.substring(slash + 1);
  }

  private static void checkPath(String filename, String name) throws Refused {
    String n = name.replace('\\', '/');
    if (n.startsWith("/") || n.matches("^[A-Za-z]:.*")) {
      throw new Refused(filename + ": refused, member '" + name + "' has an absolute path (path traversal)");
    }
    for (String segment : n.split("/")) {
      if (segment.equals("..")) {
        throw new Refused(filename + ": refused, member '" + name + "' climbs out of the archive with '..' (path traversal)");
      }
    }
  }

  private static void checkLink(String filename, String name, String target, boolean symbolic) throws Refused {
    String t = target.replace('\\', '/');
    if (t.startsWith("/")) {
      throw new Refused(filename + ": refused, link '" + name + "' points to the absolute path '" + target + "' (path traversal)");
    }
    // A hard link names an archive path; a symbolic link is relative to the link's folder.
    String base = symbolic && name.contains("/") ? name.substring(0, name.lastIndexOf('/')) : "";
    int depth = base.isEmpty() ? 0 : base.split("/").length;
    for (String segment : t.split("/")) {
      if (segment.equals("..")) {
        depth--;
      } else if (!segment.isEmpty() && !segment.equals(".")) {
        depth++;
      }
      if (depth < 0) {
        throw new Refused(filename + ": refused, link '" + name + "' points out of the archive to '" + target + "' (path traversal)");
      }
    }
  }
}
