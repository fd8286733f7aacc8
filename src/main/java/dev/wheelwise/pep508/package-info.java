/**
 * PEP 508 dependency specifiers, answering as Python's {@code packaging} does per
 * {@link dev.wheelwise.pep440.PipProfile} (research notes §1.6, §4):
 *
 * <ul>
 *   <li>{@link dev.wheelwise.pep508.Requirement}: {@code parse(text)}, {@code parse(text, source,
 *       line[, profile])} for file readers (errors say file:line:col);
 *   <li>{@link dev.wheelwise.pep508.Marker}: {@code parse(text[, profile])},
 *       {@code evaluate(env, profile)} (throws {@link dev.wheelwise.pep508.MarkerEvaluationError}
 *       where that packaging raises), {@code toString([profile])};
 *   <li>{@link dev.wheelwise.pep508.MarkerEnvironment}: a target's marker values
 *       ({@code linuxCPython(3, 12, 7, "x86_64")}, {@code withExtra}, {@code withExtras},
 *       {@code withDependencyGroups}, {@code withPlatform});
 *   <li>{@link dev.wheelwise.pep508.Names}: PEP 503 names and PEP 685 extras.
 * </ul>
 *
 * <p>The grammar is packaging 22+'s tokenizer for every profile, with packaging 21.3's
 * differences that change answers on real and generated input (legacy clauses, marker
 * variables, raw quoted values, the URL check); white space other than space and tab, which
 * 21.3's pyparsing skipped, is not modelled.
 */
package dev.wheelwise.pep508;
