package dev.wheelwise.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Connections to an engine over ssh: each is one {@code ssh … docker system dial-stdio} process
 * ({@link SshCommand}), its standard input and output the connection, its standard error kept to
 * explain a failure. Hanging up ends the process (SIGTERM, then SIGKILL after 3 s, as the docker
 * CLI's commandconn does), and {@link #close} ends every process still running, so none outlives
 * the command, interrupted or not.
 */
final class SshDialer implements SocketTransport.Dialer {
  private final List<String> command;
  private final String target;
  private final Set<Process> running = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  SshDialer(List<String> command, String target) {
    this.command = List.copyOf(command);
    this.target = target;
  }

  /** How many ssh processes are running now (for tests and the verbose line). */
  int running() {
    return running.size();
  }

  @Override
  public SocketTransport.Connection dial() throws IOException {
    if (closed) {
      throw new IOException("the ssh connections to " + target + " were closed");
    }
    Process process = new ProcessBuilder(command).start();
    running.add(process);
    if (closed) {
      end(process);
      throw new IOException("the ssh connections to " + target + " were closed");
    }
    ErrorLines errors = new ErrorLines(process.getErrorStream());
    errors.start();
    return new SocketTransport.Connection(process.getInputStream(), process.getOutputStream(), () -> end(process),
        e -> explain(process, errors, e));
  }

  @Override
  public void close() {
    closed = true;
    for (Process p : List.copyOf(running)) {
      end(p);
    }
  }

  private void end(Process process) {
    // A ProxyCommand or ProxyJump helper runs as ssh's child: it goes too.
    List<ProcessHandle> helpers = process.descendants().toList();
    quietly(process.getOutputStream());
    quietly(process.getInputStream());
    process.destroy();
    helpers.forEach(ProcessHandle::destroy);
    try {
      if (!process.waitFor(3, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        helpers.forEach(ProcessHandle::destroyForcibly);
        process.waitFor(3, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    running.remove(process);
  }

  private static void quietly(AutoCloseable stream) {
    try {
      stream.close();
    } catch (Exception ignored) {
      // the process is ending anyway
    }
  }

  /** What broke a connection before the engine answered: ssh's exit code and first error line. */
  private IOException explain(Process process, ErrorLines errors, IOException e) {
    try {
      // Standard output closed: ssh is exiting (after ConnectTimeout at most, for a host that never answers).
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        return e;
      }
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      return e;
    }
    return new SshFailure(SshFailure.message(target, process.exitValue(), errors.first()), e);
  }

  /** ssh's standard error, read as it comes (so ssh never blocks on it); the first lines kept. */
  private static final class ErrorLines extends Thread {
    private final InputStream in;
    private final List<String> lines = new ArrayList<>();

    ErrorLines(InputStream in) {
      super("wheelwise-ssh-stderr");
      setDaemon(true);
      this.in = in;
    }

    @Override
    public void run() {
      try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
          synchronized (lines) {
            if (lines.size() < 20) {
              lines.add(line.strip());
            }
          }
        }
      } catch (IOException closed) {
        // the process ended
      }
    }

    /** The first line that says what went wrong (not ssh's notice that it learnt a host key). */
    String first() {
      try {
        join(2000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      synchronized (lines) {
        return lines.stream().filter(l -> !l.isEmpty() && !l.startsWith("Warning: Permanently added")).findFirst().orElse("");
      }
    }
  }
}
