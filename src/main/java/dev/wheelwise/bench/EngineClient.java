package dev.wheelwise.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wheelwise.bench.json.BuildMessageJson;
import dev.wheelwise.bench.json.ContainerJson;
import dev.wheelwise.bench.json.ImageJson;
import dev.wheelwise.bench.json.VersionJson;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The Docker Engine API calls bench needs (API 1.41, Docker 20.10 and later): version, build,
 * image inspect/list/remove, and a container's life (create, start, wait, logs, remove).
 * Nothing here pulls or pushes: a build's FROM image that is missing is the engine's business,
 * and describing an image that is not on the engine fails with {@link BenchError.Kind#NO_SUCH_IMAGE}.
 * The transport is injected (jib's {@code DockerClient} does the same with its process factory).
 * Close the client when done: over ssh that ends its ssh processes.
 */
public final class EngineClient implements AutoCloseable {
  private static final String API = "/v1.41";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final EngineTransport transport;
  private final String where;

  public EngineClient(EngineTransport transport, String where) {
    this.transport = Objects.requireNonNull(transport, "transport");
    this.where = Objects.requireNonNull(where, "where");
  }

  public static EngineClient connect(EngineHost host) throws BenchError {
    return new EngineClient(host.transport(), host.toString());
  }

  /** Ends the transport's open connections (and, over ssh, their processes); safe to call more than once. */
  @Override
  public void close() {
    transport.close();
  }

  /** Where the engine is, for messages. */
  public String where() {
    return where;
  }

  /** The engine's version; fails with {@link BenchError.Kind#NO_ENGINE} when nothing answers. */
  public VersionJson version() throws BenchError {
    return VersionJson.from(json(EngineTransport.Request.get(API + "/version"), "GET /version"));
  }

  /** The engine's CPU count ({@code GET /info}, {@code NCPU}); 0 when it does not say. */
  public int cores() throws BenchError {
    return json(EngineTransport.Request.get(API + "/info"), "GET /info").path("NCPU").asInt(0);
  }

  /** The answer to one build, with the messages handed to {@code each} as they arrive. */
  public record Built(Optional<String> imageId, Optional<String> error) {}

  /**
   * Builds {@code context} (a tar) with the query parameters given ({@code dockerfile}, {@code t},
   * {@code labels}, {@code nocache}, {@code networkmode}…); each JSON line goes to {@code each}
   * as it arrives. A build that fails is an answer, not an error: {@code error} says why.
   */
  public Built build(Map<String, String> query, byte[] context, Consumer<BuildMessageJson> each) throws BenchError {
    EngineTransport.Request request = new EngineTransport.Request("POST", API + "/build" + query(query), "application/x-tar", context);
    Optional<String> id = Optional.empty();
    Optional<String> error = Optional.empty();
    try (EngineTransport.Response response = send(request, "POST /build")) {
      if (response.status() != 200) {
        throw failed("POST /build", response);
      }
      BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        if (line.isBlank()) {
          continue;
        }
        BuildMessageJson message = BuildMessageJson.from(JSON.readTree(line));
        if (message.imageId().isPresent()) {
          id = message.imageId();
        }
        if (message.error().isPresent() && error.isEmpty()) {
          error = message.error();
        }
        each.accept(message);
      }
    } catch (IOException e) {
      throw new BenchError(BenchError.Kind.ENGINE_ERROR, "the build's answer broke off (" + where + "): " + e.getMessage(), e);
    }
    return new Built(error.isPresent() ? Optional.empty() : id, error);
  }

  /** The image named or with that id, when the engine has it. */
  public Optional<ImageJson> image(String reference) throws BenchError {
    try (EngineTransport.Response response = send(EngineTransport.Request.get(API + "/images/" + path(reference) + "/json"), "GET /images")) {
      if (response.status() == 404) {
        return Optional.empty();
      }
      if (response.status() != 200) {
        throw failed("GET /images/" + reference + "/json", response);
      }
      return Optional.of(ImageJson.from(JSON.readTree(response.bytes())));
    } catch (IOException e) {
      throw new BenchError(BenchError.Kind.ENGINE_ERROR, "GET /images/" + reference + "/json: " + e.getMessage(), e);
    }
  }

  /** Images carrying {@code label} ({@code key=value}). */
  public List<ImageJson> images(String label) throws BenchError {
    List<ImageJson> out = new ArrayList<>();
    json(EngineTransport.Request.get(API + "/images/json?all=1&filters=" + encode(labelFilter(label))), "GET /images/json")
        .forEach(n -> out.add(ImageJson.from(n)));
    return out;
  }

  /** Containers, running or not, carrying {@code label} ({@code key=value}; all containers for ""). */
  public List<ContainerJson> containers(String label) throws BenchError {
    List<ContainerJson> out = new ArrayList<>();
    String filter = label.isEmpty() ? "" : "&filters=" + encode(labelFilter(label));
    json(EngineTransport.Request.get(API + "/containers/json?all=1" + filter), "GET /containers/json")
        .forEach(n -> out.add(ContainerJson.from(n)));
    return out;
  }

  /** Removes an image (and its untagged parents); one that is already gone is fine. */
  public void removeImage(String id) throws BenchError {
    delete(API + "/images/" + path(id) + "?force=1", "DELETE /images/" + id);
  }

  /** Removes a container, stopping it first; false when it was already gone. */
  public boolean removeContainer(String id) throws BenchError {
    return delete(API + "/containers/" + path(id) + "?force=1&v=1", "DELETE /containers/" + id);
  }

  /**
   * Creates a container of {@code image} running {@code command} (entrypoint cleared), with
   * {@code labels}; no network, nothing mounted. Returns its id.
   */
  public String createContainer(String image, List<String> command, Map<String, String> labels) throws BenchError {
    ObjectNode body = JSON.createObjectNode();
    body.put("Image", image);
    body.putArray("Entrypoint");
    command.forEach(body.putArray("Cmd")::add);
    ObjectNode l = body.putObject("Labels");
    labels.forEach(l::put);
    body.putObject("HostConfig").put("NetworkMode", "none");
    body.put("NetworkDisabled", true);
    byte[] bytes;
    try {
      bytes = JSON.writeValueAsBytes(body);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    try (EngineTransport.Response response = send(new EngineTransport.Request("POST", API + "/containers/create", "application/json", bytes),
        "POST /containers/create")) {
      if (response.status() == 404) {
        throw new BenchError(BenchError.Kind.NO_SUCH_IMAGE, image + " is not on the engine (" + where + "); bench does not pull: "
            + "docker pull " + image + " first");
      }
      if (response.status() != 201) {
        throw failed("POST /containers/create", response);
      }
      return JSON.readTree(response.bytes()).path("Id").asText();
    } catch (IOException e) {
      throw new BenchError(BenchError.Kind.ENGINE_ERROR, "POST /containers/create: " + e.getMessage(), e);
    }
  }

  public void start(String container) throws BenchError {
    expect(new EngineTransport.Request("POST", API + "/containers/" + path(container) + "/start", "", new byte[0]), 204, "start " + container);
  }

  /** Waits for the container to stop; its exit code. */
  public int await(String container) throws BenchError {
    return json(new EngineTransport.Request("POST", API + "/containers/" + path(container) + "/wait", "", new byte[0]), "wait " + container)
        .path("StatusCode").asInt(-1);
  }

  /** A stopped container's output: standard output and standard error, each whole. */
  public record Output(String stdout, String stderr) {}

  /** The container's output, from the multiplexed stream (8-byte frame headers; no TTY). */
  public Output logs(String container) throws BenchError {
    try (EngineTransport.Response response = send(
        EngineTransport.Request.get(API + "/containers/" + path(container) + "/logs?stdout=1&stderr=1"), "logs " + container)) {
      if (response.status() != 200) {
        throw failed("logs " + container, response);
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      InputStream in = response.body();
      byte[] header = new byte[8];
      while (in.readNBytes(header, 0, 8) == 8) {
        int length = ((header[4] & 0xff) << 24) | ((header[5] & 0xff) << 16) | ((header[6] & 0xff) << 8) | (header[7] & 0xff);
        byte[] frame = in.readNBytes(length);
        (header[0] == 2 ? err : out).write(frame);
      }
      return new Output(out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new BenchError(BenchError.Kind.ENGINE_ERROR, "logs " + container + ": " + e.getMessage(), e);
    }
  }

  private boolean delete(String pathAndQuery, String what) throws BenchError {
    try (EngineTransport.Response response = send(new EngineTransport.Request("DELETE", pathAndQuery, "", new byte[0]), what)) {
      if (response.status() != 200 && response.status() != 204 && response.status() != 404) {
        throw failed(what, response);
      }
      return response.status() != 404;
    } catch (IOException e) {
      throw new BenchError(BenchError.Kind.ENGINE_ERROR, what + ": " + e.getMessage(), e);
    }
  }

  private void expect(EngineTransport.Request request, int status, String what) throws BenchError {
    try (EngineTransport.Response response = send(request, what)) {
      if (response.status() != status && response.status() != 304) {
        throw failed(what, response);
      }
    } catch (IOException e) {
      throw new BenchError(BenchError.Kind.ENGINE_ERROR, what + ": " + e.getMessage(), e);
    }
  }

  private JsonNode json(EngineTransport.Request request, String what) throws BenchError {
    try (EngineTransport.Response response = send(request, what)) {
      if (response.status() / 100 != 2) {
        throw failed(what, response);
      }
      return JSON.readTree(response.bytes());
    } catch (IOException e) {
      throw new BenchError(BenchError.Kind.ENGINE_ERROR, what + " (" + where + "): " + e.getMessage(), e);
    }
  }

  private EngineTransport.Response send(EngineTransport.Request request, String what) throws BenchError {
    try {
      return transport.send(request);
    } catch (SshFailure e) {
      throw new BenchError(BenchError.Kind.NO_ENGINE, "no Docker engine answers at " + where + ": " + e.getMessage(), e);
    } catch (javax.net.ssl.SSLException e) {
      throw new BenchError(BenchError.Kind.NO_ENGINE, "TLS with the engine at " + where + " failed: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new BenchError(BenchError.Kind.NO_ENGINE, "no Docker engine answers at " + where + " (" + what + ": " + e.getMessage()
          + "); start one, or point DOCKER_HOST or --context at one", e);
    }
  }

  private BenchError failed(String what, EngineTransport.Response response) throws IOException {
    String body = new String(response.body().readNBytes(4096), StandardCharsets.UTF_8);
    String message = body;
    try {
      message = JSON.readTree(body).path("message").asText(body);
    } catch (IOException notJson) {
      // the body as it came
    }
    return new BenchError(BenchError.Kind.ENGINE_ERROR, what + ": the engine answered " + response.status() + ": " + message.trim());
  }

  private static String labelFilter(String label) {
    return "{\"label\":[" + quote(label) + "]}";
  }

  private static String quote(String s) {
    try {
      return JSON.writeValueAsString(s);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String query(Map<String, String> query) {
    StringBuilder out = new StringBuilder();
    for (Map.Entry<String, String> e : new LinkedHashMap<>(query).entrySet()) {
      out.append(out.length() == 0 ? '?' : '&').append(encode(e.getKey())).append('=').append(encode(e.getValue()));
    }
    return out.toString();
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String path(String s) {
    // Image references keep their slashes and colons; the engine routes /images/{name}/json with them.
    return encode(s).replace("%2F", "/").replace("%3A", ":");
  }
}
