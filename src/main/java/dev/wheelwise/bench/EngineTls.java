package dev.wheelwise.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * TLS to a remote engine, from the files the docker CLI reads: {@code ca.pem} (the engine's
 * certificate must chain to it; without it the system's roots), {@code cert.pem} and
 * {@code key.pem} (the client certificate, sent when both exist). {@code verify} false is
 * {@code DOCKER_TLS=1} without {@code DOCKER_TLS_VERIFY}, or a context's {@code SkipTLSVerify}:
 * encrypted, but the engine's certificate and name are not checked, as the docker CLI does.
 *
 * @param ca the CA bundle, when there is one
 * @param cert the client certificate, when there is one
 * @param key the client key (PKCS#1, PKCS#8 or SEC1), with {@code cert}
 * @param verify whether the engine's certificate and host name are checked
 */
public record EngineTls(Optional<Path> ca, Optional<Path> cert, Optional<Path> key, boolean verify) {

  public EngineTls {
    Objects.requireNonNull(ca, "ca");
    Objects.requireNonNull(cert, "cert");
    Objects.requireNonNull(key, "key");
  }

  /**
   * The material in {@code folder} ({@code DOCKER_CERT_PATH}, or a context's TLS folder), each
   * file when it exists; with {@code verify}, a missing {@code ca.pem} is refused as the docker
   * CLI refuses it, unless {@code systemRoots} (a context without a CA trusts the system's roots).
   */
  static EngineTls in(Path folder, boolean verify, boolean systemRoots, String from) throws BenchError {
    Optional<Path> ca = present(folder.resolve("ca.pem"));
    Optional<Path> cert = present(folder.resolve("cert.pem"));
    Optional<Path> key = present(folder.resolve("key.pem"));
    if (verify && ca.isEmpty() && !systemRoots) {
      throw new BenchError(BenchError.Kind.BAD_ENGINE_CONFIG, from + ": TLS verification is on but " + folder.resolve("ca.pem")
          + " does not exist; set DOCKER_CERT_PATH to the folder holding ca.pem, cert.pem and key.pem");
    }
    if (cert.isPresent() != key.isPresent()) {
      throw new BenchError(BenchError.Kind.BAD_ENGINE_CONFIG, from + ": " + folder + " holds " + (cert.isPresent() ? "cert.pem but no key.pem"
          : "key.pem but no cert.pem") + "; the client certificate needs both");
    }
    return new EngineTls(ca, cert, key, verify);
  }

  private static Optional<Path> present(Path p) {
    return Files.exists(p) ? Optional.of(p) : Optional.empty();
  }

  /** The SSL context these files make; an unreadable or malformed file is named. */
  SSLContext context() throws BenchError {
    try {
      TrustManager[] trust;
      if (!verify) {
        trust = new TrustManager[] {new TrustingEveryone()};
      } else if (ca.isPresent()) {
        KeyStore roots = KeyStore.getInstance("PKCS12");
        roots.load(null, null);
        List<X509Certificate> certificates = PemKeys.certificates(read(ca.get()), ca.get().toString());
        for (int i = 0; i < certificates.size(); i++) {
          roots.setCertificateEntry("ca-" + i, certificates.get(i));
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(roots);
        trust = factory.getTrustManagers();
      } else {
        trust = null;
      }
      KeyManager[] keys = null;
      if (cert.isPresent() && key.isPresent()) {
        List<X509Certificate> chain = PemKeys.certificates(read(cert.get()), cert.get().toString());
        PrivateKey privateKey = PemKeys.privateKey(read(key.get()), key.get().toString());
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        char[] password = new char[0];
        store.setKeyEntry("client", privateKey, password, chain.toArray(new X509Certificate[0]));
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(store, password);
        keys = factory.getKeyManagers();
      }
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys, trust, null);
      return context;
    } catch (GeneralSecurityException | IOException | RuntimeException e) {
      throw new BenchError(BenchError.Kind.BAD_ENGINE_CONFIG, "TLS material for the engine: " + e.getMessage(), e);
    }
  }

  private static String read(Path p) throws IOException {
    return Files.readString(p, StandardCharsets.ISO_8859_1);
  }

  /** What the docker CLI does with InsecureSkipVerify: any certificate is accepted. */
  private static final class TrustingEveryone implements X509TrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
