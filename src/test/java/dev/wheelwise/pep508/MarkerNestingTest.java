package dev.wheelwise.pep508;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wheelwise.pep440.PipProfile;
import org.junit.jupiter.api.Test;

/**
 * Marker parentheses are parsed by recursion; past {@link DependencyParser#MAX_MARKER_NESTING}
 * levels (packaging 26.2 reaches 400 and fails with Python's RecursionError near 500) the text
 * is refused with a position, never a StackOverflowError.
 */
class MarkerNestingTest {

  private static String nested(int depth) {
    return "(".repeat(depth) + "os_name == 'posix'" + ")".repeat(depth);
  }

  @Test
  void upToTheLimitParsesAndEvaluatesAndOnePastIsInvalid() throws Exception {
    int max = DependencyParser.MAX_MARKER_NESTING;
    assertThat(Marker.parse(nested(max)).evaluate(MarkerEnvironment.linuxCPython(3, 12, 1, "x86_64"), PipProfile.DEFAULT)).isTrue();
    assertThatThrownBy(() -> Marker.parse(nested(max + 1)))
        .isInstanceOf(InvalidMarker.class)
        .hasMessageContaining("nested more than " + max + " deep (wheelwise's limit for markers; no option raises it)")
        .satisfies(e -> assertThat(((InvalidMarker) e).span().column()).isEqualTo(max + 1));
    assertThatThrownBy(() -> Requirement.parse("a; " + nested(100_000)))
        .isInstanceOf(InvalidRequirement.class).hasMessageContaining("nested more than " + max);
  }
}
