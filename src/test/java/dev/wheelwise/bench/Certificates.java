package dev.wheelwise.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Certificates made with openssl for the TLS tests, as docker's "Protect the daemon socket" page
 * makes them: a CA, a server certificate for IP 127.0.0.1 and a client certificate, each signed by
 * the CA. Skips, saying so, without openssl.
 */
final class Certificates {
  private final Path dir;

  private Certificates(Path dir) {
    this.dir = dir;
  }

  static Certificates in(Path dir) throws Exception {
    Certificates c = new Certificates(dir);
    try {
      c.openssl("version");
    } catch (IOException absent) {
      Assumptions.abort("SKIPPED: openssl is not installed (Debian's openssl package)");
    }
    return c;
  }

  /** A self-signed CA: {@code NAME.pem} and {@code NAME-key.pem}. */
  Path ca(String name) throws Exception {
    openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", name + "-key.pem", "-out", name + ".pem", "-days", "2",
        "-subj", "/CN=" + name);
    return dir.resolve(name + ".pem");
  }

  /** A key in the form asked: pkcs1 (RSA), pkcs8-rsa, sec1 (EC P-256) or pkcs8-ec. */
  Path key(String name, String form) throws Exception {
    String file = name + "-key.pem";
    switch (form) {
      case "pkcs1" -> openssl("genrsa", "-traditional", "-out", file, "2048");
      case "pkcs8-rsa" -> openssl("genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", file);
      case "sec1" -> openssl("ecparam", "-genkey", "-name", "prime256v1", "-out", file);
      case "pkcs8-ec" -> openssl("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", file);
      default -> throw new IllegalArgumentException(form);
    }
    return dir.resolve(file);
  }

  /** A certificate for {@code name}'s key, signed by {@code ca}; {@code extensions} as openssl's extfile lines. */
  Path sign(String name, String ca, String... extensions) throws Exception {
    openssl("req", "-new", "-key", name + "-key.pem", "-out", name + ".csr", "-subj", "/CN=" + name);
    Files.write(dir.resolve(name + ".ext"), List.of(extensions));
    openssl("x509", "-req", "-in", name + ".csr", "-CA", ca + ".pem", "-CAkey", ca + "-key.pem", "-CAcreateserial",
        "-out", name + ".pem", "-days", "2", "-extfile", name + ".ext");
    return dir.resolve(name + ".pem");
  }

  /** {@code name}'s key and certificate as a PKCS#12 store, for the Java server. */
  Path pkcs12(String name, String password) throws Exception {
    openssl("pkcs12", "-export", "-in", name + ".pem", "-inkey", name + "-key.pem", "-out", name + ".p12", "-passout", "pass:" + password);
    return dir.resolve(name + ".p12");
  }

  /** {@code ca}'s certificate as a Java truststore. */
  Path truststore(String ca, String password) throws Exception {
    run(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(), "-importcert", "-noprompt", "-alias", ca,
        "-file", ca + ".pem", "-keystore", ca + "-trust.p12", "-storetype", "PKCS12", "-storepass", password));
    return dir.resolve(ca + "-trust.p12");
  }

  void openssl(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("openssl"));
    command.addAll(List.of(args));
    run(command);
  }

  private void run(List<String> command) throws Exception {
    Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
    }
  }
}
