package dev.wheelwise.lint.fix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelwise.Finding;
import dev.wheelwise.dockerfile.Dockerfile;
import dev.wheelwise.dockerfile.DockerfileModel;
import dev.wheelwise.lint.LintConfig;
import dev.wheelwise.lint.Linter;
import dev.wheelwise.lint.Rules;
import dev.wheelwise.lint.Subject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Every Dockerfile of ../shared/corpus/dockerfiles through the fixer (the rules that need no
 * index): {@link FixAssertions#assertSound} (the result parses, every line outside the edited
 * ones is byte-identical and in order, every edit is traced to a finding of its rule), with the
 * WW1003 fixes and refusals counted per package manager.
 */
class FixCorpusTest {
  private static final Path CORPUS = Path.of("../shared/corpus/dockerfiles");

  @Test
  void fixesParseKeepOtherLinesAndTraceToRules() throws Exception {
    Assumptions.assumeTrue(Files.isDirectory(CORPUS), "SKIPPED: ../shared/corpus/dockerfiles is absent");
    List<Path> files;
    try (Stream<Path> walk = Files.walk(CORPUS)) {
      files = walk.filter(p -> p.getFileName().toString().equals("Dockerfile") || p.getFileName().toString().endsWith(".Dockerfile"))
          .sorted().toList();
    }
    assertThat(files).hasSizeGreaterThan(50);
    int fixed = 0;
    int edits = 0;
    Map<String, int[]> ww1003 = new java.util.TreeMap<>(); // manager -> {files with the finding, files fixed}
    Map<String, Integer> refusals = new java.util.TreeMap<>();
    for (Path path : files) {
      byte[] bytes = Files.readAllBytes(path);
      Dockerfile file;
      try {
        file = Dockerfile.parse(path.toString(), bytes);
      } catch (dev.wheelwise.ParseError notOurs) {
        continue; // a file BuildKit refuses is lint's exit 2, not fix's business
      }
      DockerfileModel model = DockerfileModel.of(file, Map.of(), path.getParent());
      Subject subject = new Subject(file, model, Set.of(), Optional.empty(), Set.of());
      List<Finding> findings = new Linter(Rules.ALL, LintConfig.EMPTY, false).lint(subject, List.of());
      Plan plan = Fixer.plan(subject, findings, ApkToApt.standard());
      Fixer.Outcome outcome = Fixer.judge(file, Optional.empty(), plan, Optional.empty());
      FixAssertions.assertSound(path.toString(), file, findings, outcome);
      // WW1003 on apk and apt installs: fixed, or refused (why, without the file's own names)
      for (String manager : List.of("apk", "apt")) {
        Set<Integer> opLines = new TreeSet<>();
        if (model.finalStage() != null) {
          model.finalStage().packageOps().stream().filter(op -> op.manager().equals(manager)).forEach(op -> opLines.add(op.line()));
        }
        if (findings.stream().noneMatch(f -> f.code().equals("WW1003") && opLines.contains(f.span().line()))) {
          continue;
        }
        int[] counts = ww1003.computeIfAbsent(manager, m -> new int[2]);
        counts[0]++;
        if (outcome.plan().edits().stream().anyMatch(e -> e.code().equals("WW1003"))) {
          counts[1]++;
        }
        outcome.plan().refused().stream().filter(r -> r.code().equals("WW1003")).forEach(r -> refusals.merge(manager + ": "
            + r.reason().replaceAll("`[^`]*`|build package \\S+|\\(.*", "…").replaceAll("[.:;,].*$", ""), 1, Integer::sum));
      }
      fixed += outcome.plan().edits().isEmpty() ? 0 : 1;
      edits += outcome.plan().edits().size();
    }
    StringBuilder byManager = new StringBuilder();
    ww1003.forEach((m, c) -> byManager.append(" on ").append(m).append(": ").append(c[0]).append(" files, ").append(c[1]).append(" fixed;"));
    System.out.println("FixCorpusTest: " + files.size() + " Dockerfiles, " + fixed + " fixed with " + edits + " edits; WW1003" + byManager
        + " refused:\n  " + String.join("\n  ", refusals.entrySet().stream().map(e -> e.getValue() + " × " + e.getKey()).toList()));
    assertThat(fixed).isPositive();
  }
}
