package dev.wheelwise.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wheelwise.bench.json.ImageJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Describes an image by running it once: a container (no network, labelled, removed afterwards)
 * runs a short Python program that prints the interpreter's version and implementation, the libc
 * ({@code platform.libc_ver()} for glibc; the musl loader's own banner for musl), pip's version and
 * {@code pip debug --verbose}'s tag list, and which compilers and package manager are on the PATH.
 * Results are cached by image id under {@code cacheDir} (an id names one content, so the cache
 * never goes stale). An image without {@code python3} is described as such, not guessed.
 */
public final class ImageDescriber {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Runs inside the image; prints one JSON object. Only the standard library. */
  static final String PROBE = String.join("\n",
      "import glob, json, os, platform, shutil, subprocess, sys",
      "out = {'python': platform.python_version(), 'implementation': platform.python_implementation()}",
      "fam, ver = platform.libc_ver()",
      "if not fam:",
      "    for loader in glob.glob('/lib/ld-musl-*.so.1'):",
      "        r = subprocess.run([loader], capture_output=True, text=True)",
      "        for line in (r.stdout + r.stderr).splitlines():",
      "            if line.startswith('Version '):",
      "                fam, ver = 'musl', line.split()[1]",
      "out['libc'] = fam or None",
      "out['libcVersion'] = ver or None",
      "try:",
      "    r = subprocess.run([sys.executable, '-m', 'pip', 'debug', '--verbose'], capture_output=True, text=True, timeout=60)",
      "    tags, inside, pipv = [], False, None",
      "    for line in r.stdout.splitlines():",
      "        if line.startswith('pip version:'):",
      "            words = line.split(':', 1)[1].split()",
      "            pipv = words[1] if len(words) > 1 and words[0] == 'pip' else (words[0] if words else None)",
      "        if line.startswith('Compatible tags:'):",
      "            inside = True",
      "            continue",
      "        if inside and line.startswith(' '):",
      "            tags.append(line.strip())",
      "        elif inside:",
      "            inside = False",
      "    out['pip'] = pipv",
      "    out['tags'] = tags",
      "except Exception as e:",
      "    out['pip'] = None",
      "    out['tags'] = []",
      "out['compilers'] = [c for c in ('gcc', 'cc', 'g++', 'clang', 'make') if shutil.which(c)]",
      "out['packageManager'] = next((m for m in ('apt-get', 'apk', 'dnf', 'microdnf', 'yum') if shutil.which(m)), 'none').replace('apt-get', 'apt')",
      "print(json.dumps(out))");

  private final EngineClient engine;
  private final Optional<Path> cacheDir;

  public ImageDescriber(EngineClient engine, Optional<Path> cacheDir) {
    this.engine = engine;
    this.cacheDir = cacheDir;
  }

  /** The image's description, from the cache when this image id was described before. */
  public ImageDescription describe(String reference) throws BenchError {
    ImageJson image = engine.image(reference).orElseThrow(() -> new BenchError(BenchError.Kind.NO_SUCH_IMAGE,
        reference + " is not on the engine (" + engine.where() + "); wheelwise does not pull: docker pull " + reference + " first"));
    Optional<Path> cached = cacheDir.map(d -> d.resolve(image.id().replace(':', '-') + ".json"));
    if (cached.isPresent() && Files.isRegularFile(cached.get())) {
      try {
        return read(JSON.readTree(Files.readString(cached.get())), image);
      } catch (IOException unreadable) {
        // described anew below
      }
    }
    String container = engine.createContainer(image.id(), List.of("python3", "-c", PROBE),
        Map.of(Bench.LABEL, "describe-" + UUID.randomUUID()));
    JsonNode node;
    try {
      engine.start(container);
      int code = engine.await(container);
      EngineClient.Output output = engine.logs(container);
      if (code != 0) {
        String err = output.stderr().isBlank() ? output.stdout() : output.stderr();
        if (code == 127 || err.contains("executable file not found") || err.contains("No such file")) {
          node = JSON.createObjectNode();
        } else {
          throw new BenchError(BenchError.Kind.ENGINE_ERROR, reference + ": the probe exited " + code + ": " + err.strip());
        }
      } else {
        node = JSON.readTree(output.stdout());
      }
    } catch (IOException e) {
      throw new BenchError(BenchError.Kind.ENGINE_ERROR, reference + ": the probe's output is not JSON: " + e.getMessage(), e);
    } catch (BenchError e) {
      if (e.getMessage().contains("executable file not found")) {
        node = JSON.createObjectNode();
      } else {
        throw e;
      }
    } finally {
      engine.removeContainer(container);
    }
    if (cached.isPresent()) {
      try {
        Files.createDirectories(cached.get().getParent());
        Files.writeString(cached.get(), JSON.writeValueAsString(node));
      } catch (IOException notWritable) {
        // described, not cached
      }
    }
    return read(node, image);
  }

  private static ImageDescription read(JsonNode node, ImageJson image) {
    List<String> tags = new ArrayList<>();
    node.path("tags").forEach(t -> tags.add(t.asText()));
    List<String> compilers = new ArrayList<>();
    node.path("compilers").forEach(t -> compilers.add(t.asText()));
    return new ImageDescription(image.id(), text(node, "python"), text(node, "implementation"), text(node, "libc"),
        text(node, "libcVersion"), text(node, "pip"), tags, compilers, node.path("packageManager").asText("unknown"),
        image.architecture(), image.size());
  }

  private static Optional<String> text(JsonNode node, String field) {
    return Optional.ofNullable(node.path(field).textValue()).filter(s -> !s.isBlank());
  }
}
