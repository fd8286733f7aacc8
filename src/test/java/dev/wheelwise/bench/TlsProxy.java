package dev.wheelwise.bench;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * A TLS-terminating proxy in front of the engine's Unix socket, run as its own process by
 * {@link EngineTlsTest}: it listens on 127.0.0.1 with the server certificate, requires a client
 * certificate signed by the CA (as {@code dockerd --tlsverify} does), and relays each connection's
 * bytes to the real engine. Prints {@code listening PORT} once ready.
 *
 * <p>Arguments: server.p12, its password, the CA's PKCS#12 truststore, the engine's socket path.
 */
public final class TlsProxy {
  private TlsProxy() {}

  public static void main(String[] args) throws Exception {
    char[] password = args[1].toCharArray();
    KeyStore server = KeyStore.getInstance("PKCS12");
    try (InputStream in = new FileInputStream(args[0])) {
      server.load(in, password);
    }
    KeyStore roots = KeyStore.getInstance("PKCS12");
    try (InputStream in = new FileInputStream(args[2])) {
      roots.load(in, password);
    }
    KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(server, password);
    TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(roots);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
    SSLServerSocket listener = (SSLServerSocket) context.getServerSocketFactory().createServerSocket(0, 50, InetAddress.getLoopbackAddress());
    listener.setNeedClientAuth(true);
    System.out.println("listening " + listener.getLocalPort());
    System.out.flush();
    UnixDomainSocketAddress engine = UnixDomainSocketAddress.of(args[3]);
    while (true) {
      Socket client = listener.accept();
      Thread t = new Thread(() -> relay(client, engine));
      t.setDaemon(true);
      t.start();
    }
  }

  private static void relay(Socket client, UnixDomainSocketAddress engine) {
    try (client; SocketChannel upstream = SocketChannel.open(engine)) {
      Thread up = new Thread(() -> copy(client, upstream));
      up.setDaemon(true);
      up.start();
      // The channel itself, not Channels' streams: those lock the channel for reads and writes alike.
      OutputStream to = client.getOutputStream();
      ByteBuffer buffer = ByteBuffer.allocate(65536);
      while (upstream.read(buffer) >= 0) {
        to.write(buffer.array(), 0, buffer.position());
        to.flush();
        buffer.clear();
      }
    } catch (IOException refused) {
      // A handshake the proxy refused (wrong client certificate) or a client that hung up.
    }
  }

  private static void copy(Socket client, SocketChannel upstream) {
    try {
      InputStream in = client.getInputStream();
      byte[] bytes = new byte[65536];
      for (int n = in.read(bytes); n >= 0; n = in.read(bytes)) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes, 0, n);
        while (buffer.hasRemaining()) {
          upstream.write(buffer);
        }
      }
    } catch (IOException closed) {
      // the other direction closes both
    }
  }
}
