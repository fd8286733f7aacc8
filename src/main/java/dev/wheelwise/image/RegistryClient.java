package dev.wheelwise.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;

/**
 * A read-only client of the OCI distribution API ({@code GET /v2/NAME/manifests/REF}, {@code
 * GET /v2/NAME/blobs/DIGEST}) with anonymous bearer tokens as Docker Hub and GHCR hand them
 * out. Loopback registries are spoken to over plain HTTP, as Docker does for 127.0.0.0/8;
 * every other one over HTTPS. Manifests are checked against their digest.
 */
final class RegistryClient {

  static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
  static final String DOCKER_LIST = "application/vnd.docker.distribution.manifest.list.v2+json";
  static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
  static final String DOCKER_MANIFEST = "application/vnd.docker.distribution.manifest.v2+json";
  private static final String ACCEPT = String.join(", ", OCI_INDEX, DOCKER_LIST, OCI_MANIFEST, DOCKER_MANIFEST);
  private static final Pattern BEARER = Pattern.compile("(\\w+)=\"([^\"]*)\"");

  /** A manifest or index as served: its bytes, media type and digest. */
  record Document(byte[] body, String mediaType, String digest, JsonNode json) {}

  private final OkHttpClient http;
  private final ObjectMapper mapper = new ObjectMapper();
  /** Tokens per repository for this client's lifetime (one refresh run). */
  private final Map<String, String> tokens = new ConcurrentHashMap<>();

  RegistryClient(OkHttpClient http) {
    this.http = Objects.requireNonNull(http, "http");
  }

  static HttpUrl base(ImageReference ref) {
    String registry = ref.registry().equals(ImageReference.DOCKER_HUB) ? "registry-1.docker.io" : ref.registry();
    String host = registry.replaceFirst(":\\d+$", "").replace("[", "").replace("]", "");
    boolean loopback = host.equals("localhost") || host.startsWith("127.") || host.equals("::1");
    return HttpUrl.get((loopback ? "http://" : "https://") + registry + "/v2/");
  }

  Document manifest(ImageReference ref, String reference) throws IOException {
    HttpUrl url = base(ref).newBuilder().addPathSegments(ref.repository()).addPathSegment("manifests").addPathSegment(reference).build();
    try (Response response = get(ref, url, ACCEPT)) {
      byte[] body = limited(response);
      String digest = "sha256:" + sha256(body);
      String claimed = response.header("Docker-Content-Digest");
      if (reference.startsWith("sha256:") && !reference.equals(digest)) {
        throw new IOException(url + " answered a manifest whose digest is " + digest + ", not " + reference);
      }
      if (claimed != null && claimed.startsWith("sha256:") && !claimed.equals(digest)) {
        throw new IOException(url + " claims digest " + claimed + " but its body hashes to " + digest);
      }
      JsonNode json = mapper.readTree(body);
      String mediaType = json.path("mediaType").asText(Optional.ofNullable(response.header("Content-Type")).orElse(""));
      return new Document(body, mediaType.split(";")[0].trim(), digest, json);
    }
  }

  /** The blob's bytes; for small blobs (configs). */
  byte[] blob(ImageReference ref, String digest) throws IOException {
    try (Response response = get(ref, blobUrl(ref, digest), "*/*")) {
      byte[] body = limited(response);
      if (digest.startsWith("sha256:") && !digest.equals("sha256:" + sha256(body))) {
        throw new IOException("blob " + digest + " of " + ref.name() + " does not match its digest");
      }
      return body;
    }
  }

  /** Streams a blob (a layer) to {@code reader}. */
  <T> T blob(ImageReference ref, String digest, BlobReader<T> reader) throws IOException {
    try (Response response = get(ref, blobUrl(ref, digest), "*/*"); InputStream in = body(response).byteStream()) {
      return reader.read(in);
    }
  }

  interface BlobReader<T> {
    T read(InputStream in) throws IOException;
  }

  private HttpUrl blobUrl(ImageReference ref, String digest) {
    return base(ref).newBuilder().addPathSegments(ref.repository()).addPathSegment("blobs").addPathSegment(digest).build();
  }

  private Response get(ImageReference ref, HttpUrl url, String accept) throws IOException {
    Request.Builder request = new Request.Builder().url(url).header("Accept", accept);
    String token = tokens.get(ref.name());
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    Response response = http.newCall(request.build()).execute();
    if (response.code() == 401 && token == null) {
      String challenge = response.header("WWW-Authenticate", "");
      response.close();
      tokens.put(ref.name(), token(ref, challenge));
      return get(ref, url, accept);
    }
    if (!response.isSuccessful()) {
      int code = response.code();
      response.close();
      throw new IOException(url + " answered HTTP " + code + (code == 404 ? " (no such image, tag or blob)" : ""));
    }
    return response;
  }

  /** An anonymous pull token from the realm a {@code WWW-Authenticate: Bearer} challenge names. */
  private String token(ImageReference ref, String challenge) throws IOException {
    if (!challenge.toLowerCase(Locale.ROOT).startsWith("bearer ")) {
      throw new IOException(ref.registry() + " requires authentication (" + challenge + "); only anonymous pulls are supported");
    }
    Map<String, String> params = new java.util.HashMap<>();
    Matcher m = BEARER.matcher(challenge);
    while (m.find()) {
      params.put(m.group(1), m.group(2));
    }
    HttpUrl realm = HttpUrl.parse(params.getOrDefault("realm", ""));
    if (realm == null) {
      throw new IOException(ref.registry() + " sent a bearer challenge without a usable realm: " + challenge);
    }
    HttpUrl.Builder url = realm.newBuilder().addQueryParameter("scope", "repository:" + ref.repository() + ":pull");
    if (params.containsKey("service")) {
      url.addQueryParameter("service", params.get("service"));
    }
    try (Response response = http.newCall(new Request.Builder().url(url.build()).build()).execute()) {
      if (!response.isSuccessful()) {
        throw new IOException(realm + " refused an anonymous token: HTTP " + response.code());
      }
      JsonNode json = mapper.readTree(body(response).bytes());
      String token = json.path("token").asText(json.path("access_token").asText(""));
      if (token.isEmpty()) {
        throw new IOException(realm + " answered no token");
      }
      return token;
    }
  }

  /**
   * Manifests and configs are read whole, so they are bounded: 4 MiB, the manifest size the OCI
   * distribution spec has registries accept (real ones are a few KiB). Layers are streamed.
   */
  static final long MAX_DOCUMENT_BYTES = 4L << 20;

  private static byte[] limited(Response response) throws IOException {
    ResponseBody body = body(response);
    BufferedSource source = body.source();
    if (body.contentLength() > MAX_DOCUMENT_BYTES || source.request(MAX_DOCUMENT_BYTES + 1)) {
      throw new IOException(response.request().url() + " answered more than " + MAX_DOCUMENT_BYTES
          + " bytes for a manifest or config (wheelwise's limit; no option raises it)");
    }
    return source.readByteArray();
  }

  private static ResponseBody body(Response response) throws IOException {
    ResponseBody body = response.body();
    if (body == null) {
      throw new IOException(response.request().url() + " answered no body");
    }
    return body;
  }

  static String sha256(byte[] data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
