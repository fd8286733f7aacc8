package dev.wheelwise.project;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelwise.testing.Shared;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** pip's requirements-file syntax, line by line, and real files from the corpus. */
class RequirementsFileReaderTest {

  @TempDir Path dir;

  private RequirementSet read(String text, Map<String, String> env) throws Exception {
    Path file = dir.resolve("requirements.txt");
    Files.writeString(file, text);
    return new RequirementsFileReader(env).read(file);
  }

  private static List<String> texts(List<LooseRequirement> reqs) {
    return reqs.stream().map(LooseRequirement::text).toList();
  }

  @Test
  void continuationsCommentsAndHashes() throws Exception {
    RequirementSet set = read("""
        # top comment
        certifi==2024.2.2 \\
            --hash=sha256:0569859f95fc761b18b45ef421b1290a0f65f147e92a1e5eb3e635f9a5e4e66f \\
            --hash=sha256:dc383c07b76109f368f6106eee2b593b04a011ea4d55f652c6ca24a754d1cdd1
            # via requests
        pkg @ https://example.org/pkg-1.0.tar.gz#sha256=abc   # comment after URL fragment
        six==1.16.0 ; python_version < "3"  # trailing comment
        """, Map.of());
    assertThat(texts(set.requirements())).containsExactly("certifi==2024.2.2",
        "pkg @ https://example.org/pkg-1.0.tar.gz#sha256=abc", "six==1.16.0 ; python_version < \"3\"");
    LooseRequirement certifi = set.requirements().get(0);
    assertThat(certifi.origin().line()).isEqualTo(2);
    assertThat(certifi.hashes()).containsExactly(
        "sha256:0569859f95fc761b18b45ef421b1290a0f65f147e92a1e5eb3e635f9a5e4e66f",
        "sha256:dc383c07b76109f368f6106eee2b593b04a011ea4d55f652c6ca24a754d1cdd1");
    assertThat(set.requirements().get(2).origin().line()).isEqualTo(7);
    assertThat(set.options().requireHashes()).isTrue();
  }

  @Test
  void indexOptionsAndBinaryRules() throws Exception {
    RequirementSet set = read("""
        -i https://mirror.example/simple
        --extra-index-url https://a.example/simple
        --extra-index-url=https://b.example/simple
        -f ./wheels
        --no-binary :all:
        --only-binary numpy,Pandas
        --prefer-binary
        --pre
        --trusted-host mirror.example
        -e ./local/pkg
        -e git+https://github.com/org/repo.git@v1#egg=repo
        """, Map.of());
    IndexOptions o = set.options();
    assertThat(o.indexUrl()).contains("https://mirror.example/simple");
    assertThat(o.extraIndexUrls()).containsExactly("https://a.example/simple", "https://b.example/simple");
    assertThat(o.findLinks()).containsExactly("./wheels");
    // pip's handle_mutual_excludes: naming packages for --only-binary takes them out of --no-binary.
    assertThat(o.noBinary()).containsExactly(":all:");
    assertThat(o.onlyBinary()).containsExactlyInAnyOrder("numpy", "pandas");
    assertThat(o.preferBinary()).isTrue();
    assertThat(o.pre()).isTrue();
    assertThat(o.trustedHosts()).containsExactly("mirror.example");
    assertThat(set.requirements()).extracting(LooseRequirement::editable).containsExactly(true, true);
    assertThat(texts(set.requirements())).containsExactly("./local/pkg", "git+https://github.com/org/repo.git@v1#egg=repo");
    assertThat(set.requirements()).noneMatch(LooseRequirement::isPep508);
  }

  @Test
  void onlyUpperCaseBracedVariablesExpand() throws Exception {
    RequirementSet set = read("""
        --index-url https://${USER}:${TOKEN}@pypi.example/simple
        pkg==${VERSION}
        other==$VERSION
        lower==${version}
        """, Map.of("USER", "u", "TOKEN", "t", "VERSION", "2.0", "version", "9"));
    assertThat(set.options().indexUrl()).contains("https://u:t@pypi.example/simple");
    assertThat(texts(set.requirements())).containsExactly("pkg==2.0", "other==$VERSION", "lower==${version}");
  }

  @Test
  void includesAreRelativeToTheIncludingFileAndConstraintsKeptApart() throws Exception {
    Files.createDirectories(dir.resolve("sub"));
    Files.writeString(dir.resolve("sub/base.txt"), "-c ../constraints.txt\nrequests\n");
    Files.writeString(dir.resolve("constraints.txt"), "urllib3<2\n");
    RequirementSet set = read("-r sub/base.txt\nflask\n", Map.of());
    assertThat(texts(set.requirements())).containsExactly("requests", "flask");
    assertThat(texts(set.constraints())).containsExactly("urllib3<2");
    assertThat(set.constraints().get(0).origin().file()).endsWith("constraints.txt");
    assertThat(set.includedFiles()).hasSize(3);
  }

  @Test
  void codingLineAndBom() throws Exception {
    Path latin = dir.resolve("latin.txt");
    Files.write(latin, "# -*- coding: latin-1 -*-\nna\u00efve==1.0\n".getBytes(StandardCharsets.ISO_8859_1));
    assertThat(texts(new RequirementsFileReader(Map.of()).read(latin).requirements())).containsExactly("na\u00efve==1.0");
    Path bom = dir.resolve("bom.txt");
    Files.write(bom, ("\uFEFFsix\n").getBytes(StandardCharsets.UTF_8));
    assertThat(texts(new RequirementsFileReader(Map.of()).read(bom).requirements())).containsExactly("six");
  }

  @Test
  void pipCompileOutputFromTheCorpus() throws Exception {
    Path file = Shared.require("corpus/lockfiles/requirements/certbot__certbot__tools/requirements.txt");
    RequirementSet set = new RequirementsFileReader(Map.of()).read(file);
    assertThat(set.requirements()).isNotEmpty();
    assertThat(set.requirements()).allMatch(r -> r.text().contains("==") || !r.isPep508());
    System.out.println("certbot tools/requirements.txt: " + set.requirements().size() + " pinned requirements");
  }

  @Test
  void binaryRulesAfterARequirementApplyAsInPip() throws Exception {
    RequirementSet set = read("python3-saml==1.16.0 --no-binary lxml,xmlsec --pre\n", Map.of());
    assertThat(texts(set.requirements())).containsExactly("python3-saml==1.16.0");
    assertThat(set.options().noBinary()).containsExactlyInAnyOrder("lxml", "xmlsec");
    assertThat(set.options().pre()).isFalse();
    assertThat(set.options().onlyBinary()).isEmpty();
    assertThat(set.requiresPython()).isEqualTo(Optional.empty());
    assertThat(Set.copyOf(set.includedFiles())).hasSize(1);
  }
}
