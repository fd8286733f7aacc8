package dev.wheelwise.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.junit.jupiter.api.Test;

/**
 * A manifest is read whole, so it is bounded by {@link RegistryClient#MAX_DOCUMENT_BYTES}: one
 * of exactly that size is read (and judged on its content), one byte more is refused by name.
 * The answer comes from an interceptor: only the client's reading of the body is under test.
 */
class RegistryLimitsTest {

  private static RegistryClient answering(byte[] body) {
    return new RegistryClient(new OkHttpClient.Builder().addInterceptor(chain -> new Response.Builder()
        .request(chain.request()).protocol(Protocol.HTTP_1_1).code(200).message("OK")
        .body(ResponseBody.create(body, MediaType.get("application/vnd.oci.image.manifest.v1+json"))).build()).build());
  }

  private static byte[] manifestOf(long size) {
    byte[] body = new byte[(int) size];
    Arrays.fill(body, (byte) ' ');
    byte[] json = "{\"schemaVersion\": 2}".getBytes(StandardCharsets.UTF_8);
    System.arraycopy(json, 0, body, 0, json.length);
    return body;
  }

  @Test
  void aManifestAtTheLimitIsReadAndOneBytePastIsRefused() throws Exception {
    ImageReference ref = ImageReference.parse("localhost:5000/team/python:3.12");
    long max = RegistryClient.MAX_DOCUMENT_BYTES;
    assertThat(answering(manifestOf(max)).manifest(ref, "3.12").json().path("schemaVersion").asInt()).isEqualTo(2);
    assertThatThrownBy(() -> answering(manifestOf(max + 1)).manifest(ref, "3.12"))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("answered more than " + max + " bytes for a manifest or config (wheelwise's limit; no option raises it)");
  }
}
