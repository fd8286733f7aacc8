package dev.wheelwise.pep508;

import java.util.Locale;
import java.util.regex.Pattern;

/** Project and extra names: PEP 503 normalization and PEP 508 validity. */
public final class Names {
  private static final Pattern RUNS = Pattern.compile("[-_.]+");
  private static final Pattern VALID =
      Pattern.compile("^([A-Z0-9]|[A-Z0-9][A-Z0-9._-]*[A-Z0-9])$", Pattern.CASE_INSENSITIVE);

  private Names() {}

  /** PEP 503: lower-case, runs of {@code -_.} become one {@code -}. Also PEP 685 for extras. */
  public static String canonicalize(String name) {
    return RUNS.matcher(name).replaceAll("-").toLowerCase(Locale.ROOT);
  }

  /** PEP 508 name grammar: letters, digits, {@code -_.} inside. */
  public static boolean isValid(String name) {
    return VALID.matcher(name).matches();
  }
}
