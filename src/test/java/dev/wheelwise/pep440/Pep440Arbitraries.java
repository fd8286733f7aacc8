package dev.wheelwise.pep440;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Generators of PEP 440 text in the spellings people write: epochs, pre/post/dev releases with
 * their aliases and separators, local labels, {@code v} prefixes, wildcards. Numbers stay small
 * so that generated specifiers and versions often meet at the edges (1.0 vs 1.0.0, 1.0rc1).
 */
final class Pep440Arbitraries {
  private Pep440Arbitraries() {}

  static Arbitrary<String> release() {
    Arbitrary<String> number = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(6, Arbitraries.integers().between(0, 3).map(String::valueOf)),
        net.jqwik.api.Tuple.of(1, Arbitraries.of("10", "01", "2026", "00")));
    return number.list().ofMinSize(1).ofMaxSize(4).map(parts -> String.join(".", parts));
  }

  static Arbitrary<String> version() {
    Arbitrary<String> epoch = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(12, Arbitraries.just("")),
        net.jqwik.api.Tuple.of(1, Arbitraries.of("1!", "2!", "0!")));
    Arbitrary<String> pre = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(5, Arbitraries.just("")),
        net.jqwik.api.Tuple.of(4, Combinators.combine(
            Arbitraries.of("", "", ".", "-", "_"),
            Arbitraries.of("a", "a", "b", "rc", "rc", "alpha", "beta", "c", "pre", "preview", "RC", "A"),
            Arbitraries.of("0", "1", "1", "2", "")).as((s, l, n) -> s + l + n)));
    Arbitrary<String> post = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(7, Arbitraries.just("")),
        net.jqwik.api.Tuple.of(2, Arbitraries.of(".post1", ".post0", "post2", "-1", ".r1", "rev0", ".post", "-post1")));
    Arbitrary<String> dev = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(7, Arbitraries.just("")),
        net.jqwik.api.Tuple.of(2, Arbitraries.of(".dev0", ".dev1", "dev1", ".dev", "-dev2")));
    Arbitrary<String> local = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(7, Arbitraries.just("")),
        net.jqwik.api.Tuple.of(1, Arbitraries.of("+local", "+1", "+ubuntu.1", "+Abc-2", "+1.a", "+a.1")));
    Arbitrary<String> prefix = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(20, Arbitraries.just("")),
        net.jqwik.api.Tuple.of(1, Arbitraries.just("v")));
    return Combinators.combine(prefix, epoch, release(), pre, post, dev, local)
        .as((v, e, r, pr, po, d, l) -> v + e + r + pr + po + d + l);
  }

  /**
   * Version text, often damaged: a character doubled, dropped or swapped for one of the
   * grammar's separators, white space around, upper case. About half stay valid.
   */
  static Arbitrary<String> versionOrNearMiss() {
    Arbitrary<String> damage = Arbitraries.of("", "", "", "-", ".", "_", "+", "!", "*", " ", "..", "x", "post", "ı");
    return Combinators.combine(version(), damage, Arbitraries.integers().between(0, 40), Arbitraries.of(0, 1, 2, 3))
        .as((v, d, at, how) -> {
          int i = Math.min(at, v.length());
          switch (how) {
            case 0:
              return v.substring(0, i) + d + v.substring(i);
            case 1:
              return i < v.length() ? v.substring(0, i) + v.substring(i + 1) : v + d;
            case 2:
              return " " + v.toUpperCase(java.util.Locale.ROOT) + "\t";
            default:
              return v;
          }
        });
  }

  /** One clause: an operator, optional space, a version; wildcards for == and !=. */
  static Arbitrary<String> clause() {
    Arbitrary<String> op = Arbitraries.of("==", "==", "!=", "<=", ">=", ">=", "<", "<", ">", ">", "~=", "~=", "===");
    Arbitrary<String> space = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(8, Arbitraries.just("")),
        net.jqwik.api.Tuple.of(1, Arbitraries.just(" ")));
    Arbitrary<String> wildcardVersion = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(4, release()),
        net.jqwik.api.Tuple.of(1, version()));
    return Combinators.combine(op, space, version(), wildcardVersion, Arbitraries.integers().between(0, 5))
        .as((o, s, v, w, roll) -> (o.equals("==") || o.equals("!=")) && roll == 0 ? o + s + w + ".*" : o + s + v);
  }

  /** One to three clauses joined by commas. */
  static Arbitrary<String> specifierSet() {
    return clause().list().ofMinSize(1).ofMaxSize(3).map(parts -> String.join(",", parts));
  }
}
