package dev.wheelwise.report;

import java.nio.charset.StandardCharsets;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.DocumentType;

/**
 * The shell every wheelwise HTML report shares: a self-contained page (UTF-8, a Content Security
 * Policy that allows only the inline style, so nothing is loaded or run), its title and CSS.
 */
final class HtmlPage {
  private HtmlPage() {}

  static Document shell(String title, String css) {
    Document doc = Document.createShell("");
    doc.outputSettings().charset(StandardCharsets.UTF_8);
    doc.prependChild(new DocumentType("html", "", ""));
    doc.selectFirst("html").attr("lang", "en");
    doc.head().appendElement("meta").attr("charset", "utf-8");
    doc.head().appendElement("meta").attr("http-equiv", "Content-Security-Policy")
        .attr("content", "default-src 'none'; style-src 'unsafe-inline'");
    doc.head().appendElement("meta").attr("name", "viewport").attr("content", "width=device-width, initial-scale=1");
    doc.head().appendElement("title").text(title);
    doc.head().appendElement("style").appendChild(new DataNode(css));
    return doc;
  }
}
