package dev.wheelwise.report;

import dev.wheelwise.lint.fix.Edit;
import dev.wheelwise.lint.fix.Plan;
import java.util.ArrayList;
import java.util.List;

/**
 * A plan as a unified diff ({@code diff -u}, three lines of context) that {@code patch -p1} and
 * {@code git apply} take: {@code # CODE line N: why} lines first (patch skips them), then the
 * hunks. Lines keep their own endings, so a CRLF file gives a CRLF patch.
 */
public final class FixDiff {
  private static final int CONTEXT = 3;

  private FixDiff() {}

  public static String render(String name, String before, Plan plan) {
    if (plan.edits().isEmpty()) {
      return "";
    }
    List<Integer> starts = lineStarts(before);
    StringBuilder out = new StringBuilder();
    for (Edit e : plan.edits()) {
      out.append("# ").append(e.code()).append(" line ").append(lineOf(starts, e.start()) + 1).append(": ").append(e.why()).append('\n');
    }
    out.append("--- a/").append(name).append('\n').append("+++ b/").append(name).append('\n');
    // blocks of changed old lines [first, last] (0-based) with the edits inside them
    List<int[]> blocks = new ArrayList<>();
    for (Edit e : plan.edits()) {
      int first = lineOf(starts, e.start());
      int last = lineOf(starts, Math.max(e.start(), e.end() - 1));
      if (!blocks.isEmpty() && blocks.get(blocks.size() - 1)[1] >= first - 1) {
        blocks.get(blocks.size() - 1)[1] = Math.max(last, blocks.get(blocks.size() - 1)[1]);
      } else {
        blocks.add(new int[] {first, last});
      }
    }
    int lines = starts.size() - 1;
    int shift = 0; // new line number minus old line number before the hunk
    int b = 0;
    while (b < blocks.size()) {
      int c = b;
      while (c + 1 < blocks.size() && blocks.get(c + 1)[0] - blocks.get(c)[1] - 1 <= 2 * CONTEXT) {
        c++;
      }
      int from = Math.max(0, blocks.get(b)[0] - CONTEXT);
      int to = Math.min(lines - 1, blocks.get(c)[1] + CONTEXT);
      StringBuilder body = new StringBuilder();
      int oldCount = 0;
      int newCount = 0;
      int at = from;
      for (int k = b; k <= c; k++) {
        int[] block = blocks.get(k);
        for (; at < block[0]; at++, oldCount++, newCount++) {
          line(body, ' ', before.substring(starts.get(at), starts.get(at + 1)));
        }
        String old = before.substring(starts.get(block[0]), starts.get(block[1] + 1));
        String now = applyWithin(before, starts.get(block[0]), starts.get(block[1] + 1), plan.edits());
        for (String l : split(old)) {
          line(body, '-', l);
          oldCount++;
        }
        for (String l : split(now)) {
          line(body, '+', l);
          newCount++;
        }
        at = block[1] + 1;
      }
      for (; at <= to; at++, oldCount++, newCount++) {
        line(body, ' ', before.substring(starts.get(at), starts.get(at + 1)));
      }
      out.append("@@ -").append(range(from + 1, oldCount)).append(" +").append(range(from + 1 + shift, newCount)).append(" @@\n");
      out.append(body);
      shift += newCount - oldCount;
      b = c + 1;
    }
    return out.toString();
  }

  private static String range(int start, int count) {
    return count == 1 ? String.valueOf(start) : (count == 0 ? start - 1 : start) + "," + count;
  }

  private static void line(StringBuilder out, char mark, String text) {
    out.append(mark);
    if (text.endsWith("\n")) {
      out.append(text);
    } else {
      out.append(text).append("\n\\ No newline at end of file\n");
    }
  }

  private static String applyWithin(String text, int from, int to, List<Edit> edits) {
    StringBuilder out = new StringBuilder();
    int at = from;
    for (Edit e : edits) {
      if (e.start() >= from && e.end() <= to && !(e.start() == to && e.start() > from)) {
        out.append(text, at, e.start()).append(e.text());
        at = e.end();
      }
    }
    return out.append(text, at, to).toString();
  }

  /** Lines with their endings; the last one may have none. */
  private static List<String> split(String text) {
    List<String> out = new ArrayList<>();
    int at = 0;
    while (at < text.length()) {
      int nl = text.indexOf('\n', at);
      int end = nl < 0 ? text.length() : nl + 1;
      out.add(text.substring(at, end));
      at = end;
    }
    return out;
  }

  /** Start offsets of each line, plus the text length as a final entry. */
  private static List<Integer> lineStarts(String text) {
    List<Integer> out = new ArrayList<>(List.of(0));
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n' && i + 1 < text.length()) {
        out.add(i + 1);
      }
    }
    out.add(text.length());
    return out;
  }

  private static int lineOf(List<Integer> starts, int offset) {
    int line = 0;
    while (line + 1 < starts.size() - 1 && starts.get(line + 1) <= offset) {
      line++;
    }
    return line;
  }
}
