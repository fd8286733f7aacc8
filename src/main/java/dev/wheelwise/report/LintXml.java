package dev.wheelwise.report;

import dev.wheelwise.Finding;
import dev.wheelwise.lint.LintResult;
import java.util.List;

/** {@code lint --format checkstyle} and {@code junit}: the XML reports CI servers read, as hadolint writes them. */
public final class LintXml {
  private LintXml() {}

  /** Checkstyle 4.3 XML: a {@code file} per input, an {@code error} per finding ({@code source} is the code). */
  public static String checkstyle(List<LintResult> results) {
    StringBuilder out = new StringBuilder("<?xml version='1.0' encoding='UTF-8'?>\n<checkstyle version='4.3'>\n");
    for (LintResult r : results) {
      out.append("  <file name='").append(esc(r.source())).append("'>\n");
      for (Finding f : r.findings()) {
        String severity = f.severity() == Finding.Severity.STYLE ? "info" : f.severity().label();
        out.append("    <error line='").append(f.span().line()).append("' column='").append(f.span().column())
            .append("' severity='").append(severity).append("' message='").append(esc(f.message()))
            .append("' source='").append(esc(f.code())).append("'/>\n");
      }
      out.append("  </file>\n");
    }
    return out.append("</checkstyle>\n").toString();
  }

  /** JUnit XML: a test suite per file, a failing test case per finding (a clean file has one passing case). */
  public static String junit(List<LintResult> results) {
    int total = results.stream().mapToInt(r -> Math.max(1, r.findings().size())).sum();
    int failures = results.stream().mapToInt(r -> r.findings().size()).sum();
    StringBuilder out = new StringBuilder("<?xml version='1.0' encoding='UTF-8'?>\n");
    out.append("<testsuites name='wheelwise lint' tests='").append(total).append("' failures='").append(failures).append("'>\n");
    for (LintResult r : results) {
      out.append("  <testsuite name='").append(esc(r.source())).append("' tests='").append(Math.max(1, r.findings().size()))
          .append("' failures='").append(r.findings().size()).append("'>\n");
      if (r.findings().isEmpty()) {
        out.append("    <testcase name='lint' classname='").append(esc(r.source())).append("'/>\n");
      }
      for (Finding f : r.findings()) {
        out.append("    <testcase name='").append(esc(f.code() + " line " + f.span().line())).append("' classname='")
            .append(esc(r.source())).append("'>\n      <failure message='").append(esc(f.message())).append("' type='")
            .append(f.severity().label()).append("'>").append(esc(f.span().location() + " " + f.code() + " " + f.message()))
            .append("</failure>\n    </testcase>\n");
      }
      out.append("  </testsuite>\n");
    }
    return out.append("</testsuites>\n").toString();
  }

  static String esc(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '\'' -> out.append("&apos;");
        case '"' -> out.append("&quot;");
        default -> {
          // XML 1.0 forbids most control characters even escaped
          if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
            out.append('?');
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }
}
