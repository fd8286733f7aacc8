package dev.wheelwise.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the engine is, as the docker CLI finds it: {@code --context}, else {@code DOCKER_HOST},
 * else {@code DOCKER_CONTEXT}, else the current context of {@code config.json}, else
 * {@code unix:///var/run/docker.sock}. The docker configuration folder is {@code DOCKER_CONFIG},
 * else {@code ~/.docker}; a context is read from {@code contexts/meta/<sha256 of its name>/meta.json}
 * there ({@code Endpoints.docker.Host}, {@code SkipTLSVerify}) with its TLS files in
 * {@code contexts/tls/<sha256>/docker/}. With {@code DOCKER_HOST}, TLS is on when
 * {@code DOCKER_TLS_VERIFY} is set to anything (verified; even "0", as the CLI reads it) or
 * {@code DOCKER_TLS} is (not verified), its files in {@code DOCKER_CERT_PATH}, else the configuration
 * folder. {@code unix://}, {@code tcp://} (port 2375, 2376 with TLS) and {@code ssh://} (through the
 * system's ssh client, {@link SshCommand}) are spoken.
 *
 * @param uri the engine's address as written ({@code unix:///var/run/docker.sock})
 * @param from where it was found, for messages ({@code DOCKER_HOST}, {@code context 'remote'})
 * @param tls TLS to a {@code tcp://} engine, when it is on
 * @param ssh the ssh client of the environment, for an {@code ssh://} engine
 */
public record EngineHost(URI uri, String from, Optional<EngineTls> tls, SshCommand.Client ssh) {

  public static final String DEFAULT = "unix:///var/run/docker.sock";

  public EngineHost {
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(tls, "tls");
    Objects.requireNonNull(ssh, "ssh");
  }

  public EngineHost(URI uri, String from, Optional<EngineTls> tls) {
    this(uri, from, tls, SshCommand.Client.NONE);
  }

  /** The engine the environment names; {@code context} is {@code --context} when given. */
  public static EngineHost find(Map<String, String> env, Path home, Optional<String> context) throws BenchError {
    Path config = set(env, "DOCKER_CONFIG") ? Path.of(env.get("DOCKER_CONFIG")) : home.resolve(".docker");
    SshCommand.Client ssh = SshCommand.Client.of(env);
    if (context.isPresent()) {
      return ofContext(context.get(), config, ssh);
    }
    if (set(env, "DOCKER_HOST")) {
      boolean verify = set(env, "DOCKER_TLS_VERIFY");
      Optional<EngineTls> tls = Optional.empty();
      if (verify || set(env, "DOCKER_TLS")) {
        Path certs = set(env, "DOCKER_CERT_PATH") ? Path.of(env.get("DOCKER_CERT_PATH")) : config;
        tls = Optional.of(EngineTls.in(certs, verify, false, verify ? "DOCKER_TLS_VERIFY" : "DOCKER_TLS"));
      }
      return new EngineHost(parse(env.get("DOCKER_HOST"), "DOCKER_HOST"), "DOCKER_HOST", tls, ssh);
    }
    String named = env.get("DOCKER_CONTEXT");
    if (named == null || named.isBlank()) {
      named = currentContext(config).orElse(null);
    }
    if (named != null && !named.isBlank() && !named.equals("default")) {
      return ofContext(named, config, ssh);
    }
    return new EngineHost(URI.create(DEFAULT), "the default socket", Optional.empty());
  }

  private static boolean set(Map<String, String> env, String name) {
    String value = env.get(name);
    return value != null && !value.isEmpty();
  }

  private static Optional<String> currentContext(Path config) {
    try {
      JsonNode node = new ObjectMapper().readTree(Files.readString(config.resolve("config.json")));
      return Optional.ofNullable(node.path("currentContext").textValue());
    } catch (IOException unreadable) {
      return Optional.empty();
    }
  }

  private static EngineHost ofContext(String name, Path config, SshCommand.Client ssh) throws BenchError {
    String where = "docker context '" + name + "'";
    if (name.equals("default")) {
      return new EngineHost(URI.create(DEFAULT), "context 'default'", Optional.empty());
    }
    Path meta = config.resolve("contexts/meta").resolve(sha256(name)).resolve("meta.json");
    if (!Files.exists(meta)) {
      throw new BenchError(BenchError.Kind.BAD_ENGINE_CONFIG, where + " does not exist (no " + meta + "); docker context ls lists them");
    }
    JsonNode node;
    try {
      node = new ObjectMapper().readTree(Files.readString(meta));
    } catch (IOException e) {
      throw new BenchError(BenchError.Kind.BAD_ENGINE_CONFIG, where + ": cannot read " + meta + " (" + e.getMessage() + ")");
    }
    JsonNode docker = node.path("Endpoints").path("docker");
    String host = docker.path("Host").asText("");
    if (host.isEmpty()) {
      throw new BenchError(BenchError.Kind.BAD_ENGINE_CONFIG, where + " names no docker endpoint (" + meta + ")");
    }
    Path material = config.resolve("contexts/tls").resolve(sha256(name)).resolve("docker");
    Optional<EngineTls> tls = Optional.empty();
    if (Files.isDirectory(material)) {
      // A context without ca.pem trusts the system's roots, as the CLI's context loader does.
      tls = Optional.of(EngineTls.in(material, !docker.path("SkipTLSVerify").asBoolean(false), true, where));
    }
    return new EngineHost(parse(host, where), "context '" + name + "'", tls, ssh);
  }

  private static URI parse(String text, String from) throws BenchError {
    try {
      URI uri = URI.create(text.trim());
      if (uri.getScheme() == null) {
        throw new BenchError(BenchError.Kind.BAD_ENGINE_CONFIG, from + "=" + text + ": expected unix:///path, tcp://host:port or ssh://[user@]host");
      }
      return uri;
    } catch (IllegalArgumentException e) {
      throw new BenchError(BenchError.Kind.BAD_ENGINE_CONFIG, from + "=" + text + ": not an address (" + e.getMessage() + ")");
    }
  }

  /** A transport to this engine. */
  public EngineTransport transport() throws BenchError {
    switch (uri.getScheme()) {
      case "unix":
        return SocketTransport.unix(uri.getPath());
      case "tcp":
      case "http":
      case "https":
        if (uri.getHost() == null) {
          throw new BenchError(BenchError.Kind.BAD_ENGINE_CONFIG, uri + " (" + from + "): no host name; expected tcp://HOST:PORT");
        }
        if (tls.isPresent()) {
          int port = uri.getPort() > 0 ? uri.getPort() : 2376;
          return SocketTransport.tls(uri.getHost(), port, tls.get().context(), tls.get().verify(), tls.get());
        }
        return SocketTransport.tcp(uri.getHost(), uri.getPort() > 0 ? uri.getPort() : 2375);
      case "ssh":
        return SocketTransport.ssh(new SshDialer(sshCommand(), SshCommand.parse(uri, from).target()));
      default:
        throw new BenchError(BenchError.Kind.UNSUPPORTED_ENGINE, uri + " (" + from + "): unsupported scheme '" + uri.getScheme()
            + "'; expected unix://, tcp:// or ssh://");
    }
  }

  /**
   * For an {@code ssh://} engine, the command each connection runs (the verbose output prints it);
   * empty for the others. Fails (exit 2) when the address is malformed or no ssh is on the PATH.
   */
  public List<String> sshCommand() throws BenchError {
    if (!"ssh".equals(uri.getScheme())) {
      return List.of();
    }
    SshCommand command = SshCommand.parse(uri, from);
    if (ssh.binary().isEmpty()) {
      throw new BenchError(BenchError.Kind.UNSUPPORTED_ENGINE, uri + " (" + from + ") is reached through the ssh client, and no ssh is "
          + "on the PATH; install OpenSSH's client (Debian, Ubuntu: apt-get install openssh-client)");
    }
    return command.argv(ssh.binary().get(), ssh.options());
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public String toString() {
    return uri + " (" + from + (tls.isPresent() ? ", TLS" + (tls.get().verify() ? "" : " unverified") : "") + ")";
  }
}
