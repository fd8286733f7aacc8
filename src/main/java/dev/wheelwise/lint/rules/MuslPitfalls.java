package dev.wheelwise.lint.rules;

import dev.wheelwise.Finding.Severity;
import dev.wheelwise.advise.ImagePlan;
import dev.wheelwise.cost.Pitfall;
import dev.wheelwise.cost.Pitfalls;
import dev.wheelwise.lint.Report;
import dev.wheelwise.lint.Subject;
import dev.wheelwise.lint.Wheels;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/** WW1007: musl runtime pitfalls that apply to the project's packages. */
public final class MuslPitfalls extends WheelAware {
  public MuslPitfalls() {
    super("WW1007", Severity.INFO, "musl runtime pitfalls apply to this project on an Alpine base.",
        "From knowledge/musl-pitfalls.md, the pitfalls check matched to the project's packages and builds on a musl "
            + "image (DNS resolution, locales, time zones, 128 KiB thread stacks, allocator speed…): behaviour to test "
            + "before shipping, not errors. One finding per pitfall, at the FROM line, with its mitigation.");
  }

  @Override
  public void check(Subject subject, Report out) {
    Wheels wheels = subject.wheels().orElseThrow();
    Set<String> ids = new LinkedHashSet<>();
    for (ImagePlan plan : wheels.basePlans()) {
      ids.addAll(plan.summary().pitfalls());
    }
    if (ids.isEmpty()) {
      return;
    }
    Pitfalls known = Pitfalls.load();
    for (String id : ids) {
      Optional<Pitfall> p = known.byId(id);
      atFrom(subject, out, "musl pitfall " + id + p.map(x -> ": " + x.title() + x.mitigation().map(m -> " (mitigation: "
          + firstSentence(m) + ")").orElse("")).orElse("") + ".", Optional.empty());
    }
  }

  private static String firstSentence(String text) {
    String t = text.strip().replaceAll("\\s+", " ");
    int dot = t.indexOf(". ");
    return dot > 0 ? t.substring(0, dot) : t.replaceAll("\\.$", "");
  }
}
