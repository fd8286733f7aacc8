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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * HTTP/1.1 to a Docker engine over a Unix domain socket ({@code /var/run/docker.sock}, JDK 16+),
 * plain TCP, TCP with TLS ({@code DOCKER_HOST=tcp://…} with {@code DOCKER_TLS_VERIFY}), or an
 * ssh process's standard input and output ({@link SshDialer}).
 * Written by hand because neither the JDK's HttpClient nor OkHttp can dial a Unix socket or a
 * process, and one HTTP path for all of them keeps their behaviour the same; the engine's answers
 * need only what is here: status line, headers, a Content-Length or chunked body.
 * Sockets carry one request each ({@code Connection: close}): dialing them costs nothing. An ssh
 * connection costs a login, so with {@code reuse} a connection whose answer was read to its end is
 * kept for the next request (at most {@value #MAX_IDLE} idle), as the docker CLI's HTTP client
 * keeps its ssh connections; a streamed build still gets a connection of its own, and parallel
 * requests each dial one when none is idle.
 */
final class SocketTransport implements EngineTransport {
  static final int MAX_IDLE = 4;

  private final Dialer dialer;
  private final String hostHeader;
  private final boolean reuse;
  private final Deque<Live> idle = new ArrayDeque<>();
  private boolean closed;

  /** Opens one connection to the engine; {@link #close} ends whatever it still has open. */
  interface Dialer {
    Connection dial() throws IOException;

    default void close() {}
  }

  /**
   * One open connection: what the engine says, what is said to it, how to hang up, and what a
   * failure before the engine's first answer line most likely means (TLS: a refused client
   * certificate; ssh: the process's exit and first error line).
   */
  record Connection(InputStream in, OutputStream out, Closeable hangUp, UnaryOperator<IOException> explain) {
    Connection(InputStream in, OutputStream out, Closeable hangUp) {
      this(in, out, hangUp, e -> e);
    }
  }

  /** A connection in use or idle, with its read buffer (which outlives one answer when reused). */
  private record Live(Connection connection, InputStream in) {}

  SocketTransport(Dialer dialer, String hostHeader, boolean reuse) {
    this.dialer = dialer;
    this.hostHeader = hostHeader;
    this.reuse = reuse;
  }

  static SocketTransport unix(String path) {
    return new SocketTransport(() -> {
      SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(path));
      return new Connection(Channels.newInputStream(channel), Channels.newOutputStream(channel), channel);
    }, "docker", false);
  }

  static SocketTransport tcp(String host, int port) {
    return new SocketTransport(() -> {
      Socket socket = new Socket();
      socket.connect(new InetSocketAddress(host, port));
      return new Connection(socket.getInputStream(), socket.getOutputStream(), socket);
    }, host + ":" + port, false);
  }

  /** HTTP over {@code ssh … docker system dial-stdio}, one process per connection, idle ones reused. */
  static SocketTransport ssh(SshDialer dialer) {
    return new SocketTransport(dialer, "docker", true);
  }

  /**
   * TLS over TCP; with {@code verify} the engine's certificate must name {@code host}, as Go's
   * crypto/tls checks it for the docker CLI. A failed handshake says which side refused what.
   */
  static SocketTransport tls(String host, int port, SSLContext context, boolean verify, EngineTls tls) {
    // With TLS 1.3 the engine judges our certificate after the handshake: its refusal arrives as a broken connection.
    String refused = "the engine closed the connection right after the TLS handshake; it most likely refused our client certificate ("
        + tls.cert().map(Object::toString).orElse("none sent: no cert.pem") + ")";
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
      return new Connection(socket.getInputStream(), socket.getOutputStream(), socket, e -> {
        SSLException explained = new SSLException(refused + ": " + e.getMessage());
        explained.initCause(e);
        return explained;
      });
    }, host + ":" + port, false);
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
    Live reused = takeIdle();
    if (reused != null) {
      try {
        return exchange(reused, request, true);
      } catch (Stale gone) {
        // The engine (or the ssh process) closed an idle connection before this request reached it: dial anew.
      }
    }
    Connection connection = dialer.dial();
    return exchange(new Live(connection, new BufferedInputStream(connection.in(), 65536)), request, false);
  }

  /** Ends the idle connections and whatever the dialer still has open; requests after this fail. */
  @Override
  public void close() {
    List<Live> ending;
    synchronized (this) {
      closed = true;
      ending = new ArrayList<>(idle);
      idle.clear();
    }
    ending.forEach(SocketTransport::hangUp);
    dialer.close();
  }

  private synchronized Live takeIdle() {
    return idle.pollFirst();
  }

  /** Keeps a connection whose answer was read whole for the next request, or hangs up. */
  private void release(Live live, boolean reusable) {
    if (reuse && reusable) {
      synchronized (this) {
        if (!closed && idle.size() < MAX_IDLE) {
          idle.addFirst(live);
          return;
        }
      }
    }
    hangUp(live);
  }

  private static void hangUp(Live live) {
    try {
      live.connection().hangUp().close();
    } catch (IOException ignored) {
      // already gone
    }
  }

  /** A reused connection that broke before any answer: the request is sent again on a new one. */
  private static final class Stale extends IOException {
    Stale(IOException cause) {
      super(cause);
    }
  }

  private Response exchange(Live live, Request request, boolean reused) throws IOException {
    try {
      StringBuilder head = new StringBuilder()
          .append(request.method()).append(' ').append(request.pathAndQuery()).append(" HTTP/1.1\r\n")
          .append("Host: ").append(hostHeader).append("\r\n")
          .append("User-Agent: wheelwise\r\n");
      if (!reuse) {
        head.append("Connection: close\r\n");
      }
      if (!request.contentType().isEmpty()) {
        head.append("Content-Type: ").append(request.contentType()).append("\r\n");
      }
      if (request.body().length > 0 || request.method().equals("POST")) {
        head.append("Content-Length: ").append(request.body().length).append("\r\n");
      }
      head.append("\r\n");
      InputStream in = live.in();
      String status;
      try {
        OutputStream out = live.connection().out();
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.write(request.body());
        out.flush();
        status = line(in);
      } catch (IOException e) {
        if (reused) {
          throw new Stale(e);
        }
        throw live.connection().explain().apply(e);
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
      if (code == 204 || code == 304 || code / 100 == 1) {
        body = new Bounded(in, 0); // no body, whatever the headers say (RFC 9112 §6.3)
      } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
        body = new Chunked(in);
      } else if (headers.containsKey("content-length")) {
        body = new Bounded(in, Long.parseLong(headers.get("content-length")));
      } else {
        body = in;
      }
      boolean keepAlive = !"close".equalsIgnoreCase(headers.get("connection"));
      return new Response(code, headers, new Closing(body, () -> release(live, keepAlive && reuse && readToEnd(body))));
    } catch (IOException | RuntimeException e) {
      hangUp(live);
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

  /**
   * Whether the body was read to its end, reading what is left of a short one the caller did
   * not read (the answer to a DELETE); a stream still arriving, such as a build's, is never waited for.
   */
  private static boolean readToEnd(InputStream body) {
    if (body instanceof Framed f && f.finished()) {
      return true;
    }
    if (body instanceof Bounded b && b.left <= 65536) {
      try {
        b.transferTo(OutputStream.nullOutputStream());
        return true;
      } catch (IOException broken) {
        return false;
      }
    }
    return false;
  }

  /** A body whose end is known: once read to it, the connection can carry another request. */
  private interface Framed {
    boolean finished();
  }

  /** A chunked body (RFC 9112 §7.1), trailers skipped. */
  private static final class Chunked extends InputStream implements Framed {
    private final InputStream in;
    private long left;
    private boolean done;

    Chunked(InputStream in) {
      this.in = in;
    }

    @Override
    public boolean finished() {
      return done;
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
  private static final class Bounded extends InputStream implements Framed {
    private final InputStream in;
    private long left;

    Bounded(InputStream in, long length) {
      this.in = in;
      this.left = length;
    }

    @Override
    public boolean finished() {
      return left <= 0;
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

  /** Releases the connection with the body: back to the idle ones when it can carry more, else hung up. */
  private static final class Closing extends InputStream {
    private final InputStream in;
    private final Closeable channel;
    private boolean closed;

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
      // Closed twice (a reader over the body, then the response) it must not be released twice.
      if (!closed) {
        closed = true;
        channel.close();
      }
    }
  }
}
