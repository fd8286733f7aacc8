package dev.wheelwise.lint.fix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelwise.Finding;
import dev.wheelwise.ParseError;
import dev.wheelwise.dockerfile.Dockerfile;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What every fix keeps, whatever the Dockerfile (the corpus, generated ones, with or without
 * the wheel-aware rules): no refusal for a result that does not parse (fix must not plan one),
 * the result is the plan applied and parses back to the same bytes, every line outside the
 * edited ones is byte-identical and in order, and every edit answers a finding of its rule.
 */
public final class FixAssertions {
  private FixAssertions() {}

  public static void assertSound(String name, Dockerfile before, List<Finding> findings, Fixer.Outcome outcome) throws ParseError {
    Plan plan = outcome.plan();
    assertThat(plan.refused()).as(name).allSatisfy(r -> assertThat(r.reason()).doesNotContain("does not parse"));
    assertThat(outcome.text()).as(name).isEqualTo(plan.apply(before.text()));
    byte[] bytes = outcome.text().getBytes(Charset.forName(before.charset()));
    Dockerfile after = Dockerfile.parse(name, bytes);
    assertThat(after.print()).as(name).isEqualTo(bytes);
    Set<Integer> changed = new TreeSet<>();
    for (Edit e : plan.edits()) {
      int first = Fixer.lineOf(before.text(), e.start());
      int last = Fixer.lineOf(before.text(), Math.max(e.start(), e.end() - 1));
      for (int l = first; l <= last; l++) {
        changed.add(l);
      }
      if (e.code().equals("WW1001")) {
        // one base switch answers the one finding: the FROM lines and apk lines of every stage that moves
        assertThat(findings).as(name + ": " + e).anyMatch(f -> f.code().equals("WW1001"));
      } else {
        int traced = e.finding() > 0 ? e.finding() : first;
        assertThat(findings).as(name + ": " + e).anyMatch(f -> f.code().equals(e.code()) && f.span().line() == traced);
      }
    }
    assertKeeps(name, before.text(), outcome.text(), changed);
  }

  /**
   * The runs of lines no edit touches appear in the result byte for byte and in order: the
   * first run starts it, the last ends it, the ones between follow each other (read
   * independently of how the edits were applied).
   */
  private static void assertKeeps(String name, String before, String after, Set<Integer> changed) {
    List<String> lines = lines(before);
    List<String> runs = new ArrayList<>();
    StringBuilder run = new StringBuilder();
    boolean startsChanged = changed.contains(1);
    for (int i = 0; i < lines.size(); i++) {
      if (changed.contains(i + 1)) {
        if (run.length() > 0 || i == 0) {
          runs.add(run.toString());
          run.setLength(0);
        }
      } else {
        run.append(lines.get(i));
      }
    }
    runs.add(run.toString());
    if (changed.isEmpty()) {
      assertThat(after).as(name).isEqualTo(before);
      return;
    }
    assertThat(after).as(name).startsWith(runs.get(0)).endsWith(runs.get(runs.size() - 1));
    int at = startsChanged ? 0 : runs.get(0).length();
    for (int r = 1; r < runs.size(); r++) {
      int found = after.indexOf(runs.get(r), at);
      assertThat(found).as(name + ": unchanged lines lost: " + runs.get(r)).isGreaterThanOrEqualTo(at);
      at = found + runs.get(r).length();
    }
  }

  private static List<String> lines(String text) {
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
}
