package dev.wheelwise.cli;

import dev.wheelwise.index.FetchEvent;
import java.io.PrintWriter;

/**
 * A one-line progress bar on stderr while many projects are fetched: drawn only when stderr is
 * an interactive terminal and not {@code --quiet}, redrawn at most ten times a second. A tiny
 * hand-made bar rather than a library: start-up time matters more than features here.
 */
final class Progress implements AutoCloseable {
  private static final int WIDTH = 30;
  private final PrintWriter err;
  private final boolean enabled;
  private long lastDraw;
  private boolean drawn;

  private Progress(PrintWriter err, boolean enabled) {
    this.err = err;
    this.enabled = enabled;
  }

  static Progress forTerminal(PrintWriter err, boolean quiet, int total) {
    return new Progress(err, !quiet && total > 1 && System.console() != null);
  }

  synchronized void update(FetchEvent e) {
    if (!enabled) {
      return;
    }
    long now = System.nanoTime();
    if (e.done() < e.total() && now - lastDraw < 100_000_000L) {
      return;
    }
    lastDraw = now;
    int filled = e.total() == 0 ? WIDTH : (int) ((long) WIDTH * e.done() / e.total());
    err.print("\r[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + e.done() + "/" + e.total() + " " + pad(e.project()));
    err.flush();
    drawn = true;
  }

  private static String pad(String s) {
    return s.length() >= 30 ? s.substring(0, 30) : s + " ".repeat(30 - s.length());
  }

  @Override
  public synchronized void close() {
    if (drawn) {
      err.print("\r" + " ".repeat(WIDTH + 45) + "\r");
      err.flush();
    }
  }
}
