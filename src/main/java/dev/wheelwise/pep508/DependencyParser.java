package dev.wheelwise.pep508;

import dev.wheelwise.pep508.Marker.Compare;
import dev.wheelwise.pep508.Marker.Group;
import dev.wheelwise.pep508.Marker.Node;
import dev.wheelwise.pep508.Marker.Operand;
import java.util.ArrayList;
import java.util.List;

/**
 * packaging's hand-written parser of dependency specifiers ({@code _parser.py}, 22.0+), rule for
 * rule, with its grammar in each method's comment. Output is the raw tree: extra normalization
 * and evaluation are {@link Marker}'s business.
 */
final class DependencyParser {

  /** What a requirement string is made of, before the specifier text is parsed. */
  record Parsed(String name, List<String> extras, String url, int urlStart, String specifier, int specifierStart,
      Group marker) {}

  private final Tokenizer tokenizer;
  private final boolean setVariables;
  private final boolean unescape;
  private final boolean legacyClauses;
  private int depth;

  /**
   * Parentheses nested deeper than this are refused rather than parsed by recursion that could
   * overflow the stack. packaging 26.2 parses 400 levels and hits Python's recursion limit near
   * 500; no real marker nests more than a few.
   */
  static final int MAX_MARKER_NESTING = 400;

  /**
   * @param setVariables admit {@code extras}/{@code dependency_groups} (packaging 25+)
   * @param unescape read quoted values as Python literals (packaging 22+; 21.3 kept them raw)
   */
  private DependencyParser(String source, boolean setVariables, boolean unescape) {
    this.tokenizer = new Tokenizer(source);
    this.setVariables = setVariables;
    this.unescape = unescape;
    // packaging 21.3 (unescape is false only there) read clauses with its Specifier and
    // LegacySpecifier patterns, the longer match winning.
    this.legacyClauses = !unescape;
  }

  /** A whole requirement. */
  static Parsed requirement(String source, boolean setVariables, boolean unescape) throws SyntaxProblem {
    return new DependencyParser(source, setVariables, unescape).requirement();
  }

  /** A whole marker. */
  static Group marker(String source, boolean setVariables, boolean unescape) throws SyntaxProblem {
    DependencyParser p = new DependencyParser(source, setVariables, unescape);
    Group marker = p.marker();
    p.tokenizer.expect("END", "end of marker expression");
    return marker;
  }

  // requirement = WS? IDENTIFIER WS? extras WS? requirement_details
  private Parsed requirement() throws SyntaxProblem {
    tokenizer.consume("WS");
    String name = tokenizer.expect("IDENTIFIER", "package name at the start of dependency specifier");
    tokenizer.consume("WS");
    List<String> extras = extras();
    tokenizer.consume("WS");
    String url = "";
    String specifier = "";
    int specifierStart = tokenizer.position;
    int urlStart = -1;
    Group marker = null;
    // requirement_details = AT URL (WS requirement_marker?)? | specifier WS? (requirement_marker)?
    if (tokenizer.check("AT")) {
      tokenizer.read();
      tokenizer.consume("WS");
      urlStart = tokenizer.position;
      url = tokenizer.expect("URL", "URL after @");
      if (!tokenizer.check("END", true)) {
        tokenizer.expect("WS", "whitespace after URL");
        if (!tokenizer.check("END", true)) {
          marker = requirementMarker(urlStart, "semicolon (after URL and whitespace)");
        }
      }
    } else {
      specifierStart = tokenizer.position;
      specifier = specifier();
      tokenizer.consume("WS");
      if (!tokenizer.check("END", true)) {
        marker = requirementMarker(specifierStart, specifier.isEmpty()
            ? "semicolon (after name with no version specifier)"
            : "comma (within version specifier), semicolon (after version specifier)");
      }
    }
    tokenizer.expect("END", "end of dependency specifier");
    return new Parsed(name, extras, url, urlStart, specifier, specifierStart, marker);
  }

  // requirement_marker = SEMICOLON marker WS?
  private Group requirementMarker(int spanStart, String expected) throws SyntaxProblem {
    if (!tokenizer.check("SEMICOLON")) {
      throw tokenizer.error("expected " + expected + " or end", spanStart, tokenizer.position);
    }
    tokenizer.read();
    Group marker = marker();
    tokenizer.consume("WS");
    return marker;
  }

  // extras = (LEFT_BRACKET wsp* extras_list? wsp* RIGHT_BRACKET)?
  private List<String> extras() throws SyntaxProblem {
    List<String> extras = new ArrayList<>();
    if (!tokenizer.check("LEFT_BRACKET", true)) {
      return extras;
    }
    int open = tokenizer.position;
    tokenizer.check("LEFT_BRACKET");
    tokenizer.read();
    tokenizer.consume("WS");
    // extras_list = identifier (wsp* ',' wsp* identifier)*
    if (tokenizer.check("IDENTIFIER")) {
      extras.add(tokenizer.read());
      while (true) {
        tokenizer.consume("WS");
        if (tokenizer.check("IDENTIFIER", true)) {
          throw tokenizer.error("expected comma between extra names");
        } else if (!tokenizer.check("COMMA")) {
          break;
        }
        tokenizer.read();
        tokenizer.consume("WS");
        extras.add(tokenizer.expect("IDENTIFIER", "extra name after comma"));
      }
    }
    tokenizer.consume("WS");
    close("RIGHT_BRACKET", "]", "[", open, "extras");
    return extras;
  }

  private void close(String token, String symbol, String openSymbol, int open, String around) throws SyntaxProblem {
    if (!tokenizer.check(token)) {
      throw tokenizer.error("expected matching '" + symbol + "' for the '" + openSymbol + "' at column "
          + (open + 1) + ", after " + around, open, tokenizer.position);
    }
    tokenizer.read();
  }

  // specifier = LEFT_PARENTHESIS WS? version_many WS? RIGHT_PARENTHESIS | WS? version_many WS?
  private String specifier() throws SyntaxProblem {
    int open = -1;
    if (tokenizer.check("LEFT_PARENTHESIS")) {
      open = tokenizer.position;
      tokenizer.read();
    }
    tokenizer.consume("WS");
    String specifiers = versionMany();
    tokenizer.consume("WS");
    if (open >= 0) {
      close("RIGHT_PARENTHESIS", ")", "(", open, "version specifier");
    }
    return specifiers;
  }

  // version_many = (SPECIFIER (WS? COMMA WS? SPECIFIER)*)?
  private String versionMany() throws SyntaxProblem {
    if (legacyClauses) {
      return versionMany21();
    }
    StringBuilder specifiers = new StringBuilder();
    while (tokenizer.check("SPECIFIER")) {
      int start = tokenizer.position;
      specifiers.append(tokenizer.read());
      if (tokenizer.check("VERSION_PREFIX_TRAIL", true)) {
        throw tokenizer.error(".* suffix can only be used with `==` or `!=` operators",
            start, tokenizer.position + 1);
      }
      if (tokenizer.check("VERSION_LOCAL_LABEL_TRAIL", true)) {
        throw tokenizer.error("Local version label can only be used with `==` or `!=` operators",
            start, tokenizer.position);
      }
      tokenizer.consume("WS");
      if (!tokenizer.check("COMMA")) {
        break;
      }
      specifiers.append(tokenizer.read());
      tokenizer.consume("WS");
    }
    return specifiers.toString();
  }

  /**
   * packaging 21.3 (pyparsing): {@code VERSION_ONE (COMMA VERSION_ONE)*} where
   * {@code VERSION_ONE} is the longer of a Specifier and a LegacySpecifier match; a comma must
   * be followed by a clause.
   */
  private String versionMany21() throws SyntaxProblem {
    StringBuilder specifiers = new StringBuilder();
    int length = clause21();
    if (length <= 0) {
      return "";
    }
    specifiers.append(tokenizer.readLength(length));
    while (true) {
      int mark = tokenizer.position;
      tokenizer.consume("WS");
      if (!tokenizer.check("COMMA")) {
        tokenizer.position = mark;
        break;
      }
      tokenizer.read();
      tokenizer.consume("WS");
      length = clause21();
      if (length <= 0) {
        throw tokenizer.error("expected a version specifier after the comma");
      }
      specifiers.append(',').append(tokenizer.readLength(length));
    }
    return specifiers.toString();
  }

  private int clause21() {
    return Math.max(tokenizer.lengthOf("SPECIFIER_21"), tokenizer.lengthOf("LEGACY_SPECIFIER_21"));
  }

  // marker = marker_atom (BOOLOP marker_atom)+
  private Group marker() throws SyntaxProblem {
    List<Node> atoms = new ArrayList<>();
    List<String> ops = new ArrayList<>();
    atoms.add(markerAtom());
    while (tokenizer.check("BOOLOP")) {
      ops.add(tokenizer.read());
      atoms.add(markerAtom());
    }
    return new Group(atoms, ops);
  }

  // marker_atom = WS? LEFT_PARENTHESIS WS? marker WS? RIGHT_PARENTHESIS WS? | WS? marker_item WS?
  private Node markerAtom() throws SyntaxProblem {
    tokenizer.consume("WS");
    Node atom;
    if (tokenizer.check("LEFT_PARENTHESIS", true)) {
      int open = tokenizer.position;
      if (++depth > MAX_MARKER_NESTING) {
        throw new SyntaxProblem("parentheses nested more than " + MAX_MARKER_NESTING
            + " deep (wheelwise's limit for markers; no option raises it)", open, open + 1);
      }
      tokenizer.check("LEFT_PARENTHESIS");
      tokenizer.read();
      tokenizer.consume("WS");
      atom = marker();
      depth--;
      tokenizer.consume("WS");
      close("RIGHT_PARENTHESIS", ")", "(", open, "marker expression");
    } else {
      atom = markerItem();
    }
    tokenizer.consume("WS");
    return atom;
  }

  // marker_item = WS? marker_var WS? marker_op WS? marker_var WS?
  private Compare markerItem() throws SyntaxProblem {
    tokenizer.consume("WS");
    Operand left = markerVar();
    tokenizer.consume("WS");
    String op = markerOp();
    tokenizer.consume("WS");
    Operand right = markerVar();
    tokenizer.consume("WS");
    return new Compare(left, op, right);
  }

  // marker_var = VARIABLE | QUOTED_STRING
  private Operand markerVar() throws SyntaxProblem {
    if (tokenizer.check(setVariables ? "VARIABLE" : "VARIABLE_BEFORE_25")) {
      String name = tokenizer.read().replace('.', '_');
      if (name.equals("python_implementation")) {
        name = "platform_python_implementation";
      }
      return Operand.variable(name);
    }
    if (tokenizer.check("QUOTED_STRING")) {
      int start = tokenizer.position;
      String quoted = tokenizer.read();
      String body = quoted.substring(1, quoted.length() - 1);
      if (unescape) {
        try {
          body = PythonString.unescape(body);
        } catch (PythonString.BadEscape e) {
          throw tokenizer.error("invalid escape in quoted string: " + e.getMessage(),
              start + 1 + e.offset, start + quoted.length() - 1);
        }
      }
      return Operand.value(body);
    }
    throw tokenizer.error("expected a marker variable or quoted string");
  }

  // marker_op = IN | NOT IN | OP
  private String markerOp() throws SyntaxProblem {
    if (tokenizer.check("IN")) {
      tokenizer.read();
      return "in";
    }
    if (tokenizer.check("NOT")) {
      tokenizer.read();
      tokenizer.expect("WS", "whitespace after 'not'");
      tokenizer.expect("IN", "'in' after 'not'");
      return "not in";
    }
    if (tokenizer.check("OP")) {
      return tokenizer.read();
    }
    throw tokenizer.error("expected marker operator, one of <=, <, !=, ==, >=, >, ~=, ===, in, not in");
  }
}
