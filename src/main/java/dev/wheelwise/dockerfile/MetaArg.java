package dev.wheelwise.dockerfile;

/**
 * An ARG before the first FROM: its default as written (null when none), the value FROM sees
 * ({@code --build-arg} override, else the expanded default; null when it has neither), and
 * whether a build argument overrode it.
 */
public record MetaArg(String name, String defaultValue, String value, boolean overridden, int line) {}
