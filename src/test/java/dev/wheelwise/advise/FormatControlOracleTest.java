package dev.wheelwise.advise;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wheelwise.testing.PythonOracle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * {@code --only-binary}/{@code --no-binary} merging against pip's own {@code FormatControl}
 * (pip 23.2.1 under python3): every sequence of up to three options over the values
 * {@code :all:}, {@code :none:}, a name, two names (one spelled un-normalized) and
 * {@code :all:,name}, with the allowed formats of three projects.
 */
class FormatControlOracleTest {

  private static final List<String> VALUES = List.of(":all:", ":none:", "numpy", "Numpy_x,pandas", ":all:,numpy", "numpy,:none:");
  private static final List<String> NAMES = List.of("numpy", "numpy-x", "pandas", "scipy");

  @Test
  void mergingAndAllowedFormatsMatchPip() {
    List<List<String[]>> sequences = new ArrayList<>();
    sequences.add(List.of());
    for (int len = 1; len <= 3; len++) {
      extend(sequences, new ArrayList<>(), len);
    }
    List<Map<String, Object>> cases = new ArrayList<>();
    for (List<String[]> ops : sequences) {
      cases.add(Map.of("ops", ops.stream().map(List::of).toList(), "names", NAMES));
    }
    List<JsonNode> answers = PythonOracle.PACKAGING_21.run("format_control.py", cases);
    List<String> mismatches = new ArrayList<>();
    for (int i = 0; i < sequences.size(); i++) {
      FormatControl fc = FormatControl.DEFAULT;
      for (String[] op : sequences.get(i)) {
        fc = op[0].equals("only") ? fc.withOnlyBinary(op[1]) : fc.withNoBinary(op[1]);
      }
      JsonNode a = answers.get(i);
      List<String> only = new ArrayList<>();
      a.get("onlyBinary").forEach(n -> only.add(n.asText()));
      List<String> no = new ArrayList<>();
      a.get("noBinary").forEach(n -> no.add(n.asText()));
      boolean same = new ArrayList<>(new TreeSet<>(fc.onlyBinary())).equals(only) && new ArrayList<>(new TreeSet<>(fc.noBinary())).equals(no);
      for (String name : NAMES) {
        List<String> allowed = new ArrayList<>();
        a.get("allowed").get(name).forEach(n -> allowed.add(n.asText()));
        same &= allowed.contains("binary") == fc.allowsBinary(name) && allowed.contains("source") == fc.allowsSource(name);
      }
      if (!same) {
        mismatches.add(describe(sequences.get(i)) + ": wheelwise " + fc + ", pip " + a);
      }
    }
    assertThat(mismatches).isEmpty();
    System.err.printf("FormatControlOracleTest: %d option sequences x %d projects equal pip's FormatControl%n", sequences.size(), NAMES.size());
  }

  private static void extend(List<List<String[]>> out, List<String[]> prefix, int len) {
    if (prefix.size() == len) {
      out.add(List.copyOf(prefix));
      return;
    }
    for (String kind : List.of("only", "no")) {
      for (String v : VALUES) {
        prefix.add(new String[] {kind, v});
        extend(out, prefix, len);
        prefix.remove(prefix.size() - 1);
      }
    }
  }

  private static String describe(List<String[]> ops) {
    StringBuilder b = new StringBuilder();
    ops.forEach(o -> b.append(o[0].equals("only") ? " --only-binary " : " --no-binary ").append(o[1]));
    return b.toString().trim();
  }
}
