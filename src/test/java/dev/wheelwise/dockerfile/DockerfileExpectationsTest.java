package dev.wheelwise.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Base images, Python installs with their inputs, and system package operations of real
 * Dockerfiles, against expectations written by reading each file (see
 * src/test/resources/dockerfile/expected/README.md for the format).
 */
class DockerfileExpectationsTest {

  static List<String> cases() throws IOException, URISyntaxException {
    URL dir = DockerfileExpectationsTest.class.getResource("/dockerfile/expected");
    try (Stream<Path> files = Files.list(Path.of(dir.toURI()))) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".txt"))
          .map(n -> n.substring(0, n.length() - 4)).sorted().toList();
    }
  }

  @Test
  void atLeastThirtyCasesAreReviewed() throws Exception {
    assertThat(cases()).hasSizeGreaterThanOrEqualTo(30);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void modelMatchesTheReviewedExpectation(String name) throws Exception {
    List<String> expected = new ArrayList<>();
    Map<String, String> buildArgs = new LinkedHashMap<>();
    try (InputStream in = getClass().getResourceAsStream("/dockerfile/expected/" + name + ".txt")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        String t = line.strip();
        if (t.isEmpty() || t.startsWith("#")) {
          continue;
        }
        if (t.startsWith("buildarg ")) {
          String kv = t.substring("buildarg ".length());
          buildArgs.put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
          continue;
        }
        expected.add(t.replaceAll("\\s+", " "));
      }
    }
    CorpusCase c = CorpusCase.named(name);
    Dockerfile file = Dockerfile.parse(c.name(), Files.readAllBytes(c.dockerfile()));
    DockerfileModel model = DockerfileModel.of(file, buildArgs, c.context());
    assertThat(String.join("\n", render(model))).isEqualTo(String.join("\n", expected));
  }

  /** The model in the expectation format. */
  static List<String> render(DockerfileModel model) {
    List<String> out = new ArrayList<>();
    for (Stage s : model.stages()) {
      StringBuilder b = new StringBuilder("stage ").append(s.index());
      if (s.name() != null) {
        b.append(' ').append(s.name());
      }
      b.append(" from ").append(s.base() == null ? "?" : s.base());
      if (s.baseStage() != null) {
        b.append(" (stage ").append(s.baseStage()).append(')');
      }
      b.append(" image ").append(s.image() == null ? "?" : s.image());
      out.add(b.toString());
      for (Step step : s.steps()) {
        StringBuilder l = new StringBuilder("L").append(step.line()).append(' ');
        if (step instanceof PackageOp op) {
          l.append(op.manager()).append(' ').append(op.action());
          op.packages().forEach(p -> l.append(' ').append(p));
          if (op.virtualName() != null) {
            l.append(" virtual=").append(op.virtualName());
          }
          if (op.noCache()) {
            l.append(" no-cache");
          }
          if (op.noInstallRecommends()) {
            l.append(" no-install-recommends");
          }
        } else if (step instanceof PythonInstall p) {
          l.append(p.tool());
          p.requirements().forEach(r -> l.append(" req:").append(r));
          for (DependencyInput in : p.inputs()) {
            l.append(' ').append(in.kind()).append('=').append(in.contextPath() == null ? "?" : in.contextPath());
            if (Boolean.FALSE.equals(in.inContext())) {
              l.append("(absent)");
            }
          }
          FileSelection f = p.selection();
          flag(l, f.noCache(), "no-cache");
          flag(l, !f.cacheMounts().isEmpty(), "cache-mount");
          if (f.indexUrl() != null) {
            l.append(" index=").append(f.indexUrl());
          }
          f.extraIndexUrls().forEach(u -> l.append(" extra-index=").append(u));
          f.findLinks().forEach(u -> l.append(" find-links=").append(u));
          flag(l, f.preferBinary(), "prefer-binary");
          f.onlyBinary().forEach(u -> l.append(" only-binary=").append(u));
          f.noBinary().forEach(u -> l.append(" no-binary=").append(u));
          flag(l, f.pre(), "pre");
          flag(l, f.requireHashes(), "require-hashes");
          flag(l, f.user(), "user");
          if (f.target() != null) {
            l.append(" target=").append(f.target());
          }
          flag(l, f.breakSystemPackages(), "break-system-packages");
        }
        if (step.conditional()) {
          l.append(" conditional");
        }
        out.add(l.toString().replaceAll("\\s+", " "));
      }
    }
    if (model.finalStage() != null) {
      out.add("final " + model.finalStage().index());
    }
    return out;
  }

  private static void flag(StringBuilder l, boolean on, String name) {
    if (on) {
      l.append(' ').append(name);
    }
  }
}
