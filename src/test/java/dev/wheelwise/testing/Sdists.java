package dev.wheelwise.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;

/**
 * sdists as the usual tools lay them out ({@code name-version/} on top, PKG-INFO, the build
 * files, the package), written in memory as tar.gz, tar.bz2 or zip; and hostile ones.
 */
public final class Sdists {
  private Sdists() {}

  /** A pure-Python sdist built by setuptools from a pyproject.toml. */
  public static Map<String, String> pure(String name) {
    Map<String, String> m = base(name, "setuptools.build_meta", "\"setuptools>=61\"");
    m.put(name + "/__init__.py", "VERSION = '1.0'\n");
    m.put(name + "/core.py", "def run():\n    return 1\n");
    m.put("tests/data/sample.c", "int main(void) { return 0; }\n"); // test data, not built
    m.put("setup.cfg", "[metadata]\nname = " + name + "\n");
    return m;
  }

  /** A C extension built by setup.py (ext_modules). */
  public static Map<String, String> c(String name) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("PKG-INFO", "Metadata-Version: 2.1\nName: " + name + "\nVersion: 1.0\n");
    m.put("setup.py", "from setuptools import setup, Extension\nsetup(name='" + name + "', ext_modules=[Extension('"
        + name + "._speedups', ['src/speedups.c'])])\n");
    m.put(name + "/__init__.py", "");
    m.put("src/speedups.c", "#include <Python.h>\n");
    return m;
  }

  /** A Rust extension built by maturin. */
  public static Map<String, String> rust(String name) {
    Map<String, String> m = base(name, "maturin", "\"maturin>=1,<2\"");
    m.put("Cargo.toml", "[package]\nname = \"" + name + "\"\n");
    m.put("src/lib.rs", "use pyo3::prelude::*;\n");
    return m;
  }

  /** A Cython extension. */
  public static Map<String, String> cython(String name) {
    Map<String, String> m = base(name, "setuptools.build_meta", "\"setuptools\", \"Cython>=3\"");
    m.put("setup.py", "from Cython.Build import cythonize\nfrom setuptools import setup\nsetup(ext_modules=cythonize('"
        + name + "/fast.pyx'))\n");
    m.put(name + "/fast.pyx", "def f(int x):\n    return x\n");
    return m;
  }

  private static Map<String, String> base(String name, String backend, String requires) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("PKG-INFO", "Metadata-Version: 2.1\nName: " + name + "\nVersion: 1.0\n");
    m.put("pyproject.toml", "[build-system]\nrequires = [" + requires + "]\nbuild-backend = \"" + backend + "\"\n\n[project]\nname = \""
        + name + "\"\nversion = \"1.0\"\n");
    return m;
  }

  /** {@code members} under {@code top/}, as a tar.gz. */
  public static byte[] tarGz(String top, Map<String, String> members) {
    return tar(top, members, "gz");
  }

  public static byte[] tarBz2(String top, Map<String, String> members) {
    return tar(top, members, "bz2");
  }

  public static byte[] zip(String top, Map<String, String> members) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(bytes)) {
      for (Map.Entry<String, String> e : members.entrySet()) {
        zip.putArchiveEntry(new ZipArchiveEntry(top + "/" + e.getKey()));
        zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
        zip.closeArchiveEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static byte[] tar(String top, Map<String, String> members, String compression) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream compressed = compression.equals("gz") ? new GZIPOutputStream(bytes) : new BZip2CompressorOutputStream(bytes);
        TarArchiveOutputStream tar = new TarArchiveOutputStream(compressed)) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      for (Map.Entry<String, String> e : members.entrySet()) {
        byte[] data = e.getValue().getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry entry = new TarArchiveEntry(top + "/" + e.getKey());
        entry.setSize(data.length);
        tar.putArchiveEntry(entry);
        tar.write(data);
        tar.closeArchiveEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** A tar.gz whose one member climbs out with {@code ..}. */
  public static byte[] traversal() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(bytes))) {
      byte[] data = "pwned\n".getBytes(StandardCharsets.UTF_8);
      TarArchiveEntry ok = new TarArchiveEntry("evil-1.0/setup.py");
      ok.setSize(0);
      tar.putArchiveEntry(ok);
      tar.closeArchiveEntry();
      TarArchiveEntry entry = new TarArchiveEntry("evil-1.0/../../etc/cron.d/evil", true);
      entry.setSize(data.length);
      tar.putArchiveEntry(entry);
      tar.write(data);
      tar.closeArchiveEntry();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** A tar.gz of {@code count} empty members: ustar headers written straight from a template (fast). */
  public static byte[] manyMembers(int count) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputStream gz = new GZIPOutputStream(out, 1 << 16) {
      {
        def.setLevel(java.util.zip.Deflater.BEST_SPEED);
      }
    }) {
      byte[] template = new byte[512];
      put(template, 100, "0000644");
      put(template, 108, "0000000");
      put(template, 116, "0000000");
      put(template, 124, "00000000000");
      put(template, 136, "14524702400");
      template[156] = '0';
      put(template, 257, "ustar");
      put(template, 263, "00");
      byte[] block = new byte[512 * 64];
      int inBlock = 0;
      for (int i = 0; i < count; i++) {
        byte[] h = template.clone();
        put(h, 0, "many-1.0/pkg/m" + i + ".py");
        for (int k = 148; k < 156; k++) {
          h[k] = ' ';
        }
        int sum = 0;
        for (byte b : h) {
          sum += b & 0xff;
        }
        put(h, 148, String.format("%06o", sum));
        h[154] = 0;
        System.arraycopy(h, 0, block, inBlock * 512, 512);
        if (++inBlock == 64) {
          gz.write(block);
          inBlock = 0;
        }
      }
      gz.write(block, 0, inBlock * 512);
      gz.write(new byte[1024]);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static void put(byte[] h, int at, String text) {
    byte[] b = text.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(b, 0, h, at, b.length);
  }

  /** A tar.gz whose one member is {@code bytes} zeros (about 1,000:1 under gzip). */
  public static byte[] bomb(long bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(out, 1 << 16))) {
      tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
      TarArchiveEntry entry = new TarArchiveEntry("bomb-1.0/zeros.bin");
      entry.setSize(bytes);
      tar.putArchiveEntry(entry);
      byte[] zeros = new byte[1 << 20];
      for (long left = bytes; left > 0; left -= zeros.length) {
        tar.write(zeros, 0, (int) Math.min(zeros.length, left));
      }
      tar.closeArchiveEntry();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** Member names, for assertions. */
  public static List<String> names(Map<String, String> members) {
    return new ArrayList<>(members.keySet());
  }
}
