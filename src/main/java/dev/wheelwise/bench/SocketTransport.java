package dev.wheelwise.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 to a Docker engine over a {@link SocketChannel}: a Unix domain socket
 * ({@code /var/run/docker.sock}, JDK 16+) or plain TCP ({@code DOCKER_HOST=tcp://…} without TLS).
 * Written by hand because neither the JDK's HttpClient nor OkHttp can dial a Unix socket; the
 * engine's answers need only what is here: status line, headers, a Content-Length or chunked
 * body, one request per connection ({@code Connection: close}).
 */
final class SocketTransport implements EngineTransport {
  private final SocketAddress address;
  private final String hostHeader;

  SocketTransport(SocketAddress address, String hostHeader) {
    this.address = address;
    this.hostHeader = hostHeader;
  }

  @Override
  public Response send(Request request) throws IOException {
    SocketChannel channel = SocketChannel.open(address);
    try {
      StringBuilder head = new StringBuilder()
          .append(request.method()).append(' ').append(request.pathAndQuery()).append(" HTTP/1.1\r\n")
          .append("Host: ").append(hostHeader).append("\r\n")
          .append("User-Agent: wheelwise\r\n")
          .append("Connection: close\r\n");
      if (!request.contentType().isEmpty()) {
        head.append("Content-Type: ").append(request.contentType()).append("\r\n");
      }
      if (request.body().length > 0 || request.method().equals("POST")) {
        head.append("Content-Length: ").append(request.body().length).append("\r\n");
      }
      head.append("\r\n");
      var out = Channels.newOutputStream(channel);
      out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.write(request.body());
      out.flush();
      InputStream in = new BufferedInputStream(Channels.newInputStream(channel), 65536);
      String status = line(in);
      String[] parts = status.split(" ", 3);
      if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
        throw new IOException("not an HTTP answer from the engine: '" + status + "'");
      }
      int code = Integer.parseInt(parts[1]);
      Map<String, String> headers = new HashMap<>();
      for (String h = line(in); !h.isEmpty(); h = line(in)) {
        int colon = h.indexOf(':');
        if (colon > 0) {
          headers.put(h.substring(0, colon).trim().toLowerCase(Locale.ROOT), h.substring(colon + 1).trim());
        }
      }
      InputStream body;
      if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
        body = new Chunked(in);
      } else if (headers.containsKey("content-length")) {
        body = new Bounded(in, Long.parseLong(headers.get("content-length")));
      } else {
        body = in;
      }
      return new Response(code, headers, new Closing(body, channel));
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        throw new IOException("the engine closed the connection mid-answer");
      }
      if (b != '\r') {
        buffer.write(b);
      }
    }
    return buffer.toString(StandardCharsets.ISO_8859_1);
  }

  /** A chunked body (RFC 9112 §7.1), trailers skipped. */
  private static final class Chunked extends InputStream {
    private final InputStream in;
    private long left;
    private boolean done;

    Chunked(InputStream in) {
      this.in = in;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (done) {
        return -1;
      }
      if (left == 0) {
        String size = line(in);
        int semi = size.indexOf(';');
        left = Long.parseLong((semi >= 0 ? size.substring(0, semi) : size).trim(), 16);
        if (left == 0) {
          for (String trailer = line(in); !trailer.isEmpty(); trailer = line(in)) {
            // trailers carry nothing the engine uses
          }
          done = true;
          return -1;
        }
      }
      int n = in.read(b, off, (int) Math.min(len, left));
      if (n < 0) {
        throw new IOException("the engine closed the connection mid-chunk");
      }
      left -= n;
      if (left == 0) {
        line(in);
      }
      return n;
    }
  }

  /** A body of Content-Length bytes. */
  private static final class Bounded extends InputStream {
    private final InputStream in;
    private long left;

    Bounded(InputStream in, long length) {
      this.in = in;
      this.left = length;
    }

    @Override
    public int read() throws IOException {
      if (left <= 0) {
        return -1;
      }
      int b = in.read();
      left--;
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (left <= 0) {
        return -1;
      }
      int n = in.read(b, off, (int) Math.min(len, left));
      if (n > 0) {
        left -= n;
      }
      return n;
    }
  }

  /** Closes the connection with the body. */
  private static final class Closing extends InputStream {
    private final InputStream in;
    private final SocketChannel channel;

    Closing(InputStream in, SocketChannel channel) {
      this.in = in;
      this.channel = channel;
    }

    @Override
    public int read() throws IOException {
      return in.read();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      return in.read(b, off, len);
    }

    @Override
    public void close() throws IOException {
      channel.close();
    }
  }
}
