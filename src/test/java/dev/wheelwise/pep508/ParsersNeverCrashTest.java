package dev.wheelwise.pep508;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelwise.ParseError;
import dev.wheelwise.pep440.PipProfile;
import dev.wheelwise.pep440.SpecifierSet;
import dev.wheelwise.pep440.Version;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Any text, under any profile: the parsers answer with a value or their one typed error, whose
 * span lies inside the input; nothing else escapes (no stack trace reaches the CLI).
 */
class ParsersNeverCrashTest {

  private static final PipProfile[] PROFILES = {
    PipProfile.DEFAULT,
    PipProfile.forPackaging(Version.tryParse("21.3")),
    PipProfile.forPackaging(Version.tryParse("23.0")),
    PipProfile.forPackaging(Version.tryParse("24.2")),
  };

  @Provide
  Arbitrary<String> dependencyText() {
    return Arbitraries.strings().withChars("abcnotiexr_.-019 =<>!~*+@;,()[]'\"\\/:#ıſ\t")
        .ofMaxLength(40)
        .injectDuplicates(0.05);
  }

  @Property(tries = 3000)
  void requirementsAndMarkersFailOnlyWithTheirError(@ForAll("dependencyText") String text) {
    for (PipProfile profile : PROFILES) {
      checked(() -> Requirement.parse(text, "<r>", 1, profile), text);
      checked(() -> Marker.parse(text, profile), text);
      checked(() -> SpecifierSet.parse(text, profile), text);
      Version.tryParse(text, profile);
      Marker marker = null;
      try {
        marker = Marker.parse("python_version " + text, profile);
      } catch (InvalidMarker e) {
        assertSpan(e, "python_version " + text);
      }
      if (marker != null) {
        try {
          marker.evaluate(MarkerEnvironment.linuxCPython(3, 12, 1, "x86_64"), profile);
        } catch (MarkerEvaluationError e) {
          assertThat(e.getMessage()).isNotBlank();
        }
      }
    }
  }

  interface Parse {
    Object run() throws ParseError;
  }

  private static void checked(Parse parse, String text) {
    try {
      parse.run();
    } catch (ParseError e) {
      assertSpan(e, text);
    }
  }

  private static void assertSpan(ParseError e, String text) {
    assertThat(e.plainMessage()).isNotBlank();
    assertThat(e.span().column()).isBetween(1, text.codePointCount(0, text.length()) + 1);
    assertThat(e.render()).contains(e.plainMessage());
  }
}
