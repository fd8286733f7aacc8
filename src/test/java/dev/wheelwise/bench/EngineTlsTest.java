package dev.wheelwise.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code wheelwise images describe} over TCP with mutual TLS, end to end: certificates made by
 * openssl, a TLS-terminating proxy (its own process, {@link TlsProxy}) that requires the client
 * certificate as {@code dockerd --tlsverify} does, in front of the real engine's socket; the CLI
 * runs as its own process with DOCKER_HOST/DOCKER_TLS_VERIFY/DOCKER_CERT_PATH, or a docker
 * context holding the same material. Skips, saying so, without openssl or an engine on a socket.
 */
class EngineTlsTest {
  @TempDir static Path dir;
  private static Process proxy;
  private static int port;

  @BeforeAll
  static void startProxy() throws Exception {
    EngineClient engine = LocalEngine.requireImages(LocalEngine.BASE);
    EngineHost host = EngineHost.find(System.getenv(), Path.of(System.getProperty("user.home")), Optional.empty());
    Assumptions.assumeTrue(host.uri().getScheme().equals("unix"), "SKIPPED: the test engine is not on a Unix socket (" + host + ")");
    Certificates certs = Certificates.in(dir);
    certs.ca("ca");
    certs.key("server", "pkcs8-ec");
    certs.sign("server", "ca", "subjectAltName=IP:127.0.0.1", "extendedKeyUsage=serverAuth");
    certs.key("client", "pkcs1");
    certs.sign("client", "ca", "extendedKeyUsage=clientAuth");
    certs.ca("other-ca");
    Path server = certs.pkcs12("server", "changeit");
    Path trust = certs.truststore("ca", "changeit");
    proxy = new ProcessBuilder(java(), "-cp", System.getProperty("java.class.path"), TlsProxy.class.getName(),
        server.toString(), "changeit", trust.toString(), host.uri().getPath()).redirectError(dir.resolve("proxy.log").toFile()).start();
    String ready = new BufferedReader(new InputStreamReader(proxy.getInputStream(), StandardCharsets.UTF_8)).readLine();
    assertThat(ready).as("the proxy started (%s)", dir.resolve("proxy.log")).startsWith("listening ");
    port = Integer.parseInt(ready.substring("listening ".length()));
    // DOCKER_CERT_PATH as the docker CLI reads it: ca.pem, cert.pem, key.pem.
    folder("certs", "ca.pem");
    folder("wrong-ca", "other-ca.pem");
  }

  private static void folder(String name, String ca) throws Exception {
    Path f = Files.createDirectories(dir.resolve(name));
    Files.copy(dir.resolve(ca), f.resolve("ca.pem"));
    Files.copy(dir.resolve("client.pem"), f.resolve("cert.pem"));
    Files.copy(dir.resolve("client-key.pem"), f.resolve("key.pem"));
  }

  @AfterAll
  static void stopProxy() throws Exception {
    if (proxy != null) {
      proxy.destroy();
      proxy.waitFor(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void describesAnImageThroughDockerHostWithVerifiedTls() throws Exception {
    Run run = wheelwise(Map.of("DOCKER_HOST", "tcp://127.0.0.1:" + port, "DOCKER_TLS_VERIFY", "1",
        "DOCKER_CERT_PATH", dir.resolve("certs").toString()), "images", "describe", LocalEngine.BASE, "--no-cache", "--format", "json");
    assertThat(run.exit).as(run.err).isZero();
    // Read from the running image through the proxy: the bookworm base's Python and glibc.
    assertThat(run.out).contains("\"3.11", "glibc", "2.36");
  }

  @Test
  void describesAnImageThroughAContextWithTlsMaterial() throws Exception {
    String name = "tls-remote";
    String sha = HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8)));
    Path config = dir.resolve("docker-config");
    Path meta = Files.createDirectories(config.resolve("contexts/meta").resolve(sha));
    Files.writeString(meta.resolve("meta.json"), "{\"Name\":\"" + name + "\",\"Metadata\":{},\"Endpoints\":{\"docker\":{\"Host\":"
        + "\"tcp://127.0.0.1:" + port + "\",\"SkipTLSVerify\":false}}}");
    Path tls = Files.createDirectories(config.resolve("contexts/tls").resolve(sha).resolve("docker"));
    for (String f : List.of("ca.pem", "cert.pem", "key.pem")) {
      Files.copy(dir.resolve("certs").resolve(f), tls.resolve(f));
    }
    Run run = wheelwise(Map.of("DOCKER_CONFIG", config.toString()), "images", "describe", LocalEngine.BASE, "--context", name);
    assertThat(run.exit).as(run.err).isZero();
    assertThat(run.out).contains("3.11");
  }

  @Test
  void anEngineWhoseCertificateTheCaDidNotSignIsRefused() throws Exception {
    Path wrong = dir.resolve("wrong-ca");
    Run run = wheelwise(Map.of("DOCKER_HOST", "tcp://127.0.0.1:" + port, "DOCKER_TLS_VERIFY", "1", "DOCKER_CERT_PATH", wrong.toString()),
        "images", "describe", LocalEngine.BASE);
    assertThat(run.exit).isEqualTo(3);
    assertThat(run.err).contains("TLS with the engine at tcp://127.0.0.1:" + port, "not signed by " + wrong.resolve("ca.pem"));
  }

  @Test
  void withoutTheClientCertificateTheEngineRefusesUs() throws Exception {
    Path caOnly = Files.createDirectories(dir.resolve("ca-only"));
    Files.copy(dir.resolve("ca.pem"), caOnly.resolve("ca.pem"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Run run = wheelwise(Map.of("DOCKER_HOST", "tcp://127.0.0.1:" + port, "DOCKER_TLS_VERIFY", "1", "DOCKER_CERT_PATH", caOnly.toString()),
        "images", "describe", LocalEngine.BASE);
    assertThat(run.exit).isEqualTo(3);
    // TLS 1.2 refuses in the handshake, TLS 1.3 after it; either way the message says which certificate.
    assertThat(run.err).contains("TLS with the engine at tcp://127.0.0.1:" + port, "client certificate");
  }

  private record Run(int exit, String out, String err) {}

  /** The CLI as its own process: the environment is what it reads. */
  private static Run wheelwise(Map<String, String> env, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(java(), "-cp", System.getProperty("java.class.path"), "dev.wheelwise.cli.Main"));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().remove("DOCKER_HOST");
    pb.environment().remove("DOCKER_CONTEXT");
    pb.environment().put("XDG_CACHE_HOME", dir.resolve("cache").toString());
    pb.environment().putAll(env);
    pb.redirectError(dir.resolve("cli.err").toFile());
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new Run(p.exitValue(), out, Files.readString(dir.resolve("cli.err")));
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
