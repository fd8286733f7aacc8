package dev.wheelwise.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Malformed inputs fail with the file, line, column and what was expected; unknown lock versions
 * list the supported ones; include cycles and missing includes are named.
 */
class BadInputTest {

  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    return file;
  }

  private InputParseError fail(Path file) {
    try {
      new ProjectInputs(Map.of()).read(file);
    } catch (InputParseError e) {
      return e;
    }
    throw new AssertionError(file + " was read without error");
  }

  @Test
  void tomlSyntaxErrorPointsAtLineAndColumn() throws IOException {
    Path lock = write("uv.lock", "version = 1\nrevision = 3\nrequires-python = \">=3.10\n\n[[package]]\n");
    InputParseError e = fail(lock);
    assertThat(e.span().line()).isEqualTo(3);
    assertThat(e.span().column()).isEqualTo(26);
    assertThat(e.getMessage()).startsWith(lock + ":3:26: invalid TOML 1.0: ");
    assertThat(e.expected()).isEqualTo("the value to be closed on the same line (TOML 1.0)");
    assertThat(e.render()).endsWith("    requires-python = \">=3.10\n" + " ".repeat(4 + 25) + "^");
  }

  @Test
  void duplicateTomlTableIsNamed() throws IOException {
    Path file = write("pyproject.toml", "[project]\nname = \"a\"\n\n[project]\nversion = \"1\"\n");
    InputParseError e = fail(file);
    assertThat(e.span().line()).isEqualTo(4);
    assertThat(e.plainMessage()).contains("invalid TOML 1.0").contains("expected each table header once");
  }

  @Test
  void jsonSyntaxErrorPointsAtLineAndColumn() throws IOException {
    Path file = write("Pipfile.lock", "{\n  \"_meta\": {},\n  \"default\": {\"six\": {\"version\": \"==1.16.0\",}}\n}\n");
    InputParseError e = fail(file);
    assertThat(e.span().line()).isEqualTo(3);
    assertThat(e.span().column()).isEqualTo(45);
    assertThat(e.plainMessage()).startsWith("invalid JSON: Unexpected character ('}'");
  }

  @Test
  void unknownLockVersionsListTheSupportedOnes() throws IOException {
    assertThat(fail(write("a/uv.lock", "version = 2\nrevision = 1\n")).getMessage())
        .isEqualTo(dir.resolve("a/uv.lock") + ":1:1: unsupported uv.lock version 2; expected one of the supported uv.lock versions [1] (any revision)");
    assertThat(fail(write("b/poetry.lock", "[metadata]\nlock-version = \"3.0\"\n")).getMessage())
        .endsWith("poetry.lock:2:1: unsupported poetry.lock lock-version '3.0'; expected one of the supported lock-versions [1.0, 1.1, 2.0, 2.1] (or none, before Poetry 1.1)");
    assertThat(fail(write("c/pdm.lock", "[metadata]\nlock_version = \"5.0\"\n")).getMessage())
        .endsWith("pdm.lock:2:1: unsupported pdm lock_version '5.0'; expected lock_version 2, 3.x, 4.0 to 4.5.x");
    assertThat(fail(write("d/pylock.toml", "lock-version = \"2.0\"\n")).getMessage())
        .endsWith("pylock.toml:1:1: unsupported pylock lock-version '2.0'; expected lock-version 1.x (written as lock-version = \"1.0\")");
    assertThat(fail(write("e/Pipfile.lock", "{\"_meta\": {\"pipfile-spec\": 9}, \"default\": {}}")).getMessage())
        .endsWith("Pipfile.lock:1:1: unsupported pipfile-spec 9; expected one of the supported pipfile-spec versions [1, 2, 3, 4, 5, 6]");
  }

  @Test
  void missingFieldsNameThePackage() throws IOException {
    InputParseError e = fail(write("uv.lock", "version = 1\n\n[[package]]\nname = \"six\"\nsource = { registry = \"https://pypi.org/simple\" }\n"));
    assertThat(e.getMessage()).endsWith("uv.lock:3:1: package 'six' has no version; expected version = \"…\" (only local projects may omit it)");
    InputParseError p = fail(write("x/pylock.toml", "lock-version = \"1.0\"\n[[packages]]\nname = \"six\"\nversion = \"1\"\n"));
    assertThat(p.getMessage()).endsWith("pylock.toml:2:1: package 'six' names no source; expected one of vcs, directory, archive, or sdist and/or wheels (PEP 751)");
  }

  @Test
  void uvDependencyWithoutNameIsAnError() throws IOException {
    InputParseError e = fail(write("n/uv.lock", "version = 1\n\n[[package]]\nname = \"a\"\nversion = \"1\"\n"
        + "source = { registry = \"https://pypi.org/simple\" }\ndependencies = [\n    { marker = \"sys_platform == 'linux'\" },\n]\n"));
    assertThat(e.span().line()).isEqualTo(8);
    assertThat(e.plainMessage()).startsWith("a dependency of 'a' has no name: {\"marker\":\"sys_platform == 'linux'\"}; expected { name = ");
  }

  @Test
  void requirementsIncludeCycleIsNamed() throws IOException {
    write("reqs/base.txt", "six==1.16.0\n-r dev.txt\n");
    write("reqs/dev.txt", "# dev tools\n-r base.txt\npytest\n");
    InputParseError e = fail(dir.resolve("reqs/base.txt"));
    assertThat(e.getMessage()).isEqualTo(dir.resolve("reqs/dev.txt") + ":2:4: requirements include cycle: base.txt -> dev.txt -> base.txt; "
        + "expected -r/-c includes that do not lead back to a file already being read");
  }

  @Test
  void missingIncludeIsNamedWhereItIsIncluded() throws IOException {
    write("req/requirements.txt", "flask\n--requirement=extra/missing.txt\n");
    InputParseError e = fail(dir.resolve("req/requirements.txt"));
    assertThat(e.span().line()).isEqualTo(2);
    assertThat(e.span().column()).isEqualTo(15);
    assertThat(e.plainMessage()).startsWith("included requirements file 'extra/missing.txt' not found (looked for "
        + dir.resolve("req/extra/missing.txt") + ")");
  }

  @Test
  void unknownPipOptionSaysWhatIsAllowed() throws IOException {
    InputParseError e = fail(write("requirements.txt", "six\n--frobnicate yes\n"));
    assertThat(e.getMessage()).startsWith(dir.resolve("requirements.txt") + ":2:1: unknown pip option '--frobnicate'; expected a requirements-file option: -r, --requirement");
  }

  @Test
  void badHashIsRejected() throws IOException {
    InputParseError e = fail(write("requirements.txt", "six==1.16.0 \\\n    --hash=sha256\n"));
    assertThat(e.span().line()).isEqualTo(1);
    assertThat(e.plainMessage()).isEqualTo("bad hash 'sha256'; expected --hash=<algorithm>:<hex digest>");
  }

  @Test
  void dependencyGroupCycleAndMissingIncludeAreNamed() throws IOException {
    InputParseError cycle = fail(write("a/pyproject.toml", "[dependency-groups]\ntest = [\"pytest\", {include-group = \"lint\"}]\n"
        + "lint = [\"ruff\", {include-group = \"Test\"}]\n"));
    assertThat(cycle.getMessage()).endsWith("pyproject.toml:3:1: dependency group include cycle: test -> lint -> test; "
        + "expected groups that do not include themselves, directly or not (PEP 735)");
    InputParseError missing = fail(write("b/pyproject.toml", "[dependency-groups]\ntest = [{include-group = \"typing\"}]\n"));
    assertThat(missing.getMessage()).endsWith("pyproject.toml:2:1: dependency group 'test' includes 'typing', which is not defined; "
        + "expected one of the groups [test] (PEP 735)");
  }

  @Test
  void groupNamesThatNormalizeAlikeAreAnError() throws IOException {
    InputParseError e = fail(write("g/pyproject.toml", "[dependency-groups]\nTest_Tools = [\"pytest\"]\ntest-tools = [\"ruff\"]\n"));
    assertThat(e.getMessage()).endsWith("pyproject.toml:3:1: dependency groups 'Test_Tools' and 'test-tools' have the same "
        + "normalized name 'test-tools'; expected group names unique after normalization (PEP 735)");
  }

  @Test
  void optionWithoutItsValueSaysWhatItNeeds() throws IOException {
    InputParseError e = fail(write("v/requirements.txt", "six\n--index-url\n"));
    assertThat(e.getMessage()).isEqualTo(dir.resolve("v/requirements.txt") + ":2:1: option --index-url needs a value; "
        + "expected --index-url <value>");
    InputParseError quote = fail(write("q/requirements.txt", "-e \"./pkg\n"));
    assertThat(quote.plainMessage()).isEqualTo("unclosed \" quote; expected a closing \"");
  }

  @Test
  void invalidRequirementInPyprojectPointsAtItsLine() throws IOException {
    Path file = write("pdm.lock", "[metadata]\nlock_version = \"4.5.0\"\n\n[[package]]\nname = \"a\"\nversion = \"1\"\n"
        + "dependencies = [\n    \"b >= 1 ;\",\n]\n");
    InputParseError e = fail(file);
    assertThat(e.span().line()).isEqualTo(8);
    assertThat(e.plainMessage()).startsWith("invalid requirement 'b >= 1 ;': ");
    assertThat(e.expected()).isEqualTo("a PEP 508 dependency specifier");
  }

  @Test
  void undecodableRequirementsFileSaysSo() throws IOException {
    Path file = dir.resolve("requirements.txt");
    Files.write(file, new byte[] {'s', 'i', 'x', '\n', (byte) 0xff, (byte) 0xfe, 'x', '\n'});
    assertThat(fail(file).getMessage()).isEqualTo(file + ":1:1: not UTF-8 text; expected UTF-8, a BOM, or a PEP 263 coding line");
  }

  @Test
  void unknownExtraOrGroupAndPythonOutsideTheLockAreNamed() throws Exception {
    LockedSet lock = UvLockReader.read(dev.wheelwise.testing.Shared.require("corpus/lockfiles/uv/pallets__flask/uv.lock"));
    var env = InstallSetOracle.env("3.12.0", "x86_64");
    assertThatThrownBy(() -> InstallSets.compute(lock, env, new GroupSelection(java.util.Set.of("nope"), java.util.Set.of(), false)))
        .hasMessageEndingWith("uv.lock: the project has no extra 'nope'; it has [async, dotenv]");
    assertThatThrownBy(() -> InstallSets.compute(lock, env, new GroupSelection(java.util.Set.of(), java.util.Set.of("Lint"), false)))
        .hasMessageContaining("uv.lock: the project has no dependency group 'lint'; it has [dev, docs, docs-auto, gha-update, pre-commit, tests, typing]");
    assertThatThrownBy(() -> InstallSets.compute(lock, InstallSetOracle.env("3.9.18", "x86_64"), GroupSelection.DEFAULT))
        .hasMessageEndingWith("uv.lock: the lock requires Python >=3.10; the target has Python 3.9.18, outside that range");
  }
}
