package dev.wheelwise.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Dependencies point one way (DESIGN.md, style anchors §6): each stage knows the ones before it
 * and nothing of the ones after. A package may use its own layer and the layers below.
 */
class ImportDirectionTest {

  private static final Map<String, Integer> LAYER = Map.ofEntries(
      Map.entry("", 0),
      Map.entry("pep440", 1),
      Map.entry("pep508", 2),
      Map.entry("tags", 3),
      Map.entry("project", 3),
      Map.entry("dockerfile", 3),
      Map.entry("index", 4),
      Map.entry("resolve", 4),
      Map.entry("image", 4),
      Map.entry("cost", 5),
      Map.entry("advise", 5),
      Map.entry("lint", 5),
      Map.entry("bench", 5),
      Map.entry("report", 6),
      Map.entry("cli", 7));

  private static final Pattern IMPORT = Pattern.compile("^import (?:static )?dev\\.wheelwise\\.([a-z0-9]+)\\.", Pattern.MULTILINE);
  private static final Pattern PACKAGE = Pattern.compile("^package dev\\.wheelwise(?:\\.([a-z0-9]+))?", Pattern.MULTILINE);

  @Test
  void noPackageImportsALaterStage() throws IOException {
    Path root = Path.of("src/main/java/dev/wheelwise");
    List<String> violations = new ArrayList<>();
    int files = 0;
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path file : (Iterable<Path>) paths.filter(p -> p.toString().endsWith(".java"))::iterator) {
        files++;
        String text = Files.readString(file);
        Matcher pm = PACKAGE.matcher(text);
        if (!pm.find()) {
          continue;
        }
        String own = pm.group(1) == null ? "" : pm.group(1);
        Integer ownLayer = LAYER.get(own);
        if (ownLayer == null) {
          violations.add(file + ": package '" + own + "' has no layer in " + getClass().getSimpleName());
          continue;
        }
        Matcher im = IMPORT.matcher(text);
        while (im.find()) {
          String used = im.group(1);
          Integer usedLayer = LAYER.get(used);
          if (usedLayer != null && usedLayer > ownLayer) {
            violations.add(file + ": " + own + " (layer " + ownLayer + ") imports " + used + " (layer " + usedLayer + ")");
          }
        }
      }
    }
    assertThat(files).isGreaterThan(10);
    assertThat(violations).isEmpty();
  }
}
