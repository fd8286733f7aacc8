package dev.wheelwise.index;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Benchmark helper, not a test: serves N projects of the embedded snapshot as PEP 691 pages
 * on 127.0.0.1 with a fixed latency per request, prints the index URL, and writes the project
 * names to a file. Run by benchmarks/index-fetch.sh.
 *
 * <p>Arguments: {@code COUNT LATENCY_MS NAMES_FILE}.
 */
public final class IndexBenchServer {
  private IndexBenchServer() {}

  public static void main(String[] args) throws Exception {
    int count = Integer.parseInt(args[0]);
    long latency = Long.parseLong(args[1]);
    Path namesFile = Path.of(args[2]);
    Snapshot snapshot = SnapshotCodec.embedded().orElseThrow();
    Path pages = Files.createTempDirectory("wheelwise-bench-pages");
    ObjectMapper mapper = new ObjectMapper();
    List<String> names = new ArrayList<>();
    for (String name : snapshot.projects().keySet()) {
      if (names.size() == count) {
        break;
      }
      ProjectPage page = snapshot.page(name).orElseThrow();
      ObjectNode root = mapper.createObjectNode();
      root.putObject("meta").put("api-version", "1.1");
      root.put("name", name);
      ArrayNode versions = root.putArray("versions");
      page.versions().forEach(versions::add);
      ArrayNode files = root.putArray("files");
      for (DistFile f : page.files()) {
        ObjectNode n = files.addObject().put("filename", f.filename()).put("url", "../../files/" + f.filename());
        ObjectNode h = n.putObject("hashes");
        f.hashes().forEach(h::put);
        n.put("requires-python", f.requiresPython().orElse(null));
        if (f.size().isPresent()) {
          n.put("size", f.size().getAsLong());
        } else {
          n.putNull("size");
        }
        n.put("upload-time", f.uploadTime().map(Object::toString).orElse(null));
        n.put("yanked", false);
      }
      Files.write(pages.resolve(name + ".json"), mapper.writeValueAsBytes(root));
      names.add(name);
    }
    Files.write(namesFile, names);
    LoopbackIndex server = new LoopbackIndex(pages);
    server.latencyMillis = latency;
    System.out.println(server.base() + "/simple");
    System.out.flush();
    Thread.currentThread().join();
  }
}
