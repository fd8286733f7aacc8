package dev.wheelwise.dockerfile;

/** A parser directive ({@code # syntax=…}, {@code # escape=…}, {@code # check=…}) at the top of the file. */
public record Directive(String name, String value, int line) {}
