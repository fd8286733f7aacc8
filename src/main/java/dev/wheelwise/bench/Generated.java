package dev.wheelwise.bench;

import dev.wheelwise.advise.ImagePlan;
import dev.wheelwise.advise.PackagePlan;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A Dockerfile for a project that has none: the packages {@code check} planned for the image,
 * pinned to the versions it planned, installed by pip into a virtual environment (Debian's and
 * Ubuntu's system Python refuse pip installs, PEP 668; the official python images accept both).
 * Step 4 is the install.
 */
public final class Generated {
  static final String REQUIREMENTS = "wheelwise-bench-requirements.txt";

  private Generated() {}

  /**
   * @param indexUrl pip's {@code --index-url}, when the project's index is not PyPI
   * @param extraIndexUrls pip's {@code --extra-index-url}s
   */
  public static BuildRecipe of(ImagePlan plan, Optional<String> indexUrl, List<String> extraIndexUrls) {
    StringBuilder requirements = new StringBuilder();
    for (PackagePlan p : plan.packages()) {
      requirements.append(p.name()).append(p.version().map(v -> "==" + v).orElse("")).append('\n');
    }
    List<String> pip = new ArrayList<>(List.of("/opt/venv/bin/python", "-m", "pip", "install", "--no-cache-dir"));
    indexUrl.ifPresent(u -> pip.addAll(List.of("--index-url", u)));
    extraIndexUrls.forEach(u -> pip.addAll(List.of("--extra-index-url", u)));
    pip.addAll(List.of("-r", "/tmp/" + REQUIREMENTS));
    String dockerfile = "FROM " + plan.image().image() + "\n"
        + "COPY " + REQUIREMENTS + " /tmp/" + REQUIREMENTS + "\n"
        + "RUN python3 -m venv /opt/venv\n"
        + "RUN " + String.join(" ", pip.stream().map(Generated::shellWord).toList()) + "\n";
    return new BuildRecipe(plan.image().image(), dockerfile, Optional.empty(),
        Map.of(REQUIREMENTS, requirements.toString().getBytes(StandardCharsets.UTF_8)), Set.of(4));
  }

  private static String shellWord(String word) {
    return word.matches("[A-Za-z0-9_./:=@+-]+") ? word : "'" + word.replace("'", "'\\''") + "'";
  }
}
