package dev.wheelwise.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * Where the engine is, as the docker CLI finds it: {@code --context}, else {@code DOCKER_HOST},
 * else {@code DOCKER_CONTEXT}, else the current context of {@code ~/.docker/config.json}, else
 * {@code unix:///var/run/docker.sock}. A context is read from
 * {@code ~/.docker/contexts/meta/<sha256 of its name>/meta.json} ({@code Endpoints.docker.Host}).
 * {@code unix://} and plain {@code tcp://} are spoken; TLS ({@code DOCKER_TLS_VERIFY}, a
 * context with TLS material) and {@code ssh://} are refused with {@link BenchError.Kind#UNSUPPORTED_ENGINE}.
 *
 * @param uri the engine's address as written ({@code unix:///var/run/docker.sock})
 * @param from where it was found, for messages ({@code DOCKER_HOST}, {@code context 'remote'})
 */
public record EngineHost(URI uri, String from) {

  public static final String DEFAULT = "unix:///var/run/docker.sock";

  /** The engine the environment names; {@code context} is {@code --context} when given. */
  public static EngineHost find(Map<String, String> env, Path home, Optional<String> context) throws BenchError {
    if (context.isPresent()) {
      return ofContext(context.get(), home);
    }
    String host = env.get("DOCKER_HOST");
    if (host != null && !host.isBlank()) {
      if ("1".equals(env.get("DOCKER_TLS_VERIFY"))) {
        throw new BenchError(BenchError.Kind.UNSUPPORTED_ENGINE,
            "DOCKER_TLS_VERIFY=1: engines behind TLS are not supported yet; reach it through an ssh tunnel to its socket "
                + "(ssh -L /tmp/docker.sock:/var/run/docker.sock HOST, then DOCKER_HOST=unix:///tmp/docker.sock)");
      }
      return new EngineHost(parse(host, "DOCKER_HOST"), "DOCKER_HOST");
    }
    String named = env.get("DOCKER_CONTEXT");
    if (named == null || named.isBlank()) {
      named = currentContext(env, home).orElse(null);
    }
    if (named != null && !named.isBlank() && !named.equals("default")) {
      return ofContext(named, home);
    }
    return new EngineHost(URI.create(DEFAULT), "the default socket");
  }

  private static Optional<String> currentContext(Map<String, String> env, Path home) {
    Path config = Path.of(env.getOrDefault("DOCKER_CONFIG", home.resolve(".docker").toString())).resolve("config.json");
    try {
      JsonNode node = new ObjectMapper().readTree(Files.readString(config));
      return Optional.ofNullable(node.path("currentContext").textValue());
    } catch (IOException unreadable) {
      return Optional.empty();
    }
  }

  private static EngineHost ofContext(String name, Path home) throws BenchError {
    if (name.equals("default")) {
      return new EngineHost(URI.create(DEFAULT), "context 'default'");
    }
    Path meta = home.resolve(".docker/contexts/meta").resolve(sha256(name)).resolve("meta.json");
    JsonNode node;
    try {
      node = new ObjectMapper().readTree(Files.readString(meta));
    } catch (IOException e) {
      throw new BenchError(BenchError.Kind.NO_ENGINE, "docker context '" + name + "': cannot read " + meta + " (" + e.getMessage() + ")");
    }
    JsonNode docker = node.path("Endpoints").path("docker");
    String host = docker.path("Host").asText("");
    if (host.isEmpty()) {
      throw new BenchError(BenchError.Kind.NO_ENGINE, "docker context '" + name + "' names no docker endpoint (" + meta + ")");
    }
    if (!docker.path("SkipTLSVerify").isMissingNode() && Files.isDirectory(home.resolve(".docker/contexts/tls").resolve(sha256(name)))) {
      throw new BenchError(BenchError.Kind.UNSUPPORTED_ENGINE, "docker context '" + name + "' uses TLS, which is not supported yet");
    }
    return new EngineHost(parse(host, "context '" + name + "'"), "context '" + name + "'");
  }

  private static URI parse(String text, String from) throws BenchError {
    try {
      URI uri = URI.create(text.trim());
      if (uri.getScheme() == null) {
        throw new BenchError(BenchError.Kind.NO_ENGINE, from + "=" + text + ": expected unix:///path or tcp://host:port");
      }
      return uri;
    } catch (IllegalArgumentException e) {
      throw new BenchError(BenchError.Kind.NO_ENGINE, from + "=" + text + ": not an address (" + e.getMessage() + ")");
    }
  }

  /** A transport to this engine. */
  public EngineTransport transport() throws BenchError {
    switch (uri.getScheme()) {
      case "unix":
        return new SocketTransport(UnixDomainSocketAddress.of(uri.getPath()), "docker");
      case "tcp":
      case "http":
        int port = uri.getPort() > 0 ? uri.getPort() : 2375;
        SocketAddress tcp = new InetSocketAddress(uri.getHost(), port);
        return new SocketTransport(tcp, uri.getHost() + ":" + port);
      case "ssh":
        throw new BenchError(BenchError.Kind.UNSUPPORTED_ENGINE, uri + " (" + from + "): ssh engines are not supported yet; "
            + "forward the socket instead: ssh -L /tmp/docker.sock:/var/run/docker.sock " + uri.getHost()
            + ", then DOCKER_HOST=unix:///tmp/docker.sock");
      default:
        throw new BenchError(BenchError.Kind.UNSUPPORTED_ENGINE, uri + " (" + from + "): unsupported scheme '" + uri.getScheme() + "'");
    }
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
    return uri + " (" + from + ")";
  }
}
