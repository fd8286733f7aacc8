package dev.wheelwise.report;

import dev.wheelwise.advise.CheckResult;
import dev.wheelwise.advise.ImagePlan;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * {@code check --format html}: one self-contained page (inline CSS, no scripts, nothing fetched)
 * with what the terminal table shows: the comparison, each image's details, the recommendation
 * and remedies, and where the files came from. Package names, reasons and paths come from the
 * user's files, so the page is built as elements whose text jsoup escapes, never by pasting
 * strings, and its Content-Security-Policy allows no script and no fetch should any slip through.
 */
public final class CheckHtml {

  private static final String CSS = """
      body { font: 15px/1.45 system-ui, sans-serif; margin: 2rem auto; max-width: 80rem; padding: 0 1rem; color: #1b1b1b; }
      table { border-collapse: collapse; width: 100%; font-size: 14px; }
      th, td { border: 1px solid #ccc; padding: .3rem .5rem; text-align: left; vertical-align: top; }
      th { background: #f2f2f2; }
      td:first-child, td:nth-child(2) { white-space: nowrap; }
      td.verdict { font-weight: 600; }
      .verdict-wheels { color: #116329; } .verdict-builds { color: #7d4e00; }
      .verdict-fails, .verdict-unavailable, li.fails, li.none { color: #a40e26; }
      .verdict-unknown, li.unknown { color: #57606a; }
      li.sdist { color: #7d4e00; }
      code { font: 13px ui-monospace, monospace; background: #f6f8fa; padding: 0 .2rem; }
      .source { color: #57606a; }
      """;

  private CheckHtml() {}

  public static String render(CheckResult result) {
    Document doc = HtmlPage.shell("wheelwise check", CSS + MatrixHtml.CSS);

    Element body = doc.body();
    body.appendElement("h1").text("wheelwise check");
    source(body.appendElement("p").addClass("source"), result);
    recommendation(body.appendElement("section").addClass("recommendation"), result);
    if (!result.matrix().cells().isEmpty()) {
      MatrixHtml.grid(body.appendElement("section").addClass("matrix"), result.matrix());
    }
    table(body.appendElement("table").addClass("comparison"), result);
    MatrixHtml.charts(body.appendElement("section").addClass("charts"), result);
    for (ImagePlan p : result.images()) {
      List<CheckTable.Detail> details = result.detailed(p) ? CheckTable.details(p, "") : List.of();
      if (!details.isEmpty()) {
        Element section = body.appendElement("section").addClass("image");
        section.appendElement("h2").text(p.image().image() + " (" + p.image().platform() + ")");
        Element list = section.appendElement("ul");
        details.forEach(d -> list.appendElement("li").addClass(d.kind()).text(d.text()));
      }
    }
    if (!result.remedies().isEmpty()) {
      Element section = body.appendElement("section").addClass("remedies");
      section.appendElement("h2").text("Remedies");
      Element list = section.appendElement("ul");
      for (CheckResult.Remedy r : result.remedies()) {
        list.appendElement("li").addClass(r.kind()).text(r.image() + " (" + r.platform() + "): " + r.text().strip());
      }
    }
    return doc.outerHtml() + "\n";
  }

  private static void source(Element p, CheckResult result) {
    p.appendText("Files from ");
    p.appendElement("code").text(result.index());
    result.asOf().ifPresent(d -> p.appendText(", uploaded by " + d));
    p.appendText(". Inputs: ");
    for (int i = 0; i < result.inputs().size(); i++) {
      p.appendText(i == 0 ? "" : ", ");
      p.appendElement("code").text(result.inputs().get(i).path());
      p.appendText(" (" + result.inputs().get(i).kind() + ")");
    }
    p.appendText(".");
  }

  private static void table(Element table, CheckResult result) {
    Element header = table.appendElement("thead").appendElement("tr");
    CheckTable.HEADERS.forEach(h -> header.appendElement("th").text(h));
    Element rows = table.appendElement("tbody");
    List<List<String>> cells = CheckTable.rows(result);
    for (List<String> row : cells) {
      Element tr = rows.appendElement("tr");
      for (int i = 0; i < row.size(); i++) {
        Element td = tr.appendElement("td").text(row.get(i));
        if (i == row.size() - 1) {
          td.addClass("verdict").addClass("verdict-" + row.get(i));
        }
      }
    }
  }

  private static void recommendation(Element section, CheckResult result) {
    section.appendElement("h2").text("Recommendation");
    if (result.recommendation().isEmpty()) {
      section.appendElement("p").text(CheckTable.NO_RECOMMENDATION);
      result.nearest().ifPresent(n -> {
        section.appendElement("p").text("Nearest: " + n.image() + " (" + n.platform() + "), blocked by:");
        Element list = section.appendElement("ul").addClass("blocking");
        n.blocking().forEach(b -> list.appendElement("li").text(b));
      });
      return;
    }
    section.appendElement("p").appendElement("strong").text(result.recommendation().get().image());
    Element reasons = section.appendElement("ul");
    result.recommendation().get().reasons().forEach(r -> reasons.appendElement("li").text(r));
    result.recommendation().get().setup().ifPresent(line -> section.appendElement("pre").addClass("setup").appendElement("code").text(line));
  }
}
