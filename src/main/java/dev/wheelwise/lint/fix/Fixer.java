package dev.wheelwise.lint.fix;

import dev.wheelwise.Finding;
import dev.wheelwise.ParseError;
import dev.wheelwise.SourceSpan;
import dev.wheelwise.advise.ImagePlan;
import dev.wheelwise.advise.Verdict;
import dev.wheelwise.dockerfile.Dockerfile;
import dev.wheelwise.index.IndexError;
import dev.wheelwise.lint.Subject;
import dev.wheelwise.lint.Wheels;
import java.io.IOException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * {@code wheelwise fix}: edits traced to the findings lint made (so its ignores and pragmas
 * hold), made on byte ranges of the parsed file, then judged: the result must parse, and check
 * on it must be no worse for the base image in use than before. A base switch that fails the
 * judgment is refused and the other edits stand; a result that does not parse is refused whole.
 */
public final class Fixer {
  private Fixer() {}

  /** check's answer for a Dockerfile (the caller's index session and build context). */
  @FunctionalInterface
  public interface Checker {
    Wheels check(Dockerfile file) throws ParseError, IOException, IndexError;
  }

  /** The edits for the findings of one file. */
  public static Plan plan(Subject subject, List<Finding> findings, ApkToApt names) {
    return plan(subject, findings, names, false);
  }

  /**
   * The edits for the findings of one file; {@code keepBase} leaves the base image as it is
   * (no WW1001), so build dependencies on Alpine are dealt with where they are (WW1003).
   */
  public static Plan plan(Subject subject, List<Finding> findings, ApkToApt names, boolean keepBase) {
    List<Edit> edits = new ArrayList<>();
    List<Plan.Refusal> refused = new ArrayList<>();
    if (!keepBase) {
      BaseSwitch.plan(subject, findings, names, edits, refused);
    }
    if (edits.isEmpty()) {
      // on a base that moves, the apk lines become apt lines: the virtual group or builder stage is the next run's
      BuildDeps.plan(subject, findings, edits, refused);
    }
    List<Edit> flags = new ArrayList<>();
    CacheFlags.plan(subject, findings, flags, refused);
    for (Edit f : flags) {
      // an apk line the base switch rewrites needs no --no-cache
      if (edits.stream().noneMatch(e -> f.start() <= e.end() && f.end() >= e.start())) {
        edits.add(f);
      }
    }
    refused.sort(Comparator.comparingInt(Plan.Refusal::line));
    return new Plan(edits, refused);
  }

  /** The judged plan and the file it gives. */
  public record Outcome(Plan plan, String text) {}

  /**
   * Applies {@code plan} to {@code before} and judges it. {@code checker} is empty when the
   * wheel-aware rules did not run (then no base switch was planned).
   */
  public static Outcome judge(Dockerfile before, Optional<Wheels> wheelsBefore, Plan plan, Optional<Checker> checker)
      throws ParseError, IOException, IndexError {
    Plan judged = plan;
    String text = judged.apply(before.text());
    Optional<String> parse = parseError(before, text);
    if (parse.isPresent()) {
      return refuseAll(before, judged, "the fixed file does not parse: " + parse.get());
    }
    // the fixes that change what pip runs on (the base, or the stage the install happens in) are judged by check again
    for (String code : List.of("WW1001", "WW1003")) {
      boolean changes = judged.edits().stream().anyMatch(e -> e.code().equals(code));
      if (!changes || checker.isEmpty() || wheelsBefore.isEmpty()) {
        continue;
      }
      Dockerfile after = Dockerfile.parse(before.source(), text.getBytes(Charset.forName(before.charset())));
      Wheels now = checker.get().check(after);
      Verdict was = worst(wheelsBefore.get().basePlans());
      Verdict is = worst(now.basePlans());
      if (is.ordinal() > was.ordinal()) {
        Edit first = judged.edits().stream().filter(e -> e.code().equals(code)).findFirst().orElseThrow();
        int line = first.finding() > 0 ? first.finding() : lineOf(before.text(), first.start());
        judged = judged.without(code, line, "check on the fixed file says " + is.json() + " for " + now.inUse()
            + ", worse than " + was.json() + " before");
        text = judged.apply(before.text());
      }
    }
    return new Outcome(judged, text);
  }

  private static Outcome refuseAll(Dockerfile before, Plan plan, String reason) {
    Plan none = plan;
    for (String code : plan.edits().stream().map(Edit::code).distinct().toList()) {
      none = none.without(code, lineOf(before.text(), plan.edits().get(0).start()), reason);
    }
    return new Outcome(none, before.text());
  }

  private static Optional<String> parseError(Dockerfile before, String text) {
    try {
      Dockerfile.parse(before.source(), text.getBytes(Charset.forName(before.charset())));
      return Optional.empty();
    } catch (ParseError e) {
      return Optional.of(e.getMessage());
    }
  }

  /** The worst verdict over the plans (one per platform); UNKNOWN when there are none. */
  static Verdict worst(List<ImagePlan> plans) {
    return plans.stream().map(ImagePlan::verdict).max(Comparator.naturalOrder()).orElse(Verdict.UNKNOWN);
  }

  /** The 1-based line of a text offset (the one line index every finding uses). */
  static int lineOf(String text, int offset) {
    return SourceSpan.at("", text, offset, 0).line();
  }
}
