/**
 * PEP 440 versions and specifiers, answering as Python's {@code packaging} does — per
 * {@link dev.wheelwise.pep440.PipProfile}, because answers changed across packaging releases
 * (research notes §1.5):
 *
 * <ul>
 *   <li>{@link dev.wheelwise.pep440.Version}: {@code parse}/{@code tryParse} (packaging 26) and
 *       {@code tryParse(text, profile)} (21.3–25 fold case with Unicode rules);
 *   <li>{@link dev.wheelwise.pep440.SpecifierSet}: {@code parse(text[, profile])},
 *       {@code contains(v[, profile, prereleases])}, {@code filter(versions, profile,
 *       prereleases)} (pip's call on an index's versions), {@code toString([profile])};
 *   <li>{@link dev.wheelwise.pep440.InvalidVersion}, {@link dev.wheelwise.pep440.InvalidSpecifier}:
 *       the typed parse errors with text, position and a plain message.
 * </ul>
 *
 * <p>Checked against packaging 26.2, 21.3 and 23.0 by the differential tests; the 24.2–25.x
 * generation ({@code <}/{@code >} with a pre-release bound admit pre-releases) follows the
 * packaging changelog and is not checked against a running 24.2/25.
 */
package dev.wheelwise.pep440;
