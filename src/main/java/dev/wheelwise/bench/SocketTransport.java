package dev.wheelwise.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * HTTP/1.1 to a Docker engine over a Unix domain socket ({@code /var/run/docker.sock}, JDK 16+),
 * plain TCP, or TCP with TLS ({@code DOCKER_HOST=tcp://…} with {@code DOCKER_TLS_VERIFY}).
 * Written by hand because neither the JDK's HttpClient nor OkHttp can dial a Unix socket, and one
 * HTTP path for all three keeps their behaviour the same; the engine's answers need only what is
 * here: status line, headers, a Content-Length or chunked body, one request per connection
 * ({@code Connection: close}).
 */
final class SocketTransport implements EngineTransport {
  private final Dialer dialer;
  private final String hostHeader;
  /** For TLS: what a connection broken before the engine's first answer line most likely means. */
  private final String brokenBeforeAnswer;

  /** Opens one connection to the engine. */
  @FunctionalInterface
  interface Dialer {
    Connection dial() throws IOException;
  }

  /** One open connection: what the engine says, what is said to it, and how to hang up. */
  record Connection(InputStream in, OutputStream out, Closeable hangUp) {}

  SocketTransport(Dialer dialer, String hostHeader) {
    this(dialer, hostHeader, null);
  }

  private SocketTransport(Dialer dialer, String hostHeader, String brokenBeforeAnswer) {
    this.dialer = dialer;
    this.hostHeader = hostHeader;
    this.brokenBeforeAnswer = brokenBeforeAnswer;
  }

  static SocketTransport unix(String path) {
    return new SocketTransport(() -> {
      SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(path));
      return new Connection(Channels.newInputStream(channel), Channels.newOutputStream(channel), channel);
    }, "docker");
  }

  static SocketTransport tcp(String host, int port) {
    return new SocketTransport(() -> {
      Socket socket = new Socket();
      socket.connect(new InetSocketAddress(host, port));
      return new Connection(socket.getInputStream(), socket.getOutputStream(), socket);
    }, host + ":" + port);
  }

  /**
   * TLS over TCP; with {@code verify} the engine's certificate must name {@code host}, as Go's
   * crypto/tls checks it for the docker CLI. A failed handshake says which side refused what.
   */
  static SocketTransport tls(String host, int port, SSLContext context, boolean verify, EngineTls tls) {
    return new SocketTransport(() -> {
      SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket();
      try {
        socket.connect(new InetSocketAddress(host, port));
        SSLParameters parameters = socket.getSSLParameters();
        if (verify) {
          parameters.setEndpointIdentificationAlgorithm("HTTPS");
        }
        socket.setSSLParameters(parameters);
        socket.startHandshake();
      } catch (SSLException e) {
        socket.close();
        SSLHandshakeException explained = new SSLHandshakeException(explain(e, host, tls));
        explained.initCause(e);
        throw explained;
      } catch (IOException e) {
        socket.close();
        throw e;
      }
      return new Connection(socket.getInputStream(), socket.getOutputStream(), socket);
    }, host + ":" + port,
        // With TLS 1.3 the engine judges our certificate after the handshake: its refusal arrives as a broken connection.
        "the engine closed the connection right after the TLS handshake; it most likely refused our client certificate ("
            + tls.cert().map(Object::toString).orElse("none sent: no cert.pem") + ")");
  }

  private static String explain(SSLException e, String host, EngineTls tls) {
    String message = String.valueOf(e.getMessage());
    String ca = tls.ca().map(Object::toString).orElse("the system's CA roots");
    if (message.contains("PKIX") || message.contains("certification path")) {
      return "the engine's certificate is not signed by " + ca + " (wrong CA, or DOCKER_CERT_PATH names another engine's files)";
    }
    if (message.contains("No subject alternative") || message.contains("No name matching")) {
      return "the engine's certificate does not name " + host + " (" + message + "); connect by a name it holds";
    }
    if (message.contains("bad_certificate") || message.contains("certificate_required") || message.contains("unknown_ca")) {
      return "the engine refused our client certificate (" + tls.cert().map(Object::toString).orElse("none sent")
          + "): " + message;
    }
    return "TLS handshake failed: " + message;
  }

  @Override
  public Response send(Request request) throws IOException {
    Connection connection = dialer.dial();
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
      InputStream in = new BufferedInputStream(connection.in(), 65536);
      String status;
      try {
        OutputStream out = connection.out();
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.write(request.body());
        out.flush();
        status = line(in);
      } catch (IOException e) {
        if (brokenBeforeAnswer == null) {
          throw e;
        }
        SSLException explained = new SSLException(brokenBeforeAnswer + ": " + e.getMessage());
        explained.initCause(e);
        throw explained;
      }
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
      return new Response(code, headers, new Closing(body, connection.hangUp()));
    } catch (IOException | RuntimeException e) {
      connection.hangUp().close();
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
    private final Closeable channel;

    Closing(InputStream in, Closeable channel) {
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
