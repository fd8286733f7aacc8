package dev.wheelwise.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A real OpenSSH server for tests (Debian's openssh-server; .ci/run installs it): {@code sshd -D -e}
 * as this JVM's child on 127.0.0.1 and a free port, with a host key and a client key generated
 * into {@code dir}, the client key its only authorized key, no PAM, no strict modes, its PID file
 * in {@code dir}. It logs to {@link #log()} (one "Accepted publickey" line per login). Tests skip,
 * saying so, where sshd or ssh-keygen is absent.
 */
final class LoopbackSshd implements AutoCloseable {
  static final Path SSHD = Path.of("/usr/sbin/sshd");

  private final Process process;
  private final Path dir;
  private final int port;

  private LoopbackSshd(Process process, Path dir, int port) {
    this.process = process;
    this.dir = dir;
    this.port = port;
  }

  /** Starts one; {@code extraConfig} lines are appended to its sshd_config (e.g. "SetEnv PATH=/usr/sbin"). */
  static LoopbackSshd start(Path dir, String name, String... extraConfig) throws IOException, InterruptedException {
    Assumptions.assumeTrue(Files.isExecutable(SSHD), "SKIPPED: no " + SSHD + " (Debian's openssh-server; .ci/run installs it)");
    Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/ssh-keygen")) && Files.isExecutable(Path.of("/usr/bin/ssh")),
        "SKIPPED: no OpenSSH client (ssh, ssh-keygen)");
    Path home = Files.createDirectories(dir.resolve(name));
    if (!Files.exists(home.resolve("client_key"))) {
      keygen(home.resolve("host_key"));
      keygen(home.resolve("client_key"));
    }
    Files.copy(home.resolve("client_key.pub"), home.resolve("authorized_keys"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    // sshd insists on its privilege separation directory even when it never changes user.
    try {
      Files.createDirectories(Path.of("/run/sshd"));
    } catch (IOException notRoot) {
      Assumptions.abort("SKIPPED: cannot make sshd's /run/sshd (" + notRoot + "); the test's sshd runs as root, as in CI");
    }
    int port;
    try (ServerSocket free = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = free.getLocalPort();
    }
    StringBuilder config = new StringBuilder()
        .append("ListenAddress 127.0.0.1\nPort ").append(port).append('\n')
        .append("HostKey ").append(home.resolve("host_key")).append('\n')
        .append("AuthorizedKeysFile ").append(home.resolve("authorized_keys")).append('\n')
        .append("PidFile ").append(home.resolve("sshd.pid")).append('\n')
        .append("StrictModes no\nUsePAM no\nPasswordAuthentication no\nKbdInteractiveAuthentication no\n")
        .append("PermitRootLogin prohibit-password\nLogLevel INFO\n");
    for (String line : extraConfig) {
      config.append(line).append('\n');
    }
    Files.writeString(home.resolve("sshd_config"), config);
    Path log = home.resolve("sshd.log");
    Process process = new ProcessBuilder(SSHD.toString(), "-D", "-e", "-f", home.resolve("sshd_config").toString())
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    LoopbackSshd sshd = new LoopbackSshd(process, home, port);
    for (int i = 0; i < 100 && !Files.readString(log).contains("Server listening"); i++) {
      if (!process.isAlive()) {
        Assumptions.abort("SKIPPED: sshd did not start: " + Files.readString(log).strip());
      }
      Thread.sleep(50);
    }
    if (!Files.readString(log).contains("Server listening")) {
      sshd.close();
      Assumptions.abort("SKIPPED: sshd did not start in 5 s: " + Files.readString(log).strip());
    }
    return sshd;
  }

  private static void keygen(Path key) throws IOException, InterruptedException {
    Process p = new ProcessBuilder("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", key.toString()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    if (p.waitFor() != 0) {
      throw new IOException("ssh-keygen failed: " + out);
    }
  }

  int port() {
    return port;
  }

  Path clientKey() {
    return dir.resolve("client_key");
  }

  Path hostKey() {
    return dir.resolve("host_key");
  }

  Path log() {
    return dir.resolve("sshd.log");
  }

  /** {@code WHEELWISE_SSH_OPTS} for a client of this server: {@code key} as identity, a known_hosts of the test's own. */
  String options(Path key) {
    return String.join(" ", List.of("-i", key.toString(), "-o", "IdentitiesOnly=yes", "-o", "UserKnownHostsFile=" + dir.resolve("known_hosts"),
        "-o", "StrictHostKeyChecking=accept-new"));
  }

  /** How many logins the server accepted so far. */
  long logins() throws IOException {
    return Files.readAllLines(log()).stream().filter(l -> l.contains("Accepted publickey")).count();
  }

  /** The ssh client processes (anywhere on the machine) talking to this server's port. */
  List<ProcessHandle> clients() {
    return ProcessHandle.allProcesses()
        .filter(p -> p.info().command().map(c -> c.endsWith("/ssh")).orElse(false))
        .filter(p -> p.info().arguments().map(a -> String.join(" ", a).contains("-p " + port)).orElse(false))
        .toList();
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(5, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
