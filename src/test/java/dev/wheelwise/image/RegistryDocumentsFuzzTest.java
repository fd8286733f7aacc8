package dev.wheelwise.image;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Arrays;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Any bytes as what a registry answers to {@code images refresh}: NUL bytes split the input into
 * the tag's document (an OCI image index or a manifest), the platform manifest and the config
 * blob; layers are empty. The refresher gives a catalog record, or {@link IOException} /
 * {@link UnknownImage}, never another exception. The answers come from an OkHttp interceptor in
 * this JVM, not a loopback server: a server per input would cost more than the parse
 * ({@link RefreshRegistryTest} covers the transport against a real registry). A digest that
 * is not sha256 is not checked, so seeds name their configs "sha512:…" to reach the config.
 */
class RegistryDocumentsFuzzTest {

  private static final MediaType JSON = MediaType.get("application/vnd.oci.image.index.v1+json");

  @FuzzTest(maxDuration = "10s")
  void refresh(byte[] data) throws InvalidImageReference, InvalidPlatform {
    byte[][] parts = split(data, 3);
    int[] blobs = {0};
    OkHttpClient http = new OkHttpClient.Builder().addInterceptor(chain -> {
      String path = chain.request().url().encodedPath();
      byte[] body;
      if (path.endsWith("/manifests/3.12-alpine")) {
        body = parts[0];
      } else if (path.contains("/manifests/")) {
        body = parts[1];
      } else {
        body = blobs[0]++ == 0 ? parts[2] : new byte[0];
      }
      return new Response.Builder().request(chain.request()).protocol(Protocol.HTTP_1_1).code(200).message("OK")
          .body(ResponseBody.create(body, JSON)).build();
    }).build();
    try {
      new Refresher(http).read(ImageReference.parse("localhost:5000/fuzz/python:3.12-alpine"), Platform.parse("linux/amd64"),
          LocalDate.of(2026, 1, 2)).toString();
    } catch (IOException | UnknownImage expected) {
      // the documented failures: images refresh reports them with the image's name
    } finally {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
  }

  private static byte[][] split(byte[] data, int n) {
    byte[][] parts = new byte[n][];
    int start = 0;
    for (int i = 0; i < n; i++) {
      int end = start;
      while (end < data.length && (data[end] != 0 || i == n - 1)) {
        end++;
      }
      parts[i] = Arrays.copyOfRange(data, Math.min(start, data.length), Math.min(end, data.length));
      start = end + 1;
    }
    return parts;
  }
}
