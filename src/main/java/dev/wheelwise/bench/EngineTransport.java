package dev.wheelwise.bench;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Objects;

/**
 * How requests reach a Docker engine: HTTP/1.1 over a Unix socket, TCP or an ssh process in
 * production ({@link SocketTransport}); {@link EngineClient} is tested on a real daemon, and
 * anything that speaks the same HTTP can stand in. Each request in progress has a connection of
 * its own, so a streamed build answer can be read while other requests run.
 */
public interface EngineTransport {

  /** Sends a request; the caller closes the response. */
  Response send(Request request) throws IOException;

  /** Ends every connection still open (for ssh, its processes); nothing to do for sockets. */
  default void close() {}

  /**
   * One API request.
   *
   * @param method GET, POST, DELETE
   * @param pathAndQuery {@code /v1.41/build?t=…}, already encoded
   * @param contentType the body's type, empty string without a body
   * @param body the body bytes (empty for none)
   */
  record Request(String method, String pathAndQuery, String contentType, byte[] body) {
    public Request {
      Objects.requireNonNull(method, "method");
      Objects.requireNonNull(pathAndQuery, "pathAndQuery");
      Objects.requireNonNull(contentType, "contentType");
      Objects.requireNonNull(body, "body");
    }

    public static Request get(String pathAndQuery) {
      return new Request("GET", pathAndQuery, "", new byte[0]);
    }
  }

  /** The answer: status, headers (names in lower case) and the body, de-chunked. */
  record Response(int status, Map<String, String> headers, InputStream body) implements Closeable {
    public Response {
      headers = Map.copyOf(headers);
      Objects.requireNonNull(body, "body");
    }

    public byte[] bytes() throws IOException {
      return body.readAllBytes();
    }

    @Override
    public void close() throws IOException {
      body.close();
    }
  }
}
