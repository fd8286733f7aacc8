package dev.wheelwise.project;

/**
 * A lock that cannot be installed as asked for the target: the target's Python is outside the
 * lock's {@code requires-python}, no environment of the lock matches, an unknown extra or group
 * was requested, the roots are unknown, or the lock is ambiguous. The message names the lock
 * file and says which.
 */
public final class InstallSetError extends Exception {
  public InstallSetError(String message) {
    super(message);
  }
}
