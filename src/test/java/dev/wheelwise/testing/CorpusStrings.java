package dev.wheelwise.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Harvests the version, specifier, marker and requirement strings written in the shared lock
 * and requirement corpus ({@code ../shared/corpus/lockfiles}), for differential tests. Regexes
 * over the text, not full readers: the point is to collect every string as written, including
 * ones a reader would reject (Poetry's {@code ^3.8}), and let both sides judge them.
 */
public final class CorpusStrings {

  /** What was found, each deduplicated in the order first seen. */
  public record Harvest(Set<String> versions, Set<String> specifiers, Set<String> markers, Set<String> requirements) {}

  private static final String BASIC = "\"([^\"\\\\]*+(?:\\\\.[^\"\\\\]*+)*+)\"";
  private static final String LITERAL = "'([^']*)'";
  private static final Pattern LINE_VERSION = Pattern.compile("^version\\s*=\\s*(?:" + BASIC + "|" + LITERAL + ")");
  private static final Pattern INLINE_VERSION = Pattern.compile("[{,]\\s*version\\s*=\\s*(?:" + BASIC + "|" + LITERAL + ")");
  private static final Pattern SPEC_KEY = Pattern.compile(
      "(?:^|[{,]\\s*)(?:requires-python|requires_python|python-versions|python|specifier)\\s*=\\s*(?:" + BASIC + "|" + LITERAL + ")");
  private static final Pattern MARKER_KEY = Pattern.compile(
      "(?:^|[{,]\\s*)(?:markers?|environments)\\s*=\\s*(?:" + BASIC + "|" + LITERAL + ")");
  private static final Pattern MARKER_TABLE = Pattern.compile("(?:^|[{,]\\s*)markers\\s*=\\s*\\{([^}]*)}");
  private static final Pattern MARKER_ARRAY_START = Pattern.compile(
      "^(?:resolution-markers|environments|supported-markers|required-markers)\\s*=\\s*\\[");
  private static final Pattern ANY_STRING = Pattern.compile(BASIC + "|" + LITERAL);
  private static final Pattern DEP_LINE = Pattern.compile("^\"?([A-Za-z0-9][A-Za-z0-9._-]*)\"?\\s*=\\s*(?:" + BASIC + "|" + LITERAL + ")");
  private static final Pattern JSON_FIELD = Pattern.compile("\"(version|markers)\"\\s*:\\s*" + BASIC);
  /** name, extras, then everything up to a marker. */
  private static final Pattern REQUIREMENT = Pattern.compile(
      "^\\s*([A-Za-z0-9][A-Za-z0-9._-]*)\\s*(\\[[^\\]]*\\])?\\s*([^;@]*?)\\s*(?:;(.*))?$");
  private static final Pattern LOOKS_LIKE_REQUIREMENT = Pattern.compile(
      "^[A-Za-z0-9][A-Za-z0-9._-]*\\s*(\\[[^\\]]*\\])?\\s*(?:[(<>=!~;]|$)");

  private CorpusStrings() {}

  /**
   * Harvests {@code ../shared/corpus/lockfiles}, or skips the test when it is absent. Read once
   * per test JVM (the corpus is read-only; the sets are unmodifiable).
   */
  public static Harvest lockfiles() {
    Shared.require("corpus/lockfiles");
    return Lockfiles.HARVEST;
  }

  /** Initialization-on-demand holder: the harvest is computed once, on first use. */
  private static final class Lockfiles {
    static final Harvest HARVEST = harvest(Shared.dir().resolve("corpus/lockfiles"));
  }

  private static Harvest harvest(Path root) {
    Harvest h = new Harvest(new LinkedHashSet<>(), new LinkedHashSet<>(), new LinkedHashSet<>(), new LinkedHashSet<>());
    List<Path> files;
    try (Stream<Path> walk = Files.walk(root)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (Path file : files) {
      String name = file.getFileName().toString();
      String text = read(file);
      if (name.equals("Pipfile.lock")) {
        json(text, h);
      } else if (name.endsWith(".lock") || name.endsWith(".toml") || name.equals("Pipfile")) {
        toml(text, name, h);
      } else if (name.endsWith(".txt") || name.endsWith(".in")) {
        requirementsFile(text, h);
      }
    }
    return new Harvest(Collections.unmodifiableSet(h.versions()), Collections.unmodifiableSet(h.specifiers()),
        Collections.unmodifiableSet(h.markers()), Collections.unmodifiableSet(h.requirements()));
  }

  private static String read(Path file) {
    try {
      return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void toml(String text, String fileName, Harvest h) {
    boolean inMarkerArray = false;
    boolean inDependencyTable = false;
    boolean inArray = false;
    for (String raw : text.split("\n")) {
      String line = raw.strip();
      if (line.startsWith("[") && line.endsWith("]") && !line.contains("=")) {
        String section = line.replaceAll("^\\[+|\\]+$", "");
        inDependencyTable = !line.startsWith("[[");
        inDependencyTable &= section.endsWith("dependencies") || section.endsWith("dev-dependencies")
            || section.equals("packages") || section.equals("dev-packages") || section.contains(".group.");
        inDependencyTable &= !section.contains("optional-dependencies") && !section.equals("dependency-groups");
      }
      if (MARKER_ARRAY_START.matcher(line).find()) {
        inMarkerArray = true;
      }
      if (inMarkerArray) {
        strings(line.replaceFirst("^[a-z-]+\\s*=", ""), h.markers());
        if (line.endsWith("]") || line.endsWith("],")) {
          inMarkerArray = false;
        }
        continue;
      }
      collect(LINE_VERSION, line, h.versions());
      collect(INLINE_VERSION, line, fileName.equals("poetry.lock") || fileName.equals("pyproject.toml")
          || fileName.equals("Pipfile") ? h.specifiers() : h.versions());
      collect(SPEC_KEY, line, h.specifiers());
      collect(MARKER_KEY, line, h.markers());
      Matcher table = MARKER_TABLE.matcher(line);
      while (table.find()) {
        strings(table.group(1), h.markers());
      }
      if (inDependencyTable) {
        Matcher dep = DEP_LINE.matcher(line);
        if (dep.find() && !dep.group(1).equals("python") && !dep.group(1).equals("version")) {
          String value = unescape(dep.group(2) != null ? dep.group(2) : dep.group(3));
          if (!value.isEmpty() && !value.contains("/") && !value.contains(":")) {
            h.specifiers().add(value);
          }
        }
      }
      // Requirement strings: PEP 621 arrays, dependency groups, pdm/pylock dependency lists.
      boolean requirementLists = fileName.equals("pyproject.toml") || fileName.equals("pdm.lock");
      if (requirementLists && (line.matches("^[A-Za-z0-9_.\"-]+\\s*=\\s*\\[.*") || inArray)) {
        inArray = !line.contains("]") || line.endsWith("[");
        String elements = line.replaceFirst("^[A-Za-z0-9_.\"-]+\\s*=", "").replaceAll("\\{[^}]*}", "");
        Matcher any = ANY_STRING.matcher(elements);
        while (any.find()) {
          String s = unescape(any.group(1) != null ? any.group(1) : any.group(2));
          if (LOOKS_LIKE_REQUIREMENT.matcher(s).find() && !s.contains("://") && s.length() > 1) {
            requirement(s, h);
          }
        }
      }
    }
  }

  private static void json(String text, Harvest h) {
    Matcher m = JSON_FIELD.matcher(text);
    while (m.find()) {
      String value = unescape(m.group(2));
      if (m.group(1).equals("version")) {
        h.specifiers().add(value);
        if (value.startsWith("==") && !value.startsWith("===")) {
          h.versions().add(value.substring(2));
        }
      } else {
        h.markers().add(value);
      }
    }
  }

  private static void requirementsFile(String text, Harvest h) {
    String joined = text.replace("\\\r\n", "").replace("\\\n", "");
    for (String raw : joined.split("\n")) {
      String line = raw.replaceFirst("(^|\\s+)#.*$", "").strip();
      line = line.replaceAll("\\s+--(hash|config-settings|global-option)[= ]\\S+", "").strip();
      if (line.isEmpty() || line.startsWith("-") || line.contains("://") || line.startsWith(".")
          || line.startsWith("/")) {
        continue;
      }
      if (LOOKS_LIKE_REQUIREMENT.matcher(line).find()) {
        requirement(line, h);
      }
    }
  }

  private static void requirement(String text, Harvest h) {
    h.requirements().add(text);
    Matcher m = REQUIREMENT.matcher(text);
    if (!m.matches()) {
      return;
    }
    String spec = m.group(3).strip();
    if (spec.startsWith("(") && spec.endsWith(")")) {
      spec = spec.substring(1, spec.length() - 1).strip();
    }
    if (!spec.isEmpty()) {
      h.specifiers().add(spec);
      if (spec.startsWith("==") && !spec.startsWith("===") && !spec.contains(",") && !spec.endsWith(".*")) {
        h.versions().add(spec.substring(2).strip());
      }
    }
    if (m.group(4) != null && !m.group(4).isBlank()) {
      h.markers().add(m.group(4).strip());
    }
  }

  private static void collect(Pattern p, String line, Set<String> into) {
    Matcher m = p.matcher(line);
    while (m.find()) {
      String s = m.group(1) != null ? unescape(m.group(1)) : m.group(2);
      if (s != null) {
        into.add(s);
      }
    }
  }

  private static void strings(String text, Set<String> into) {
    Matcher m = ANY_STRING.matcher(text);
    while (m.find()) {
      into.add(m.group(1) != null ? unescape(m.group(1)) : m.group(2));
    }
  }

  /** TOML/JSON basic-string escapes that occur in this corpus. */
  static String unescape(String s) {
    if (s.indexOf('\\') < 0) {
      return s;
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        char n = s.charAt(++i);
        switch (n) {
          case 'n' -> out.append('\n');
          case 't' -> out.append('\t');
          case 'u' -> {
            out.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
            i += 4;
          }
          default -> out.append(n);
        }
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** Count line for the lead's report. */
  public static String summary(Harvest h) {
    List<String> parts = new ArrayList<>();
    parts.add(h.versions().size() + " versions");
    parts.add(h.specifiers().size() + " specifiers");
    parts.add(h.markers().size() + " markers");
    parts.add(h.requirements().size() + " requirements");
    return String.join(", ", parts);
  }
}
