package dev.wheelwise.image;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wheelwise.testing.Archives;
import dev.wheelwise.testing.Archives.Entry;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Builds small OCI images in memory (tar layers, config, manifest, index) and pushes them with
 * the distribution API's upload protocol: {@code POST /v2/NAME/blobs/uploads/}, {@code PUT
 * LOCATION?digest=…}, {@code PUT /v2/NAME/manifests/REF}.
 */
final class TestImages {
  private TestImages() {}

  /** A layer: its uncompressed tar, the blob as pushed and its media type. */
  record Layer(byte[] tar, byte[] blob, String mediaType) {
    String digest() {
      return "sha256:" + RegistryClient.sha256(blob);
    }
  }

  static Layer gzipLayer(Entry... entries) {
    byte[] tar = Archives.tar(List.of(entries));
    return new Layer(tar, Archives.gzip(tar), "application/vnd.oci.image.layer.v1.tar+gzip");
  }

  static Layer plainLayer(Entry... entries) {
    byte[] tar = Archives.tar(List.of(entries));
    return new Layer(tar, tar, "application/vnd.oci.image.layer.v1.tar");
  }

  static byte[] config(String architecture, String variant, Map<String, String> env, List<Layer> layers) throws IOException {
    ObjectMapper m = new ObjectMapper();
    ObjectNode c = m.createObjectNode();
    c.put("architecture", architecture);
    if (variant != null) {
      c.put("variant", variant);
    }
    c.put("os", "linux");
    ArrayNode envs = c.putObject("config").putArray("Env");
    envs.add("PATH=/usr/local/bin:/usr/bin:/bin");
    env.forEach((k, v) -> envs.add(k + "=" + v));
    ObjectNode rootfs = c.putObject("rootfs");
    rootfs.put("type", "layers");
    ArrayNode diffIds = rootfs.putArray("diff_ids");
    for (Layer l : layers) {
      diffIds.add("sha256:" + RegistryClient.sha256(l.tar()));
    }
    return m.writeValueAsBytes(c);
  }

  static byte[] manifest(byte[] config, List<Layer> layers) throws IOException {
    ObjectMapper m = new ObjectMapper();
    ObjectNode o = m.createObjectNode();
    o.put("schemaVersion", 2);
    o.put("mediaType", RegistryClient.OCI_MANIFEST);
    ObjectNode c = o.putObject("config");
    c.put("mediaType", "application/vnd.oci.image.config.v1+json");
    c.put("digest", "sha256:" + RegistryClient.sha256(config));
    c.put("size", config.length);
    ArrayNode ls = o.putArray("layers");
    for (Layer l : layers) {
      ObjectNode n = ls.addObject();
      n.put("mediaType", l.mediaType());
      n.put("digest", l.digest());
      n.put("size", l.blob().length);
    }
    return m.writeValueAsBytes(o);
  }

  /** An index of {@code (manifest, os/arch[/variant])} pairs; a null platform is an attestation (unknown/unknown). */
  static byte[] index(List<Object[]> manifests) throws IOException {
    ObjectMapper m = new ObjectMapper();
    ObjectNode o = m.createObjectNode();
    o.put("schemaVersion", 2);
    o.put("mediaType", RegistryClient.OCI_INDEX);
    ArrayNode list = o.putArray("manifests");
    for (Object[] pair : manifests) {
      byte[] manifest = (byte[]) pair[0];
      String platform = (String) pair[1];
      ObjectNode n = list.addObject();
      n.put("mediaType", RegistryClient.OCI_MANIFEST);
      n.put("digest", "sha256:" + RegistryClient.sha256(manifest));
      n.put("size", manifest.length);
      String[] parts = platform == null ? new String[] {"unknown", "unknown"} : platform.split("/");
      ObjectNode p = n.putObject("platform");
      p.put("os", parts[0]);
      p.put("architecture", parts[1]);
      if (parts.length > 2) {
        p.put("variant", parts[2]);
      }
    }
    return m.writeValueAsBytes(o);
  }

  /** The project's own push code: blob uploads (POST then monolithic PUT) and manifest PUTs. */
  static final class Pusher {
    private final OkHttpClient http;
    private final String base;
    private final String repository;

    Pusher(OkHttpClient http, String base, String repository) {
      this.http = http;
      this.base = base;
      this.repository = repository;
    }

    void blob(byte[] data) throws IOException {
      String digest = "sha256:" + RegistryClient.sha256(data);
      String location;
      try (Response r = http.newCall(new Request.Builder().url(base + "/v2/" + repository + "/blobs/uploads/")
          .post(RequestBody.create(new byte[0], null)).build()).execute()) {
        require(r, 202);
        location = r.header("Location");
      }
      HttpUrl upload = HttpUrl.get(base).resolve(location).newBuilder().addQueryParameter("digest", digest).build();
      try (Response r = http.newCall(new Request.Builder().url(upload)
          .put(RequestBody.create(data, MediaType.get("application/octet-stream"))).build()).execute()) {
        require(r, 201);
      }
    }

    void manifest(String reference, byte[] body, String mediaType) throws IOException {
      try (Response r = http.newCall(new Request.Builder().url(base + "/v2/" + repository + "/manifests/" + reference)
          .put(RequestBody.create(body, MediaType.get(mediaType))).build()).execute()) {
        require(r, 201);
      }
    }

    /** Pushes layers, config and manifest; returns the manifest bytes. */
    byte[] image(byte[] config, List<Layer> layers, String reference) throws IOException {
      for (Layer l : layers) {
        blob(l.blob());
      }
      blob(config);
      byte[] manifest = TestImages.manifest(config, layers);
      manifest(reference != null ? reference : "sha256:" + RegistryClient.sha256(manifest), manifest, RegistryClient.OCI_MANIFEST);
      return manifest;
    }

    private static void require(Response r, int code) throws IOException {
      if (r.code() != code) {
        throw new IOException(r.request().method() + " " + r.request().url() + " answered " + r.code() + ": " + (r.body() == null ? "" : r.body().string()));
      }
    }
  }

  static List<Layer> layers(Layer... layers) {
    return new ArrayList<>(List.of(layers));
  }
}
