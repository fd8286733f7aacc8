package dev.wheelwise.advise;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wheelwise.advise.IndexFactsChooserOracleTest.Case;
import dev.wheelwise.advise.IndexFactsChooserOracleTest.Page;
import dev.wheelwise.pep440.Version;
import dev.wheelwise.tags.PipFilenames;
import dev.wheelwise.testing.PythonOracle;
import dev.wheelwise.testing.Shared;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No false "wheel": the corpus's index pages, each mutated a few ways (files dropped; a file
 * renamed to another project; a wheel retagged to another platform, Python or ABI; a file
 * yanked), and the chooser's file for every mutant, requirement and target must be the one pip's
 * logic (choose.py with packaging 26.2) picks from the mutated list: a wheel that is not on the
 * page, not of the project or not for the target is never chosen. Seeded, so a failure repeats.
 */
class MutatedIndexChooserOracleTest {

  private static final String[][] RETAGS = {
    {"manylinux2014_x86_64", "musllinux_1_1_x86_64"}, {"manylinux_2_17_x86_64", "linux_x86_64"},
    {"musllinux_1_1_x86_64", "musllinux_1_3_x86_64"}, {"x86_64", "aarch64"}, {"aarch64", "armv7l"},
    {"-cp312-cp312-", "-cp313-cp313t-"}, {"-cp311-", "-cp39-"}, {"-abi3-", "-none-"}, {"-py3-none-any", "-py2-none-any"},
    {"-none-any", "-none-manylinux1_i686"},
  };

  @Test
  void mutatedPagesNeverGiveAWheelPipWouldNotTake() throws IOException {
    Path dir = Shared.require("corpus/index-facts");
    List<Page> pages = new ArrayList<>();
    try (Stream<Path> s = Files.list(dir)) {
      for (Path p : s.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
        pages.add(IndexFactsChooserOracleTest.page(new ObjectMapper().readTree(p.toFile())));
      }
    }
    Random random = new Random(17);
    List<Case> cases = new ArrayList<>();
    int mutants = 0;
    for (Page page : pages) {
      for (int m = 0; m < 6; m++) {
        Page mutant = mutate(page, random);
        if (mutant.versions().isEmpty()) {
          continue;
        }
        mutants++;
        Version newest = mutant.versions().get(mutant.versions().size() - 1);
        for (String spec : List.of("", "==" + newest, "<" + newest)) {
          cases.add(new Case(mutant, spec, FormatControl.DEFAULT, false));
          cases.add(new Case(mutant, spec, FormatControl.DEFAULT.withOnlyBinary(":all:"), false));
        }
      }
    }
    List<OracleTargets.Facts> current = OracleTargets.ALL.stream().filter(f -> f.pip() == OracleTargets.CURRENT).toList();
    int[] counts = IndexFactsChooserOracleTest.compare(PythonOracle.PACKAGING_26, current, cases);
    System.err.printf("MutatedIndexChooserOracleTest: %d mutants of %d pages, %d choices equal packaging 26.2 (%d wheels, %d sdists, %d none)%n",
        mutants, pages.size(), counts[0], counts[1], counts[2], counts[3]);
    assertThat(counts[1]).as("some mutants still give wheels").isPositive();
  }

  private static Page mutate(Page page, Random random) {
    List<CandidateFile> files = new ArrayList<>(page.files());
    int ops = 1 + random.nextInt(3);
    for (int i = 0; i < ops && !files.isEmpty(); i++) {
      int at = random.nextInt(files.size());
      CandidateFile f = files.get(at);
      switch (random.nextInt(4)) {
        case 0 -> files.remove(at);
        case 1 -> files.set(at, renamed(f, f.filename().replaceFirst("^[^-]+", "other_project")));
        case 2 -> {
          String[] r = RETAGS[random.nextInt(RETAGS.length)];
          files.set(at, renamed(f, f.filename().replace(r[0], r[1])));
        }
        default -> files.set(at, new CandidateFile(f.name(), f.version(), f.filename(), f.bytes(), f.uploaded(), true, f.requiresPython()));
      }
    }
    List<CandidateFile> parsed = new ArrayList<>();
    TreeSet<Version> versions = new TreeSet<>();
    for (CandidateFile f : files) {
      // A file renamed to another project keeps its version, as a lock listing it would give
      // it: the chooser's own name check must drop it (an index page's is dropped on reading).
      Optional<Version> v = f.filename().startsWith("other_project-") ? Optional.of(f.version())
          : PipFilenames.version(page.name(), f.filename());
      if (v.isPresent()) {
        parsed.add(new CandidateFile(f.name(), v.get(), f.filename(), f.bytes(), f.uploaded(), f.yanked(), f.requiresPython()));
        versions.add(v.get());
      }
    }
    return new Page(page.name(), parsed, new ArrayList<>(versions));
  }

  private static CandidateFile renamed(CandidateFile f, String filename) {
    return new CandidateFile(f.name(), f.version(), filename, f.bytes(), f.uploaded(), f.yanked(), f.requiresPython());
  }
}
