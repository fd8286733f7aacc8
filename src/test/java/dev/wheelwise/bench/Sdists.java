package dev.wheelwise.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * Real sdists for a test index: a PEP 517 project whose in-tree backend (stdlib only, so pip's
 * isolated build needs nothing from the index) builds a wheel; with {@code ext.c} it compiles a
 * C extension through distutils' compiler driver first (Python 3.11's standard library), which
 * fails as setuptools does: {@code error: command 'x86_64-linux-gnu-gcc' failed: No such file or
 * directory} without a compiler, {@code Python.h: No such file or directory} without headers.
 */
final class Sdists {
  private Sdists() {}

  private static final String BACKEND = String.join("\n",
      "import base64, hashlib, os, sys, sysconfig, zipfile",
      "NAME, VERSION = open('NAME').read().split()",
      "def get_requires_for_build_wheel(config_settings=None):",
      "    return []",
      "def _metadata():",
      "    return 'Metadata-Version: 2.1\\nName: %s\\nVersion: %s\\n' % (NAME, VERSION)",
      "def prepare_metadata_for_build_wheel(metadata_directory, config_settings=None):",
      "    d = os.path.join(metadata_directory, '%s-%s.dist-info' % (NAME, VERSION))",
      "    os.makedirs(d)",
      "    open(os.path.join(d, 'METADATA'), 'w').write(_metadata())",
      "    return os.path.basename(d)",
      "def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):",
      "    files = {NAME + '/__init__.py': b'VERSION = %r\\n' % VERSION}",
      "    tag = 'py3-none-any'",
      "    if os.path.exists('ext.c'):",
      "        from distutils.ccompiler import new_compiler",
      "        from distutils.sysconfig import customize_compiler",
      "        from distutils.errors import DistutilsError, CCompilerError",
      "        cc = new_compiler()",
      "        customize_compiler(cc)",
      "        try:",
      "            objs = cc.compile(['ext.c'], output_dir='build', include_dirs=[sysconfig.get_paths()['include']])",
      "            so = '_ext' + sysconfig.get_config_var('EXT_SUFFIX')",
      "            cc.link_shared_object(objs, so, output_dir='build')",
      "        except (DistutilsError, CCompilerError) as e:",
      "            sys.stderr.write('error: %s\\n' % e)",
      "            sys.exit(1)",
      "        files[NAME + '/' + so] = open(os.path.join('build', so), 'rb').read()",
      "        py = 'cp%d%d' % sys.version_info[:2]",
      "        tag = '%s-%s-%s' % (py, py, sysconfig.get_platform().replace('-', '_').replace('.', '_'))",
      "    info = '%s-%s.dist-info' % (NAME, VERSION)",
      "    files[info + '/METADATA'] = _metadata().encode()",
      "    files[info + '/WHEEL'] = ('Wheel-Version: 1.0\\nGenerator: test\\nRoot-Is-Purelib: %s\\nTag: %s\\n' % ('true' if tag == 'py3-none-any' else 'false', tag)).encode()",
      "    record = ''",
      "    for name, data in files.items():",
      "        digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b'=').decode()",
      "        record += '%s,sha256=%s,%d\\n' % (name, digest, len(data))",
      "    record += info + '/RECORD,,\\n'",
      "    files[info + '/RECORD'] = record.encode()",
      "    wheel = '%s-%s-%s.whl' % (NAME, VERSION, tag)",
      "    with zipfile.ZipFile(os.path.join(wheel_directory, wheel), 'w') as z:",
      "        for name, data in files.items():",
      "            z.writestr(name, data)",
      "    return wheel",
      "");

  private static final String EXT = String.join("\n",
      "#include <Python.h>",
      "static struct PyModuleDef m = {PyModuleDef_HEAD_INIT, \"_ext\", NULL, -1, NULL};",
      "PyMODINIT_FUNC PyInit__ext(void) { return PyModule_Create(&m); }",
      "");

  /** Writes {@code name-version.tar.gz} into {@code root/files} and its page into {@code root/simple/name/}. */
  static void add(Path root, String name, String version, boolean cExtension) throws IOException {
    String base = name + "-" + version;
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put(base + "/PKG-INFO", ("Metadata-Version: 2.1\nName: " + name + "\nVersion: " + version + "\n").getBytes(StandardCharsets.UTF_8));
    files.put(base + "/NAME", (name + " " + version + "\n").getBytes(StandardCharsets.UTF_8));
    files.put(base + "/pyproject.toml", ("[build-system]\nrequires = []\nbuild-backend = \"backend\"\nbackend-path = [\".\"]\n")
        .getBytes(StandardCharsets.UTF_8));
    files.put(base + "/backend.py", BACKEND.getBytes(StandardCharsets.UTF_8));
    if (cExtension) {
      files.put(base + "/ext.c", EXT.getBytes(StandardCharsets.UTF_8));
    }
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      out.write(ContextTar.tar(files));
    }
    String fileName = base + ".tar.gz";
    Files.createDirectories(root.resolve("files"));
    Files.write(root.resolve("files").resolve(fileName), gz.toByteArray());
    Path page = root.resolve("simple").resolve(name);
    Files.createDirectories(page);
    Files.writeString(page.resolve("index.html"), "<!DOCTYPE html><html><body>\n<a href=\"../../files/" + fileName + "#sha256="
        + sha256(gz.toByteArray()) + "\">" + fileName + "</a>\n</body></html>\n");
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
