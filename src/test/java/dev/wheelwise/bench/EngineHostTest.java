package dev.wheelwise.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Where the engine is and how it is reached, as the docker CLI reads the environment; and the key files it accepts. */
class EngineHostTest {
  @TempDir Path home;

  @Test
  void dockerTlsVerifySetToAnythingVerifiesAndDefaultsToPort2376(@TempDir Path certs) throws Exception {
    Files.writeString(certs.resolve("ca.pem"), "");
    EngineHost host = EngineHost.find(Map.of("DOCKER_HOST", "tcp://engine.example:2376", "DOCKER_TLS_VERIFY", "0",
        "DOCKER_CERT_PATH", certs.toString()), home, Optional.empty());
    assertThat(host.tls()).hasValueSatisfying(t -> {
      assertThat(t.verify()).isTrue();
      assertThat(t.ca()).contains(certs.resolve("ca.pem"));
      assertThat(t.cert()).isEmpty();
    });
    EngineHost plain = EngineHost.find(Map.of("DOCKER_HOST", "tcp://engine.example"), home, Optional.empty());
    assertThat(plain.tls()).isEmpty();
    EngineHost unverified = EngineHost.find(Map.of("DOCKER_HOST", "tcp://engine.example", "DOCKER_TLS", "1"), home, Optional.empty());
    assertThat(unverified.tls()).hasValueSatisfying(t -> assertThat(t.verify()).isFalse());
  }

  @Test
  void verificationWithoutACaFileIsAUsageErrorNamingTheFile() {
    assertThatThrownBy(() -> EngineHost.find(Map.of("DOCKER_HOST", "tcp://127.0.0.1:2376", "DOCKER_TLS_VERIFY", "1"), home, Optional.empty()))
        .isInstanceOfSatisfying(BenchError.class, e -> assertThat(e.isUsage()).isTrue())
        .hasMessageContaining(home.resolve(".docker/ca.pem").toString()).hasMessageContaining("DOCKER_CERT_PATH");
  }

  @Test
  void anSshHostRunsTheSystemSshAsTheDockerCliDoes(@TempDir Path bin) throws Exception {
    Path ssh = Files.createFile(bin.resolve("ssh"));
    ssh.toFile().setExecutable(true);
    Map<String, String> env = Map.of("DOCKER_HOST", "ssh://me@build.example:2222/run/user/1000/docker.sock", "PATH", "/nowhere:" + bin,
        SshCommand.OPTIONS_VARIABLE, " -i /keys/id  -o ConnectTimeout=5 ");
    assertThat(EngineHost.find(env, home, Optional.empty()).sshCommand()).containsExactly(ssh.toString(),
        "-i", "/keys/id", "-o", "ConnectTimeout=5", "-o", "BatchMode=yes", "-T", "-l", "me", "-p", "2222",
        "--", "build.example", "docker", "--host=unix:///run/user/1000/docker.sock", "system", "dial-stdio");
    // No user, port or path: ssh's own defaults (and ~/.ssh/config) decide; the docker CLI's 30 s timeout is added.
    assertThat(EngineHost.find(Map.of("DOCKER_HOST", "ssh://builder", "PATH", bin.toString()), home, Optional.empty()).sshCommand())
        .containsExactly(ssh.toString(), "-o", "ConnectTimeout=30", "-o", "BatchMode=yes", "-T", "--", "builder", "docker", "system", "dial-stdio");
    assertThat(EngineHost.find(Map.of("DOCKER_HOST", "ssh://[::1]:22/", "PATH", bin.toString()), home, Optional.empty()).sshCommand())
        .containsSubsequence("-p", "22", "--", "::1", "docker", "system");
    assertThat(EngineHost.find(Map.of("DOCKER_HOST", "tcp://127.0.0.1:2375"), home, Optional.empty()).sshCommand()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"ssh://me:secret@build.example", "ssh://build.example?x=1", "ssh://build.example#top", "ssh://build.example:99999",
      "ssh://me@", "ssh://[::1"})
  void malformedSshAddressesAreUsageErrors(String address) throws Exception {
    assertThatThrownBy(() -> EngineHost.find(Map.of("DOCKER_HOST", address, "PATH", "/usr/bin"), home, Optional.empty()).transport())
        .isInstanceOfSatisfying(BenchError.class, e -> assertThat(e.kind()).isEqualTo(BenchError.Kind.BAD_ENGINE_CONFIG))
        .hasMessageContaining(address);
  }

  @Test
  void anSshHostWithNoSshOnThePathIsAUsageErrorSayingWhatToInstall() throws Exception {
    EngineHost host = EngineHost.find(Map.of("DOCKER_HOST", "ssh://me@build.example", "PATH", home.toString()), home, Optional.empty());
    assertThatThrownBy(host::transport).isInstanceOfSatisfying(BenchError.class, e -> assertThat(e.isUsage()).isTrue())
        .hasMessageContaining("no ssh is on the PATH").hasMessageContaining("openssh-client");
  }

  @Test
  void anUnknownContextIsAUsageError() {
    assertThatThrownBy(() -> EngineHost.find(Map.of(), home, Optional.of("nowhere")))
        .isInstanceOfSatisfying(BenchError.class, e -> assertThat(e.isUsage()).isTrue()).hasMessageContaining("docker context 'nowhere' does not exist");
  }

  @ParameterizedTest
  @ValueSource(strings = {"pkcs1", "pkcs8-rsa", "sec1", "pkcs8-ec"})
  void readsEveryKeyFormOpensslWrites(String form, @TempDir Path dir) throws Exception {
    Certificates certs = Certificates.in(dir);
    certs.ca("ca");
    Path key = certs.key("client", form);
    Path cert = certs.sign("client", "ca", "extendedKeyUsage=clientAuth");
    PrivateKey privateKey = PemKeys.privateKey(Files.readString(key), key.toString());
    X509Certificate certificate = PemKeys.certificates(Files.readString(cert), cert.toString()).get(0);
    // The key read is the certificate's: what it signs, the certificate's public key verifies.
    String algorithm = privateKey.getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
    Signature sign = Signature.getInstance(algorithm);
    sign.initSign(privateKey);
    sign.update(new byte[] {1, 2, 3});
    byte[] signature = sign.sign();
    Signature verify = Signature.getInstance(algorithm);
    verify.initVerify(certificate.getPublicKey());
    verify.update(new byte[] {1, 2, 3});
    assertThat(verify.verify(signature)).isTrue();
  }

  @Test
  void anEncryptedKeyIsRefusedWithTheCommandThatDecryptsIt(@TempDir Path dir) throws Exception {
    Certificates certs = Certificates.in(dir);
    certs.openssl("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-aes256", "-pass", "pass:secret", "-out", "key.pem");
    assertThatThrownBy(() -> PemKeys.privateKey(Files.readString(dir.resolve("key.pem")), "key.pem"))
        .hasMessageContaining("encrypted").hasMessageContaining("openssl pkey -in key.pem");
  }
}
