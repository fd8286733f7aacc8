package dev.wheelwise.bench;

import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The command that reaches an engine named {@code ssh://[user@]host[:port][/socket]}, built as the
 * docker CLI builds it (cli/connhelper): {@code ssh [options] -o ConnectTimeout=30 -T [-l user]
 * [-p port] -- host docker [--host=unix:///socket] system dial-stdio}, whose standard input and
 * output then carry the Engine API's HTTP. The system's ssh client is run, so the user's
 * {@code ~/.ssh/config}, agent and known_hosts apply; {@code BatchMode=yes} is added so that it
 * never stops to ask for a password or passphrase on the terminal. A password in the address, a
 * query or a fragment are refused, as the docker CLI refuses them.
 *
 * @param user the login name, when the address gives one (else ssh's own default)
 * @param host the host name or address, or an alias of {@code ~/.ssh/config}
 * @param port the port, when the address gives one
 * @param socket the engine's socket on the remote host, when the address has a path
 */
public record SshCommand(Optional<String> user, String host, OptionalInt port, Optional<String> socket) {

  /** The docker CLI's ssh timeout: a host that does not answer fails in 30 s, not the system's minutes. */
  static final String CONNECT_TIMEOUT = "ConnectTimeout=30";
  /**
   * Extra ssh arguments, split at white space and placed before wheelwise's own (ssh keeps the
   * first value of an option): for an identity or known_hosts file of a test's own sshd, or an
   * option ~/.ssh/config cannot carry.
   */
  public static final String OPTIONS_VARIABLE = "WHEELWISE_SSH_OPTS";

  public SshCommand {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(port, "port");
    Objects.requireNonNull(socket, "socket");
  }

  /**
   * The ssh client of this environment: the {@code ssh} found on {@code PATH}, and the extra
   * arguments of {@value #OPTIONS_VARIABLE}.
   *
   * @param binary the ssh executable, empty when none is on the PATH
   * @param options extra arguments, before wheelwise's own
   */
  public record Client(Optional<Path> binary, List<String> options) {
    public static final Client NONE = new Client(Optional.empty(), List.of());

    public Client {
      Objects.requireNonNull(binary, "binary");
      options = List.copyOf(options);
    }

    static Client of(Map<String, String> env) {
      Optional<Path> found = Optional.empty();
      String path = env.getOrDefault("PATH", "");
      for (String dir : path.split(File.pathSeparator)) {
        if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "ssh")) && !Files.isDirectory(Path.of(dir, "ssh"))) {
          found = Optional.of(Path.of(dir, "ssh"));
          break;
        }
      }
      String extra = env.getOrDefault(OPTIONS_VARIABLE, "").strip();
      return new Client(found, extra.isEmpty() ? List.of() : Arrays.asList(extra.split("\\s+")));
    }
  }

  /** The parts of an {@code ssh://} address; {@code from} names where it was found, for the message. */
  static SshCommand parse(URI uri, String from) throws BenchError {
    String authority = uri.getRawAuthority();
    if (authority == null || authority.isEmpty()) {
      throw bad(uri, from, "no host name; expected ssh://[USER@]HOST[:PORT]");
    }
    if (uri.getRawQuery() != null) {
      throw bad(uri, from, "query parameters are not allowed in an ssh address (\"" + uri.getRawQuery() + "\")");
    }
    if (uri.getRawFragment() != null) {
      throw bad(uri, from, "fragments are not allowed in an ssh address (\"" + uri.getRawFragment() + "\")");
    }
    Optional<String> user = Optional.empty();
    String hostPort = authority;
    int at = authority.lastIndexOf('@');
    if (at >= 0) {
      String info = authority.substring(0, at);
      if (info.contains(":")) {
        throw bad(uri, from, "a password in the address is not supported; use a key (ssh-agent, or IdentityFile in ~/.ssh/config)");
      }
      user = Optional.of(info).filter(u -> !u.isEmpty());
      hostPort = authority.substring(at + 1);
    }
    String host = hostPort;
    String portText = null;
    if (hostPort.startsWith("[")) {
      int close = hostPort.indexOf(']');
      if (close < 0) {
        throw bad(uri, from, "an IPv6 address needs its closing ']'");
      }
      host = hostPort.substring(1, close);
      String rest = hostPort.substring(close + 1);
      if (rest.startsWith(":")) {
        portText = rest.substring(1);
      } else if (!rest.isEmpty()) {
        throw bad(uri, from, "unexpected '" + rest + "' after the host");
      }
    } else if (hostPort.contains(":")) {
      host = hostPort.substring(0, hostPort.lastIndexOf(':'));
      portText = hostPort.substring(hostPort.lastIndexOf(':') + 1);
    }
    if (host.isEmpty()) {
      throw bad(uri, from, "no host name; expected ssh://[USER@]HOST[:PORT]");
    }
    OptionalInt port = OptionalInt.empty();
    if (portText != null && !portText.isEmpty()) {
      int number = portText.matches("[0-9]{1,5}") ? Integer.parseInt(portText) : -1;
      if (number < 1 || number > 65535) {
        throw bad(uri, from, "'" + portText + "' is not a port number");
      }
      port = OptionalInt.of(number);
    }
    String path = uri.getPath();
    Optional<String> socket = path == null || path.replace("/", "").isEmpty() ? Optional.empty() : Optional.of(path);
    return new SshCommand(user, host, port, socket);
  }

  private static BenchError bad(URI uri, String from, String why) {
    return new BenchError(BenchError.Kind.BAD_ENGINE_CONFIG, uri + " (" + from + "): " + why);
  }

  /** The whole command line, {@code ssh} first. */
  List<String> argv(Path ssh, List<String> extraOptions) {
    List<String> out = new ArrayList<>();
    out.add(ssh.toString());
    out.addAll(extraOptions);
    if (extraOptions.stream().noneMatch(o -> o.contains("ConnectTimeout"))) {
      out.addAll(List.of("-o", CONNECT_TIMEOUT));
    }
    out.addAll(List.of("-o", "BatchMode=yes", "-T"));
    user.ifPresent(u -> out.addAll(List.of("-l", u)));
    port.ifPresent(p -> out.addAll(List.of("-p", Integer.toString(p))));
    out.addAll(List.of("--", host, "docker"));
    socket.ifPresent(s -> out.add("--host=unix://" + s));
    out.addAll(List.of("system", "dial-stdio"));
    return out;
  }

  /** {@code user@host:port} as the address gave it, for messages. */
  String target() {
    String h = host.contains(":") ? "[" + host + "]" : host;
    return user.map(u -> u + "@").orElse("") + h + (port.isPresent() ? ":" + port.getAsInt() : "");
  }
}
