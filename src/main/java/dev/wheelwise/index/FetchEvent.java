package dev.wheelwise.index;

/**
 * Progress of a batch of project fetches, sent to a listener the caller registers (the core
 * never prints; the CLI draws a bar from these).
 */
public record FetchEvent(String project, int done, int total) {}
