package dev.wheelwise.cli;

/** A command-line value that parses but makes no sense; reported without a stack trace, exit 2. */
public final class UsageException extends RuntimeException {
  public UsageException(String message) {
    super(message);
  }
}
