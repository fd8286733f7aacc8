package dev.wheelwise.tags;

import dev.wheelwise.testing.Shared;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Every distribution file name in ../shared/corpus/lockfiles, harvested with regexes: TOML
 * values of {@code file}, {@code filename}, {@code name}, {@code url} and {@code path} (uv.lock,
 * poetry.lock, pdm.lock, pylock.toml), and URLs anywhere (requirements files), whose basename
 * ends in an archive extension. URL basenames are percent-decoded ({@code %2B} is {@code +}).
 */
final class LockfileFilenames {

  private static final String ARCHIVE = "\\.(?:whl|tar\\.gz|zip|tar\\.bz2|tgz|tar\\.xz|tar)";
  private static final Pattern TOML_VALUE = Pattern.compile(
      "\\b(?:file|filename|name|url|path)\\s*=\\s*\"([^\"]+" + ARCHIVE + ")(?:#[^\"]*)?\"");
  private static final Pattern URL = Pattern.compile("https?://[^\\s\"'#;,)]+" + ARCHIVE + "(?=[\\s\"'#;,)]|$)", Pattern.MULTILINE);

  final TreeSet<String> wheels = new TreeSet<>();
  final TreeSet<String> sdists = new TreeSet<>();
  int files;

  static LockfileFilenames harvest() {
    Path root = Shared.require("corpus/lockfiles");
    LockfileFilenames found = new LockfileFilenames();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
        found.files++;
        String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        Matcher m = TOML_VALUE.matcher(text);
        while (m.find()) {
          found.add(m.group(1));
        }
        m = URL.matcher(text);
        while (m.find()) {
          found.add(m.group());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return found;
  }

  private void add(String value) {
    if (value.contains("*")) {
      return; // a glob such as "*.egg", not a file
    }
    String base = value.substring(value.lastIndexOf('/') + 1);
    if (value.contains("://")) {
      base = percentDecode(base);
    }
    if (base.isEmpty()) {
      return;
    }
    (base.endsWith(".whl") ? wheels : sdists).add(base);
  }

  /** RFC 3986 percent-decoding; unlike URLDecoder it leaves '+' alone. */
  static String percentDecode(String text) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int i = 0;
    while (i < text.length()) {
      if (text.charAt(i) == '%' && i + 2 < text.length()
          && Character.digit(text.charAt(i + 1), 16) >= 0 && Character.digit(text.charAt(i + 2), 16) >= 0) {
        bytes.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
        i += 3;
      } else {
        int cp = text.codePointAt(i);
        bytes.writeBytes(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
        i += Character.charCount(cp);
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  List<String> all() {
    TreeSet<String> all = new TreeSet<>(wheels);
    all.addAll(sdists);
    return List.copyOf(all);
  }
}
