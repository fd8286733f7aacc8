package dev.wheelwise.index;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Wheels written by Python's {@code zipfile} in one python3 process, each with Python's own
 * answer to "how many bytes does it hold": {@code sum(i.file_size for i in ZipFile(f).infolist())}.
 * More than 65,535 members make Python write the zip64 end records.
 */
public final class PythonWheels {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SCRIPT = String.join("\n",
      "import json, os, random, sys, zipfile",
      "specs = json.load(sys.stdin)",
      "sums = {}",
      "for s in specs:",
      "    path = os.path.join(sys.argv[1], s['filename'])",
      "    rnd = random.Random(s['filename'])",
      "    with zipfile.ZipFile(path, 'w') as z:",
      "        for m in s['members']:",
      "            data = rnd.randbytes(m['bytes']) if m['random'] else b'x' * m['bytes']",
      "            z.writestr(m['name'], data, compress_type=zipfile.ZIP_DEFLATED if m['deflate'] else zipfile.ZIP_STORED)",
      "        for i in range(s['smallMembers']):",
      "            z.writestr('pkg/m%d.py' % i, b'# %d\\n' % i, compress_type=zipfile.ZIP_DEFLATED)",
      "    with zipfile.ZipFile(path) as z:",
      "        sums[s['filename']] = sum(i.file_size for i in z.infolist())",
      "json.dump(sums, sys.stdout)",
      "");

  private PythonWheels() {}

  /** One member: {@code bytes} random (incompressible) or repeated bytes, deflated or stored. */
  public record Member(String name, int bytes, boolean random, boolean deflate) {}

  /** A wheel to write: its members, then {@code smallMembers} one-line files. */
  public record Spec(String filename, List<Member> members, int smallMembers) {}

  /** A written wheel: its bytes and Python's sum of its members' sizes. */
  public record Wheel(byte[] bytes, long installed) {}

  /** Writes the wheels into {@code dir}; by file name, in the given order. */
  public static Map<String, Wheel> write(Path dir, List<Spec> specs) throws IOException, InterruptedException {
    Process python = new ProcessBuilder("python3", "-c", SCRIPT, dir.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    python.getOutputStream().write(JSON.writeValueAsBytes(specs));
    python.getOutputStream().close();
    String out = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!python.waitFor(120, TimeUnit.SECONDS) || python.exitValue() != 0) {
      throw new IllegalStateException("python3 zipfile failed: " + out);
    }
    JsonNode sums = JSON.readTree(out);
    Map<String, Wheel> wheels = new LinkedHashMap<>();
    for (Spec s : specs) {
      wheels.put(s.filename(), new Wheel(Files.readAllBytes(dir.resolve(s.filename())), sums.get(s.filename()).asLong()));
    }
    return wheels;
  }
}
