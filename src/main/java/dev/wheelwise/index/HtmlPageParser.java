package dev.wheelwise.index;

import dev.wheelwise.pep508.Names;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * PEP 503 HTML project pages (and find-links pages) to {@link ProjectPage}, with the PEP 592
 * {@code data-yanked}, {@code data-requires-python} and PEP 658/714 {@code data-core-metadata}
 * attributes. As pip does, a file is named by its URL's last path segment, and the
 * {@code #sha256=} fragment gives its hash.
 */
final class HtmlPageParser {

  ProjectPage parse(byte[] body, String pageUrl, String projectName, Source source) throws IndexError {
    Document doc = Jsoup.parse(new String(body, StandardCharsets.UTF_8), pageUrl);
    Element meta = doc.selectFirst("meta[name=pypi:repository-version]");
    ApiVersions.check(meta == null ? null : meta.attr("content"), pageUrl);
    Element base = doc.selectFirst("base[href]");
    String baseUrl = base != null ? Urls.resolve(pageUrl, base.attr("href")) : pageUrl;
    List<DistFile> files = new ArrayList<>();
    for (Element a : doc.select("a[href]")) {
      String url = Urls.resolve(baseUrl, a.attr("href"));
      String filename = Urls.lastSegment(url);
      if (filename.isEmpty()) {
        continue;
      }
      files.add(
          new DistFile(
              filename,
              Optional.of(Urls.withoutUserInfo(Urls.withoutFragment(url))),
              fragmentHash(url),
              a.hasAttr("data-requires-python") ? Optional.of(a.attr("data-requires-python")) : Optional.empty(),
              coreMetadata(a),
              a.hasAttr("data-yanked") ? Yanked.yes(a.attr("data-yanked")) : Yanked.NO,
              OptionalLong.empty(),
              Optional.empty()));
    }
    return new ProjectPage(Names.canonicalize(projectName), List.of(), files, List.of(source));
  }

  private static Map<String, String> fragmentHash(String url) {
    int hash = url.indexOf('#');
    if (hash < 0) {
      return Map.of();
    }
    String fragment = url.substring(hash + 1);
    int eq = fragment.indexOf('=');
    if (eq <= 0) {
      return Map.of();
    }
    return SimpleJsonTranslator.lowerValues(Map.of(fragment.substring(0, eq), fragment.substring(eq + 1)));
  }

  /** PEP 714: prefer {@code data-core-metadata}, fall back to {@code data-dist-info-metadata}. */
  private static DistFile.CoreMetadataRef coreMetadata(Element a) {
    String value = a.hasAttr("data-core-metadata") ? a.attr("data-core-metadata")
        : a.hasAttr("data-dist-info-metadata") ? a.attr("data-dist-info-metadata") : null;
    if (value == null || value.equalsIgnoreCase("false")) {
      return DistFile.CoreMetadataRef.NONE;
    }
    int eq = value.indexOf('=');
    if (eq > 0) {
      return new DistFile.CoreMetadataRef(true, SimpleJsonTranslator.lowerValues(Map.of(value.substring(0, eq), value.substring(eq + 1))));
    }
    return new DistFile.CoreMetadataRef(true, Map.of());
  }
}
