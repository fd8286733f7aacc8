package dev.wheelwise.lint.fix;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What {@code wheelwise fix} will change: edits in file order (never overlapping) and the fixes
 * it refused, each with its reason.
 */
public record Plan(List<Edit> edits, List<Refusal> refused) {

  /** A fix wheelwise will not make: the rule, the line of the finding, and why. */
  public record Refusal(String code, int line, String reason) {}

  public Plan {
    List<Edit> sorted = new ArrayList<>(edits);
    sorted.sort(Comparator.comparingInt(Edit::start).thenComparingInt(Edit::end));
    for (int i = 1; i < sorted.size(); i++) {
      if (sorted.get(i).start() < sorted.get(i - 1).end()) {
        throw new IllegalArgumentException("overlapping edits: " + sorted.get(i - 1) + " and " + sorted.get(i));
      }
    }
    edits = List.copyOf(sorted);
    refused = List.copyOf(refused);
  }

  /** The text with every edit made; the characters between edits are copied unchanged. */
  public String apply(String text) {
    StringBuilder out = new StringBuilder(text.length() + 64);
    int at = 0;
    for (Edit e : edits) {
      out.append(text, at, e.start()).append(e.text());
      at = e.end();
    }
    return out.append(text, at, text.length()).toString();
  }

  /** This plan without the edits of {@code code}, which is refused for {@code reason}. */
  public Plan without(String code, int line, String reason) {
    List<Refusal> more = new ArrayList<>(refused);
    more.add(new Refusal(code, line, reason));
    return new Plan(edits.stream().filter(e -> !e.code().equals(code)).toList(), more);
  }

  /** Nothing changes and nothing was refused. */
  public boolean isEmpty() {
    return edits.isEmpty() && refused.isEmpty();
  }
}
