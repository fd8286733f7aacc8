package dev.wheelwise.index;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Runs the index layer's start-up paths once without any network (a PEP 691 page, a PEP 503
 * page, an HTTP client with its cache) so the launcher's class-data-sharing training run
 * records their classes. Called only by the hidden {@code __train} command.
 */
public final class IndexTraining {
  private IndexTraining() {}

  public static void exercise(java.nio.file.Path scratch) throws IndexError {
    byte[] json = ("{\"meta\":{\"api-version\":\"1.1\"},\"name\":\"six\",\"versions\":[\"1.17.0\"],\"files\":[{\"filename\":"
        + "\"six-1.17.0-py2.py3-none-any.whl\",\"url\":\"six-1.17.0-py2.py3-none-any.whl\",\"hashes\":{\"sha256\":\"00\"},"
        + "\"requires-python\":null,\"size\":1,\"upload-time\":\"2024-12-04T17:35:26.475Z\",\"yanked\":false,\"core-metadata\":{\"sha256\":\"00\"}}]}")
        .getBytes(StandardCharsets.UTF_8);
    new SimpleJsonTranslator().translate(json, "http://127.0.0.1/simple/six/", Source.index("http://127.0.0.1/simple"), true);
    byte[] html = "<a href=\"six-1.17.0.tar.gz#sha256=00\" data-requires-python=\"&gt;=3.8\">six-1.17.0.tar.gz</a>".getBytes(StandardCharsets.UTF_8);
    new HtmlPageParser().parse(html, "http://127.0.0.1/simple/six/", "six", Source.index("http://127.0.0.1/simple"));
    IndexSettings settings = new IndexSettings("http://127.0.0.1:9/simple", List.of(), List.of(), false, IndexSettings.Strategy.MERGE_ALL);
    try (IndexClient client = new IndexClient(settings, HttpSettings.defaults(Optional.of(scratch)), Netrc.EMPTY)) {
      client.describe();
    }
  }
}
