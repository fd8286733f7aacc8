package dev.wheelwise.index;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A real Simple API server on 127.0.0.1 serving the corpus's PEP 691 project pages (from
 * ../shared/corpus/index-facts) as JSON or PEP 503 HTML by the request's Accept header, plus a
 * generated METADATA file per wheel. Hostile behaviour is installed per path with
 * {@link #override}. Every request is recorded.
 */
public final class LoopbackIndex implements AutoCloseable {

  /** A recorded request: path, Accept and Authorization headers. */
  record Seen(String path, String accept, String authorization) {}

  /** A canned answer for one path. */
  public interface Handler {
    void handle(HttpExchange exchange, int count) throws IOException;
  }

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Pattern BYTE_RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");

  static {
    // The JDK server writes headers and body apart; without TCP_NODELAY a keep-alive client
    // (pip's requests session) waits for the delayed ACK, ~40 ms a request. Read once, when
    // the first server of this JVM starts: every test server here is a LoopbackIndex.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private final HttpServer server;
  final Map<String, JsonNode> corpusPages = new TreeMap<>();
  private final Map<String, byte[]> metadata = new ConcurrentHashMap<>();
  private final Map<String, Handler> overrides = new ConcurrentHashMap<>();
  private final Map<String, Integer> counts = new ConcurrentHashMap<>();
  final List<Seen> seen = new CopyOnWriteArrayList<>();
  volatile long latencyMillis;
  volatile boolean htmlOnly;

  public LoopbackIndex(Path indexFacts) throws IOException {
    if (indexFacts != null) {
      try (Stream<Path> files = Files.list(indexFacts)) {
        for (Path p : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".json")).sorted()::iterator) {
          JsonNode page = MAPPER.readTree(p.toFile());
          corpusPages.put(page.get("name").asText(), page);
        }
      }
    }
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    server.setExecutor(Executors.newFixedThreadPool(32, r -> {
      Thread t = new Thread(r, "loopback-index");
      t.setDaemon(true);
      return t;
    }));
    server.createContext("/", this::dispatch);
    server.start();
  }

  int port() {
    return server.getAddress().getPort();
  }

  /** {@code http://127.0.0.1:PORT} (no trailing slash). */
  public String base() {
    return "http://127.0.0.1:" + port();
  }

  public void override(String path, Handler handler) {
    overrides.put(path, handler);
  }

  int count(String path) {
    return counts.getOrDefault(path, 0);
  }

  private void dispatch(HttpExchange ex) throws IOException {
    try {
      String path = ex.getRequestURI().getPath();
      int n = counts.merge(path, 1, Integer::sum);
      seen.add(new Seen(path, ex.getRequestHeaders().getFirst("Accept"), ex.getRequestHeaders().getFirst("Authorization")));
      if (latencyMillis > 0) {
        Thread.sleep(latencyMillis);
      }
      Handler h = overrides.get(path);
      if (h != null) {
        h.handle(ex, n);
        return;
      }
      if (path.startsWith("/simple/")) {
        String name = path.substring("/simple/".length()).replaceAll("/$", "");
        JsonNode page = corpusPages.get(name);
        if (page == null) {
          send(ex, 404, "text/plain", "not found".getBytes(StandardCharsets.UTF_8));
          return;
        }
        String accept = String.valueOf(ex.getRequestHeaders().getFirst("Accept"));
        if (!htmlOnly && accept.contains("application/vnd.pypi.simple.v1+json")) {
          send(ex, 200, "application/vnd.pypi.simple.v1+json", json(page));
        } else {
          send(ex, 200, "text/html; charset=utf-8", html(page));
        }
        return;
      }
      if (path.startsWith("/files/") && path.endsWith(".metadata")) {
        byte[] body = metadata.get(path.substring("/files/".length(), path.length() - ".metadata".length()));
        send(ex, body == null ? 404 : 200, "text/plain", body == null ? new byte[0] : body);
        return;
      }
      send(ex, 404, "text/plain", new byte[0]);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      ex.close();
    }
  }

  public static void send(HttpExchange ex, int code, String type, byte[] body) throws IOException {
    ex.getResponseHeaders().set("Content-Type", type);
    ex.getResponseHeaders().set("Cache-Control", "max-age=600");
    ex.sendResponseHeaders(code, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      }
    }
  }

  /**
   * Sends a file: the one byte range asked for as a 206 when {@code ranges} (RFC 9110 §14:
   * {@code bytes=S-E}, {@code bytes=S-}, {@code bytes=-N}), else the whole body; counted in
   * {@code whole} or {@code ranged} before it is sent, so a client that has its answer sees the count.
   */
  public static void sendFile(HttpExchange ex, byte[] body, boolean ranges, AtomicInteger whole, AtomicInteger ranged)
      throws IOException {
    sendFile(ex, body, ranges, whole, ranged, new AtomicLong());
  }

  /**
   * {@link #sendFile}, adding to {@code served} the body bytes the client took: a whole file is
   * written in 64 KiB pieces, so a client that hangs up early is seen not to have downloaded it.
   */
  public static void sendFile(HttpExchange ex, byte[] body, boolean ranges, AtomicInteger whole, AtomicInteger ranged,
      AtomicLong served) throws IOException {
    String range = ex.getRequestHeaders().getFirst("Range");
    Matcher m = range == null ? null : BYTE_RANGE.matcher(range);
    if (!ranges || m == null || !m.matches()) {
      whole.incrementAndGet();
      ex.getResponseHeaders().set("Content-Type", "application/octet-stream");
      ex.getResponseHeaders().set("Cache-Control", "max-age=600");
      ex.sendResponseHeaders(200, body.length);
      try (OutputStream out = ex.getResponseBody()) {
        for (int at = 0; at < body.length; at += 64 * 1024) {
          int n = Math.min(64 * 1024, body.length - at);
          out.write(body, at, n);
          out.flush();
          served.addAndGet(n);
        }
      }
      return;
    }
    ranged.incrementAndGet();
    int start = m.group(1).isEmpty() ? Math.max(0, body.length - Integer.parseInt(m.group(2))) : Integer.parseInt(m.group(1));
    int end = m.group(1).isEmpty() || m.group(2).isEmpty() ? body.length - 1 : Math.min(body.length - 1, Integer.parseInt(m.group(2)));
    ex.getResponseHeaders().set("Content-Range", "bytes " + start + "-" + end + "/" + body.length);
    send(ex, 206, "application/octet-stream", Arrays.copyOfRange(body, start, end + 1));
    served.addAndGet(end + 1 - start);
  }

  /** The corpus page with loopback file URLs (relative) and a core-metadata hash per wheel. */
  byte[] json(JsonNode corpusPage) throws IOException {
    ObjectNode page = corpusPage.deepCopy();
    for (JsonNode f : page.get("files")) {
      ObjectNode file = (ObjectNode) f;
      String filename = file.get("filename").asText();
      file.put("url", "../../files/" + filename);
      if (filename.endsWith(".whl")) {
        byte[] meta = metadataFor(page.get("name").asText(), filename, file.get("requires-python"));
        metadata.put(filename, meta);
        file.putObject("core-metadata").put("sha256", sha256(meta));
      }
    }
    return MAPPER.writeValueAsBytes(page);
  }

  /** The same page as PEP 503 HTML with PEP 592/658/714 attributes. */
  byte[] html(JsonNode corpusPage) throws IOException {
    JsonNode page = MAPPER.readTree(json(corpusPage));
    StringBuilder sb = new StringBuilder("<!DOCTYPE html><html><head><meta name=\"pypi:repository-version\" content=\"1.1\"></head><body>\n");
    for (JsonNode f : page.get("files")) {
      sb.append("<a href=\"").append(f.get("url").asText());
      JsonNode sha = f.get("hashes").get("sha256");
      if (sha != null) {
        sb.append("#sha256=").append(sha.asText());
      }
      sb.append('"');
      JsonNode rp = f.get("requires-python");
      if (rp != null && !rp.isNull()) {
        sb.append(" data-requires-python=\"").append(rp.asText().replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")).append('"');
      }
      if (f.has("core-metadata")) {
        sb.append(" data-core-metadata=\"sha256=").append(f.get("core-metadata").get("sha256").asText()).append('"');
      }
      if (f.get("yanked").isTextual()) {
        sb.append(" data-yanked=\"").append(f.get("yanked").asText()).append('"');
      } else if (f.get("yanked").asBoolean()) {
        sb.append(" data-yanked");
      }
      sb.append('>').append(f.get("filename").asText()).append("</a><br>\n");
    }
    return sb.append("</body></html>").toString().getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] metadataFor(String name, String filename, JsonNode requiresPython) {
    String version = filename.split("-")[1];
    StringBuilder sb = new StringBuilder("Metadata-Version: 2.1\nName: ").append(name).append("\nVersion: ").append(version).append('\n');
    if (requiresPython != null && !requiresPython.isNull()) {
      sb.append("Requires-Python: ").append(requiresPython.asText()).append('\n');
    }
    sb.append("Requires-Dist: six>=1.5\nRequires-Dist: pytest ; extra == \"test\"\n\nlong description\n");
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  public static String sha256(byte[] body) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Serves a fixed body. */
  static Handler fixed(int code, String type, byte[] body) {
    return (ex, n) -> send(ex, code, type, body);
  }

  /** Different answers by attempt number (1-based). */
  static Handler byAttempt(Function<Integer, Handler> choose) {
    return (ex, n) -> choose.apply(n).handle(ex, n);
  }

  public List<String> pathsSeen() {
    List<String> out = new ArrayList<>();
    seen.forEach(s -> out.add(s.path()));
    return out;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
