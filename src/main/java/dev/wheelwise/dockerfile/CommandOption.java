package dev.wheelwise.dockerfile;

/**
 * One option of a recognized command: {@code name} in its long form ({@code --requirement} for
 * {@code -r}), {@code value} (null for a switch), and {@code written} as it appeared.
 */
public record CommandOption(String name, String value, String written) {}
