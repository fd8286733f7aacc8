package dev.wheelwise.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;

/**
 * A package index on 127.0.0.1 serving a folder as it is: {@code simple/<name>/index.html}
 * (PEP 503) and the files the pages link to. A folder answers with its {@code index.html}.
 * Builds reach it through the engine's host network.
 */
final class StaticIndex implements AutoCloseable {
  private final HttpServer server;

  StaticIndex(Path root) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    server.setExecutor(Executors.newFixedThreadPool(8));
    Path base = root.toAbsolutePath().normalize();
    server.createContext("/", ex -> {
      Path p = base.resolve(ex.getRequestURI().getPath().substring(1)).normalize();
      if (p.startsWith(base) && Files.isDirectory(p)) {
        p = p.resolve("index.html");
      }
      if (!p.startsWith(base) || !Files.isRegularFile(p)) {
        ex.sendResponseHeaders(404, -1);
        ex.close();
        return;
      }
      ex.getResponseHeaders().set("Content-Type", p.toString().endsWith(".html") ? "text/html" : "application/octet-stream");
      long size = Files.size(p);
      ex.sendResponseHeaders(200, size == 0 ? -1 : size);
      try (OutputStream out = ex.getResponseBody()) {
        Files.copy(p, out);
      }
    });
    server.start();
  }

  /** {@code http://127.0.0.1:PORT/simple}. */
  String simple() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/simple";
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
