package dev.wheelwise.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** pip.conf locations and priority, environment variables, netrc, redaction. */
class ConfigTest {

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  @Test
  void laterConfigFilesWinAndInstallSectionBeatsGlobal(@TempDir Path tmp) throws IOException {
    Path root = tmp.resolve("root");
    Path home = tmp.resolve("home");
    write(root.resolve("etc/pip.conf"), "[global]\nindex-url = https://global.example/simple\nfind-links = /wheels\n");
    write(home.resolve(".config/pip/pip.conf"),
        "[global]\nindex-url = https://user.example/simple\n[install]\nextra-index-url =\n    https://a.example/simple\n    https://b.example/simple\n");
    IndexSettings s = new PipConfigLoader(Map.of(), home, root).load();
    assertThat(s.indexUrl()).isEqualTo("https://user.example/simple");
    assertThat(s.extraIndexUrls()).containsExactly("https://a.example/simple", "https://b.example/simple");
    assertThat(s.findLinks()).containsExactly("/wheels");
  }

  @Test
  void environmentBeatsFilesAndUvVariablesAreRead(@TempDir Path tmp) throws IOException {
    Path home = tmp.resolve("home");
    write(home.resolve(".pip/pip.conf"), "[global]\nindex_url = https://legacy.example/simple\n");
    assertThat(new PipConfigLoader(Map.of(), home, tmp).load().indexUrl()).isEqualTo("https://legacy.example/simple");
    IndexSettings env = new PipConfigLoader(
        Map.of("PIP_INDEX_URL", "https://env.example/simple", "PIP_EXTRA_INDEX_URL", "https://x.example/simple https://y.example/simple"), home, tmp).load();
    assertThat(env.indexUrl()).isEqualTo("https://env.example/simple");
    assertThat(env.extraIndexUrls()).containsExactly("https://x.example/simple", "https://y.example/simple");
    IndexSettings uv = new PipConfigLoader(Map.of("UV_INDEX_URL", "https://uv.example/simple", "UV_EXTRA_INDEX_URL", "https://z.example/simple"), home, tmp).load();
    assertThat(uv.indexUrl()).isEqualTo("https://uv.example/simple");
    assertThat(uv.extraIndexUrls()).containsExactly("https://z.example/simple");
  }

  @Test
  void pipConfigFileSkipsUserFilesAndComesLast(@TempDir Path tmp) throws IOException {
    Path home = tmp.resolve("home");
    write(home.resolve(".config/pip/pip.conf"), "[global]\nextra-index-url = https://user.example/simple\n");
    Path envFile = tmp.resolve("custom.conf");
    write(envFile, "[global]\nindex-url = https://custom.example/simple\n");
    PipConfigLoader loader = new PipConfigLoader(Map.of("PIP_CONFIG_FILE", envFile.toString(), "XDG_CONFIG_DIRS", "/a:/b"), home, tmp);
    assertThat(loader.configFiles()).containsExactly(tmp.resolve("a/pip/pip.conf"), tmp.resolve("b/pip/pip.conf"), tmp.resolve("etc/pip.conf"), envFile);
    IndexSettings s = loader.load();
    assertThat(s.indexUrl()).isEqualTo("https://custom.example/simple");
    assertThat(s.extraIndexUrls()).isEmpty();
  }

  @Test
  void defaultIsPypiAndUvOrderPutsExtrasFirst(@TempDir Path tmp) throws IOException {
    IndexSettings s = new PipConfigLoader(Map.of("PIP_EXTRA_INDEX_URL", "https://x.example/simple"), tmp, tmp).load();
    assertThat(s.locations()).extracting(IndexLocation::url).containsExactly("https://pypi.org/simple/", "https://x.example/simple/");
    assertThat(s.withStrategy(IndexSettings.Strategy.FIRST_INDEX).locations()).extracting(IndexLocation::url)
        .containsExactly("https://x.example/simple/", "https://pypi.org/simple/");
  }

  @Test
  void netrcMachinesDefaultAndMacros() {
    Netrc n = Netrc.parse("# comment\nmachine a.example login u1 password p1\nmacdef init\n  echo hi\n\nmachine b.example\n login u2\n password p2\ndefault login anon password guest\n");
    assertThat(n.forHost("a.example")).contains(new Credentials("u1", "p1"));
    assertThat(n.forHost("b.example")).contains(new Credentials("u2", "p2"));
    assertThat(n.forHost("c.example")).contains(new Credentials("anon", "guest"));
    assertThat(new Credentials("u1", "p1").toString()).doesNotContain("p1");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "https://user:pass@host/simple | https://user:****@host/simple",
    "https://token@host/simple | https://****@host/simple",
    "https://host/simple | https://host/simple",
    "https://u:p%40ss@h:8080/x@y | https://u:****@h:8080/x@y",
  })
  void redaction(String url, String expected) {
    assertThat(Redaction.redactUrl(url)).isEqualTo(expected);
    assertThat(Redaction.redactText("failed: " + url + " (boom)")).isEqualTo("failed: " + expected + " (boom)");
  }

  @Test
  void indexLocationSplitsCredentials() {
    IndexLocation l = IndexLocation.parse("https://me:p%40ss@private.example/simple");
    assertThat(l.url()).isEqualTo("https://private.example/simple/");
    assertThat(l.credentials()).contains(new Credentials("me", "p@ss"));
    assertThat(l.display()).isEqualTo("https://me:****@private.example/simple");
    assertThat(l.projectUrl("numpy")).isEqualTo("https://private.example/simple/numpy/");
    assertThat(List.of(l.toString(), Source.index("https://me:p%40ss@private.example/simple").toString())).noneMatch(s -> s.contains("p%40ss"));
  }

  @Test
  void xdgCacheHome() {
    assertThat(HttpSettings.userCacheDir(Map.of("XDG_CACHE_HOME", "/c"), Path.of("/home/u"))).isEqualTo(Path.of("/c/wheelwise/http"));
    assertThat(HttpSettings.userCacheDir(Map.of(), Path.of("/home/u"))).isEqualTo(Path.of("/home/u/.cache/wheelwise/http"));
  }
}
