package dev.wheelwise.advise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wheelwise.dockerfile.CommandOption;
import dev.wheelwise.project.GroupSelection;
import dev.wheelwise.project.InputParseError;
import dev.wheelwise.project.LockedSet;
import dev.wheelwise.project.ProjectInputs;
import dev.wheelwise.project.LockToolSettings;
import dev.wheelwise.project.UvDefaultGroups;
import dev.wheelwise.testing.Shared;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What each tool's command installs from a real corpus lock, by the tool's documented defaults
 * and options; uv's default groups come from the project's pyproject.toml as uv reads them.
 */
class ToolSelectionsTest {

  @Test
  void uvSyncTakesTheProjectsDefaultGroups() throws Exception {
    // earth2studio: default-groups = ["dev", "build"]; docs is a group too.
    Path dir = Shared.require("corpus/lockfiles/uv/NVIDIA__earth2studio");
    LockedSet lock = lock(dir.resolve("uv.lock"));
    UvDefaultGroups defaults = uvDefaults(dir);
    assertThat(defaults.names()).containsExactlyInAnyOrder("dev", "build");

    assertThat(select("uv-sync", lock, defaults)).isEqualTo(sel(List.of(), List.of("build"), true));
    assertThat(select("uv-sync", lock, defaults, "--no-dev")).isEqualTo(sel(List.of(), List.of("build"), false));
    assertThat(select("uv-sync", lock, defaults, "--no-default-groups")).isEqualTo(GroupSelection.DEFAULT);
    // --no-group wins over --all-groups, as uv documents it.
    assertThat(select("uv-sync", lock, defaults, "--all-groups", "--no-group=docs"))
        .isEqualTo(sel(List.of(), List.of("build"), true));
    assertThat(select("uv-sync", lock, defaults, "--no-default-groups", "--group=docs"))
        .isEqualTo(sel(List.of(), List.of("docs"), false));
  }

  @Test
  void uvDefaultGroupsAllAndEmpty() throws Exception {
    Path docling = Shared.require("corpus/lockfiles/uv/docling-project__docling");
    LockedSet all = lock(docling.resolve("uv.lock"));
    UvDefaultGroups everything = uvDefaults(docling);
    assertThat(everything.all()).isTrue();
    GroupSelection selected = select("uv-sync", all, everything, "--no-dev");
    assertThat(selected.dev()).isFalse();
    assertThat(selected.groups()).contains("docs", "examples", "typecheck").doesNotContain("dev");

    // redash: default-groups = [] — uv sync installs the main dependencies only.
    Path redash = Shared.require("corpus/lockfiles/uv/getredash__redash");
    UvDefaultGroups none = uvDefaults(redash);
    assertThat(none.names()).isEmpty();
    assertThat(select("uv-sync", lock(redash.resolve("uv.lock")), none)).isEqualTo(GroupSelection.DEFAULT);

    // metube sets nothing: uv's own default, the dev group.
    Path metube = Shared.require("corpus/lockfiles/uv/alexta69__metube");
    assertThat(uvDefaults(metube)).isEqualTo(UvDefaultGroups.UV_DEFAULT);
    assertThat(select("uv-sync", lock(metube.resolve("uv.lock")), UvDefaultGroups.UV_DEFAULT).dev()).isTrue();
  }

  @Test
  void uvNamesWhatItCannotReproduce() throws Exception {
    Path dir = Shared.require("corpus/lockfiles/uv/alexta69__metube");
    LockedSet lock = lock(dir.resolve("uv.lock"));
    ToolSelections.Selected selected = ToolSelections.of("uv-sync", options("--only-dev", "--extra=nope"), lock,
        LockToolSettings.DEFAULT);
    assertThat(selected.selection()).isEqualTo(sel(List.of(), List.of(), true));
    assertThat(selected.notes()).containsExactly("--only-dev leaves out the main dependencies; compared with them",
        "extra 'nope' is not in " + lock.file() + "; left out");
  }

  @Test
  void poetryInstallTakesEveryGroupExportTheMainOne() throws Exception {
    // mealie: extras pgsql; groups postgres and dev.
    LockedSet lock = lock(Shared.require("corpus/lockfiles/poetry/mealie-recipes__mealie/poetry.lock"));
    assertThat(select("poetry", lock, null)).isEqualTo(sel(List.of(), List.of("postgres", "dev"), false));
    assertThat(select("poetry", lock, null, "--extras=pgsql", "--only=main"))
        .isEqualTo(sel(List.of("pgsql"), List.of(), false));
    assertThat(select("poetry", lock, null, "--without=dev")).isEqualTo(sel(List.of(), List.of("postgres"), false));
    assertThat(select("poetry-export", lock, null)).isEqualTo(GroupSelection.DEFAULT);
    assertThat(select("poetry-export", lock, null, "--with=dev,postgres"))
        .isEqualTo(sel(List.of(), List.of("dev", "postgres"), false));
  }

  @Test
  void poetryInstallLeavesOutOptionalGroupsUnlessNamed() throws Exception {
    // wemake-django-template: [tool.poetry.group.docs] optional = true.
    Path dir = Shared.require("corpus/lockfiles/poetry/wemake-services__wemake-django-template__cookiecutter.project_name");
    LockToolSettings settings = LockToolSettings.read(dir.resolve("pyproject.toml")).orElseThrow();
    assertThat(settings.poetryOptionalGroups()).containsExactly("docs");
    LockedSet lock = lock(dir.resolve("poetry.lock"));
    assertThat(ToolSelections.of("poetry", options(), lock, settings).selection()).isEqualTo(sel(List.of(), List.of("dev"), false));
    assertThat(ToolSelections.of("poetry", options("--with=docs"), lock, settings).selection())
        .isEqualTo(sel(List.of(), List.of("dev", "docs"), false));
  }

  @Test
  void pdmTakesDevGroupsUnlessProdAndGroupNamesExtras() throws Exception {
    // marko: extras toc, codehilite, repr; dev-dependency groups benchmark, dev, doc.
    LockedSet lock = lock(Shared.require("corpus/lockfiles/pdm/frostming__marko/pdm.lock"));
    GroupSelection all = select("pdm", lock, null);
    assertThat(all.dev()).isTrue();
    assertThat(all.groups()).contains("benchmark", "doc");
    assertThat(select("pdm", lock, null, "--prod", "--group=toc")).isEqualTo(sel(List.of("toc"), List.of(), false));
  }

  @Test
  void pipenvTakesDefaultAndDevelopOnDev() throws Exception {
    LockedSet lock = lock(Shared.require("corpus/lockfiles/pipfile/postmanlabs__httpbin/Pipfile.lock"));
    assertThat(select("pipenv", lock, null)).isEqualTo(GroupSelection.DEFAULT);
    assertThat(select("pipenv", lock, null, "--dev").dev()).isTrue();
  }

  @Test
  void aDefaultGroupsSettingUvWouldRejectIsAnInputErrorAtItsTable(@TempDir Path dir) throws Exception {
    Path pyproject = dir.resolve("pyproject.toml");
    Files.writeString(pyproject, "[project]\nname = \"x\"\n\n[tool.uv]\ndefault-groups = 3\n");
    assertThatThrownBy(() -> LockToolSettings.read(pyproject)).isInstanceOf(InputParseError.class)
        .hasMessageContaining("pyproject.toml").hasMessageContaining(":4").hasMessageContaining("default-groups");
    assertThat(LockToolSettings.read(dir.resolve("absent.toml"))).isEmpty();
  }

  private static LockedSet lock(Path file) throws InputParseError {
    return (LockedSet) new ProjectInputs(Map.of()).read(file);
  }

  private static GroupSelection select(String tool, LockedSet lock, UvDefaultGroups defaults, String... options) {
    LockToolSettings settings = defaults == null ? LockToolSettings.DEFAULT : new LockToolSettings(defaults, java.util.Set.of());
    return ToolSelections.of(tool, options(options), lock, settings).selection();
  }

  private static UvDefaultGroups uvDefaults(Path project) throws InputParseError {
    return LockToolSettings.read(project.resolve("pyproject.toml")).orElseThrow().uvDefaultGroups();
  }

  private static GroupSelection sel(List<String> extras, List<String> groups, boolean dev) {
    return new GroupSelection(java.util.Set.copyOf(extras), java.util.Set.copyOf(groups), dev);
  }

  /** {@code --name=value} or a switch, as the Dockerfile model gives them. */
  private static List<CommandOption> options(String... written) {
    List<CommandOption> out = new ArrayList<>();
    for (String w : written) {
      int eq = w.indexOf('=');
      out.add(eq < 0 ? new CommandOption(w, null, w) : new CommandOption(w.substring(0, eq), w.substring(eq + 1), w.substring(0, eq)));
    }
    return out;
  }
}
